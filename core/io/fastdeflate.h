#pragma once

// While one lives, the zlib streams its thread opens compress at zlib's fastest level.
//
// libxlsxwriter zips a workbook at zlib's default level and offers no setting for it; on a large
// export that compression was over a third of the time. Leadbench's executables export their
// own `deflateInit2_` (see core/CMakeLists.txt), which the zip code in libminizip binds to, and
// which passes the level on unchanged unless a FastDeflate lives on the calling thread. The
// files stay ordinary deflated zip archives, about a quarter larger.
class FastDeflate {
public:
    FastDeflate();
    ~FastDeflate();
    FastDeflate(const FastDeflate &) = delete;
    FastDeflate &operator=(const FastDeflate &) = delete;

    // Whether the zip streams opened now on this thread compress fast: a FastDeflate lives
    // here and the shared libraries see Leadbench's deflateInit2_ before zlib's.
    static bool isActive();
};
