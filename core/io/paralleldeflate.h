#pragma once

#include <zlib.h>

#include <memory>

// One raw deflate stream compressed on several threads: the input is cut into blocks, each
// deflated on a worker with the 32 KiB before it as its dictionary and ended on a byte boundary
// (a sync flush), and the blocks' output is handed back in order. The result is one ordinary
// deflate stream that any inflater reads, about the size of zlib's own (a flush marker of five
// bytes per block).
//
// It speaks zlib's deflate() contract for the calls minizip makes: all input is taken at once,
// output is given as the caller's buffer allows, Z_FINISH returns Z_OK until everything is out
// and then Z_STREAM_END.
class ParallelDeflate {
public:
    ParallelDeflate(int level, int memLevel, int strategy, int threads);
    ~ParallelDeflate(); // stops and joins the workers
    ParallelDeflate(const ParallelDeflate &) = delete;
    ParallelDeflate &operator=(const ParallelDeflate &) = delete;

    int deflate(z_stream *stream, int flush);

private:
    struct Private;
    std::unique_ptr<Private> d;
};
