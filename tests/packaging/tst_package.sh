#!/usr/bin/env bash
# The Debian package as a user's apt would get it: made by CPack from this build tree, then its
# contents, control fields, desktop file, metainfo, man pages and executables checked, and lintian.
# usage: tst_package.sh BUILD_DIR VERSION
set -uo pipefail
build=$1
version=$2
deb=leadbench_${version}_amd64.deb
work=$(mktemp -d -t tst_package.XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  printf 'FAIL: %s: %s\n' "$1" "$2"
  failures=$((failures + 1))
}
pass() {
  printf 'PASS: %s\n' "$1"
}
need() {
  command -v "$1" >/dev/null || { printf 'FAIL: %s is not installed (Debian package %s; ./dev test installs it)\n' "$1" "$2"; exit 1; }
}
need cpack cmake
need dpkg-deb dpkg
need dpkg-shlibdeps dpkg-dev
need lintian lintian
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need python3 python3
need file file

# cpack: into a directory of its own, so that two runs never share a staging tree.
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >"$work/cpack.log" 2>&1; then
  tail -n 30 "$work/cpack.log"
  fail cpack "cpack -G DEB failed"
  exit 1
fi
if [ ! -f "$work/$deb" ]; then
  fail cpack "no $deb; cpack made: $(cd "$work" && ls ./*.deb 2>/dev/null | tr '\n' ' ')"
  exit 1
fi
pass "cpack made $deb"

# Contents: what a desktop, man and apt look for.
contents=$(dpkg-deb -c "$work/$deb" | awk '{print $6}')
expected=(./usr/bin/leadbench ./usr/bin/leadbench-cli
  ./usr/share/applications/leadbench.desktop
  ./usr/share/metainfo/io.github.leadbench.Leadbench.metainfo.xml
  ./usr/share/icons/hicolor/scalable/apps/leadbench.svg
  ./usr/share/man/man1/leadbench.1.gz ./usr/share/man/man1/leadbench-cli.1.gz
  ./usr/share/doc/leadbench/copyright ./usr/share/doc/leadbench/changelog.gz)
for size in 16 22 24 32 48 64 128 256; do
  expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/leadbench.png")
done
missing=()
for path in "${expected[@]}"; do
  grep -qxF "$path" <<<"$contents" || missing+=("$path")
done
if [ ${#missing[@]} -eq 0 ]; then pass "contents"; else fail contents "missing ${missing[*]}"; fi

# Control fields: the name and version apt sees, and the plugins shlibdeps cannot find.
field() { dpkg-deb -f "$work/$deb" "$1"; }
[ "$(field Package)" = leadbench ] && pass "Package" || fail "Package field" "'$(field Package)', not leadbench"
[ "$(field Version)" = "$version" ] && pass "Version" || fail "Version field" "'$(field Version)', not the project's $version"
[ "$(field Architecture)" = amd64 ] && pass "Architecture" || fail "Architecture field" "'$(field Architecture)', not amd64"
depends=$(field Depends)
before=$failures
# The three Qt plugins and the SVG icon engine by name; what dpkg-shlibdeps found by its libraries.
for p in libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins libqt6svg6 libqt6core6 libqt6widgets6 \
  "libxlsxwriter[0-9]+" "libminizip[0-9]+" "libsqlite3-[0-9]+"; do
  grep -Eq "(^|, )$p( |,|$)" <<<"$depends" || fail "Depends field" "no $p in: $depends"
done
[ "$failures" -eq "$before" ] && pass "Depends: $depends"

dpkg-deb -x "$work/$deb" "$work/root" || { fail extract "dpkg-deb -x $deb failed"; exit 1; }
root=$work/root

if out=$(desktop-file-validate "$root/usr/share/applications/leadbench.desktop" 2>&1) && [ -z "$out" ]; then
  pass "desktop-file-validate"
else
  fail desktop-file-validate "$out"
fi

metainfo=$root/usr/share/metainfo/io.github.leadbench.Leadbench.metainfo.xml
if out=$(appstreamcli validate --no-net "$metainfo" 2>&1); then
  pass "appstreamcli validate --no-net"
else
  fail "appstreamcli validate --no-net" "$out"
fi
grep -q "<release version=\"$version\"" "$metainfo" && pass "metainfo release" \
  || fail "metainfo release" "no release $version in the metainfo"
captions=$(grep -c '<caption>' "$metainfo")
images=$(grep -c '<image>' "$metainfo")
[ "$captions" -ge 1 ] && [ "$captions" -eq "$images" ] && pass "screenshot captions" \
  || fail "screenshot captions" "$images screenshots, $captions captions"

# Every PNG is the size its directory says.
if out=$(python3 - "$root/usr/share/icons/hicolor" <<'PY'
import pathlib, struct, sys
bad = []
for png in sorted(pathlib.Path(sys.argv[1]).glob("*x*/apps/*.png")):
    width, height = struct.unpack(">II", png.read_bytes()[16:24])
    if f"{width}x{height}" != png.parts[-3]:
        bad.append(f"{png.parts[-3]}/{png.name} is {width}x{height}")
print("; ".join(bad))
sys.exit(1 if bad else 0)
PY
); then pass "icon sizes"; else fail "icon sizes" "$out"; fi

# The man pages: this version in the header, and every command leadbench-cli lists.
cli=$root/usr/bin/leadbench-cli
for page in leadbench leadbench-cli; do
  head=$(zcat "$root/usr/share/man/man1/$page.1.gz" | grep -m1 '^\.TH')
  grep -qF "Leadbench $version" <<<"$head" && pass "$page.1 header" \
    || fail "$page.1 header" "'$head' does not name Leadbench $version"
done
commands=$("$cli" --help | sed -n '/^commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || fail "leadbench-cli --help" "no commands listed"
undocumented=()
for c in $commands; do
  zcat "$root/usr/share/man/man1/leadbench-cli.1.gz" | grep -qE "^\.SS \"?$c( |\"|\$)" \
    || undocumented+=("$c")
done
[ ${#undocumented[@]} -eq 0 ] && pass "leadbench-cli.1 commands" \
  || fail "leadbench-cli.1 commands" "not in the man page: ${undocumented[*]}"

head -n 1 "$root/usr/share/doc/leadbench/copyright" | grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
  && pass "copyright" || fail copyright "not machine-readable (DEP-5)"
zcat "$root/usr/share/doc/leadbench/changelog.gz" | head -n 1 | grep -qF "leadbench ($version)" \
  && pass "changelog" || fail changelog "the newest entry is not $version"

# The executables as installed run and say their version.
out=$("$cli" --version 2>&1)
[ "$out" = "leadbench-cli $version" ] && pass "leadbench-cli --version" \
  || fail "leadbench-cli --version" "printed '$out', expected 'leadbench-cli $version'"
out=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/leadbench" --version 2>/dev/null)
[ "$out" = "Leadbench $version" ] && pass "leadbench --version" \
  || fail "leadbench --version" "printed '$out', expected 'Leadbench $version'"

if out=$(lintian --fail-on error --tag-display-limit 0 "$work/$deb" 2>&1); then
  pass "lintian --fail-on error"
  [ -z "$out" ] || printf '%s\n' "$out"
else
  fail "lintian --fail-on error" "$out"
fi

if [ "$failures" -gt 0 ]; then
  printf '%d check(s) failed\n' "$failures"
  exit 1
fi
