#include "fastdeflate.h"

#include <dlfcn.h>
#include <zlib.h>

namespace {

thread_local int fastScopes = 0;

using DeflateInit2 = int (*)(z_streamp, int, int, int, int, int, const char *, int);

// zlib's own deflateInit2_, the next definition after this one.
DeflateInit2 zlibDeflateInit2() {
    static const auto next = reinterpret_cast<DeflateInit2>(dlsym(RTLD_NEXT, "deflateInit2_"));
    return next;
}

} // namespace

FastDeflate::FastDeflate() {
    ++fastScopes;
}

FastDeflate::~FastDeflate() {
    --fastScopes;
}

bool FastDeflate::isActive() {
    // Without the executable's export the zip code binds to zlib directly, past this one.
    return fastScopes > 0 && zlibDeflateInit2() != nullptr &&
           dlsym(RTLD_DEFAULT, "deflateInit2_") == reinterpret_cast<void *>(&deflateInit2_);
}

// The deflate streams of the libraries that zip are opened here.
extern "C" __attribute__((visibility("default"))) int
deflateInit2_(z_streamp stream, int level, int method, int windowBits, int memLevel, int strategy,
              const char *version, int streamSize) {
    const DeflateInit2 zlib = zlibDeflateInit2();
    if (!zlib)
        return Z_VERSION_ERROR;
    if (fastScopes > 0 && level != Z_NO_COMPRESSION)
        level = Z_BEST_SPEED;
    return zlib(stream, level, method, windowBits, memLevel, strategy, version, streamSize);
}
