#include "fastdeflate.h"

#include "paralleldeflate.h"

#include <dlfcn.h>
#include <zlib.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace {

thread_local int fastScopes = 0;

using DeflateInit2 = int (*)(z_streamp, int, int, int, int, int, const char *, int);
using Deflate = int (*)(z_streamp, int);
using DeflateEnd = int (*)(z_streamp);

// zlib's own functions, the next definitions after these.
DeflateInit2 zlibDeflateInit2() {
    static const auto next = reinterpret_cast<DeflateInit2>(dlsym(RTLD_NEXT, "deflateInit2_"));
    return next;
}
Deflate zlibDeflate() {
    static const auto next = reinterpret_cast<Deflate>(dlsym(RTLD_NEXT, "deflate"));
    return next;
}
DeflateEnd zlibDeflateEnd() {
    static const auto next = reinterpret_cast<DeflateEnd>(dlsym(RTLD_NEXT, "deflateEnd"));
    return next;
}

// The zip streams opened in a FastDeflate scope, compressed on every core. zlib's own state
// is set up for them as well, so that a call this file does not take still finds one.
std::mutex parallelMutex;
std::map<z_streamp, std::unique_ptr<ParallelDeflate>> parallelStreams;
std::atomic<int> parallelCount{0};

ParallelDeflate *parallelOf(z_streamp stream) {
    if (parallelCount.load(std::memory_order_acquire) == 0)
        return nullptr;
    const std::lock_guard lock(parallelMutex);
    const auto it = parallelStreams.find(stream);
    return it == parallelStreams.end() ? nullptr : it->second.get();
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
    const bool fast = fastScopes > 0 && level != Z_NO_COMPRESSION;
    if (fast)
        level = Z_BEST_SPEED;
    const int r = zlib(stream, level, method, windowBits, memLevel, strategy, version, streamSize);
    // Raw streams, as zip archives hold them, on every core where there is more than one.
    const int threads = int(std::thread::hardware_concurrency());
    if (r == Z_OK && fast && windowBits < 0 && threads > 1) {
        const std::lock_guard lock(parallelMutex);
        parallelStreams[stream] =
            std::make_unique<ParallelDeflate>(level, memLevel, strategy, threads);
        parallelCount.fetch_add(1, std::memory_order_release);
    }
    return r;
}

extern "C" __attribute__((visibility("default"))) int deflate(z_streamp stream, int flush) {
    if (ParallelDeflate *parallel = parallelOf(stream))
        return parallel->deflate(stream, flush);
    const Deflate zlib = zlibDeflate();
    return zlib ? zlib(stream, flush) : Z_STREAM_ERROR;
}

extern "C" __attribute__((visibility("default"))) int deflateEnd(z_streamp stream) {
    std::unique_ptr<ParallelDeflate> ended; // its workers joined outside the lock
    if (parallelCount.load(std::memory_order_acquire) > 0) {
        const std::lock_guard lock(parallelMutex);
        if (const auto it = parallelStreams.find(stream); it != parallelStreams.end()) {
            ended = std::move(it->second);
            parallelStreams.erase(it);
            parallelCount.fetch_sub(1, std::memory_order_release);
        }
    }
    const DeflateEnd zlib = zlibDeflateEnd();
    return zlib ? zlib(stream) : Z_STREAM_ERROR;
}
