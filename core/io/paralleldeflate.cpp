#include "paralleldeflate.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace {

// Large enough that the dictionary and the flush marker cost nothing, small enough that a
// few in flight keep every worker busy.
constexpr std::size_t blockSize = 128 * 1024;
constexpr std::size_t windowSize = 32 * 1024; // deflate's window: the dictionary of a block

struct Block {
    std::vector<unsigned char> input;
    std::vector<unsigned char> dictionary;
    std::vector<unsigned char> output;
    bool last = false;
    bool done = false;
    bool failed = false;
};

} // namespace

struct ParallelDeflate::Private {
    int level = Z_BEST_SPEED;
    int memLevel = 8;
    int strategy = Z_DEFAULT_STRATEGY;
    std::size_t inFlight = 8; // blocks made but not yet handed out before the caller waits

    std::mutex mutex;
    std::condition_variable work;             // a block to compress, or stopping
    std::condition_variable finished;         // a block is compressed
    std::deque<std::shared_ptr<Block>> queue; // not yet taken by a worker
    std::deque<std::shared_ptr<Block>> order; // not yet handed out, in the stream's order
    std::vector<std::thread> workers;
    bool stopping = false;

    // The caller's side, touched by the caller's thread only.
    std::vector<unsigned char> pending; // input not yet in a block
    std::vector<unsigned char> window;  // the last input given to a block
    bool finishing = false;             // the last block is made
    std::size_t delivered = 0;          // of order.front()'s output

    void run();
    bool compress(z_stream &z, Block &b) const;
    void dispatch(std::size_t size, bool last);
};

void ParallelDeflate::Private::run() {
    z_stream z = {};
    // The workers' own streams reach zlib unchanged: no FastDeflate lives on their threads.
    const bool ready = deflateInit2(&z, level, Z_DEFLATED, -MAX_WBITS, memLevel, strategy) == Z_OK;
    while (true) {
        std::shared_ptr<Block> b;
        {
            std::unique_lock lock(mutex);
            work.wait(lock, [this] { return stopping || !queue.empty(); });
            if (queue.empty())
                break;
            b = queue.front();
            queue.pop_front();
        }
        const bool ok = ready && compress(z, *b);
        {
            const std::lock_guard lock(mutex);
            b->failed = !ok;
            b->done = true;
        }
        finished.notify_all();
    }
    if (ready)
        deflateEnd(&z);
}

bool ParallelDeflate::Private::compress(z_stream &z, Block &b) const {
    if (deflateReset(&z) != Z_OK)
        return false;
    if (!b.dictionary.empty() &&
        deflateSetDictionary(&z, b.dictionary.data(), uInt(b.dictionary.size())) != Z_OK)
        return false;
    // deflateBound covers a finished stream; a sync flush adds its empty stored block.
    b.output.resize(deflateBound(&z, uLong(b.input.size())) + 16);
    z.next_in = b.input.data();
    z.avail_in = uInt(b.input.size());
    z.next_out = b.output.data();
    z.avail_out = uInt(b.output.size());
    // A sync flush ends the block's output on a byte boundary with the stream still open, so
    // the next block's output follows it directly.
    const int r = ::deflate(&z, b.last ? Z_FINISH : Z_SYNC_FLUSH);
    b.output.resize(b.output.size() - z.avail_out);
    return b.last ? r == Z_STREAM_END : r == Z_OK && z.avail_in == 0;
}

void ParallelDeflate::Private::dispatch(std::size_t size, bool last) {
    auto b = std::make_shared<Block>();
    b->input.assign(pending.begin(), pending.begin() + std::ptrdiff_t(size));
    pending.erase(pending.begin(), pending.begin() + std::ptrdiff_t(size));
    b->dictionary = window;
    b->last = last;
    window.insert(window.end(), b->input.end() - std::ptrdiff_t(std::min(size, windowSize)),
                  b->input.end());
    if (window.size() > windowSize)
        window.erase(window.begin(), window.end() - std::ptrdiff_t(windowSize));
    {
        const std::lock_guard lock(mutex);
        queue.push_back(b);
        order.push_back(std::move(b));
    }
    work.notify_one();
}

ParallelDeflate::ParallelDeflate(int level, int memLevel, int strategy, int threads)
    : d(std::make_unique<Private>()) {
    d->level = level;
    d->memLevel = memLevel;
    d->strategy = strategy;
    d->inFlight = std::size_t(std::max(threads, 1)) * 4;
    d->pending.reserve(blockSize * 2);
    for (int i = 0; i < std::max(threads, 1); ++i)
        d->workers.emplace_back([this] { d->run(); });
}

ParallelDeflate::~ParallelDeflate() {
    {
        const std::lock_guard lock(d->mutex);
        d->stopping = true;
        d->queue.clear();
    }
    d->work.notify_all();
    for (std::thread &t : d->workers)
        t.join();
}

int ParallelDeflate::deflate(z_stream *s, int flush) {
    if (s->avail_in > 0) {
        if (d->finishing)
            return Z_STREAM_ERROR; // input after Z_FINISH
        d->pending.insert(d->pending.end(), s->next_in, s->next_in + s->avail_in);
        s->next_in += s->avail_in;
        s->total_in += s->avail_in;
        s->avail_in = 0;
    }
    while (d->pending.size() >= blockSize)
        d->dispatch(blockSize, false);
    if (flush == Z_FINISH && !d->finishing) {
        d->dispatch(d->pending.size(), true);
        d->finishing = true;
    }
    // Hand out what is compressed, in order. While finishing, wait for whatever fills the
    // caller's buffer; otherwise wait only when too many blocks are in flight.
    while (s->avail_out > 0) {
        std::shared_ptr<Block> front;
        {
            std::unique_lock lock(d->mutex);
            if (d->order.empty())
                break;
            front = d->order.front();
            if (!front->done) {
                if (!d->finishing && d->order.size() <= d->inFlight)
                    break;
                d->finished.wait(lock, [&front] { return front->done; });
            }
        }
        if (front->failed)
            return Z_STREAM_ERROR;
        const std::size_t n =
            std::min(std::size_t(s->avail_out), front->output.size() - d->delivered);
        std::memcpy(s->next_out, front->output.data() + d->delivered, n);
        s->next_out += n;
        s->avail_out -= uInt(n);
        s->total_out += n;
        d->delivered += n;
        if (d->delivered < front->output.size())
            break; // the caller's buffer is full
        d->delivered = 0;
        const std::lock_guard lock(d->mutex);
        d->order.pop_front();
    }
    if (d->finishing) {
        const std::lock_guard lock(d->mutex);
        if (d->order.empty())
            return Z_STREAM_END;
    }
    return Z_OK;
}
