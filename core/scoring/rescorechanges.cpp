#include "rescorechanges.h"

#include "../storage/scorestore.h"
#include "rescorecheck.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace {

constexpr int batchSize = 20000;

// The leads with ids in (afterId, untilId] on the calling thread's connection.
RescoreChanges::Result part(const Database &db, const ScoringModel &model, const WinModel *win,
                            const QDateTime &now, bool staleOnly, qint64 afterId, qint64 untilId,
                            const std::atomic_bool *cancel, std::atomic<qint64> *seen,
                            const std::function<void(qint64)> &progress) {
    RescoreChanges::Result r;
    QString error;
    if (!db.open(&error)) {
        r.error = error;
        return r;
    }
    RescoreCheck check(model, win, now, staleOnly);
    ScoreStore store(db);
    // Any lead may need new win values, so with a win model every lead is read.
    const int readStaleFor = staleOnly && !win ? check.version() : 0;
    qint64 after = afterId;
    while (after < untilId) {
        if (cancel && cancel->load()) {
            r.cancelled = true;
            return r;
        }
        qint64 read = 0;
        const qint64 last = store.visit(after, batchSize, readStaleFor,
                                        [&](const Lead &lead, const ScoreStore::Stored &stored) {
                                            if (lead.id > untilId)
                                                return; // the next part's
                                            ++read;
                                            const RescoreCheck::Outcome o =
                                                check.check(lead, stored);
                                            r.scored += o.inScope ? 1 : 0;
                                            if (o.scoreChanged || o.winChanged)
                                                r.ids.push_back(lead.id);
                                        });
        if (last < 0) {
            r.error = store.lastError();
            return r;
        }
        r.seen += read;
        const qint64 total = seen->fetch_add(read) + read;
        if (progress)
            progress(total);
        if (last == 0)
            break;
        after = last;
    }
    r.ok = true;
    return r;
}

} // namespace

RescoreChanges::Result RescoreChanges::find(const Database &db, const ScoringModel &model,
                                            const WinModel *win, const QDateTime &now,
                                            bool staleOnly, const std::atomic_bool *cancel,
                                            const std::function<void(qint64)> &progress,
                                            qint64 idsPerThread) {
    Result result;
    ScoreStore ids(db);
    const qint64 lastId = ids.maxId();
    if (lastId < 0) {
        result.error = ids.lastError();
        return result;
    }
    const qint64 threads = qBound<qint64>(1, qMin<qint64>(QThread::idealThreadCount(), 4),
                                          1 + lastId / std::max<qint64>(idsPerThread, 1));
    const qint64 span = lastId / threads + 1;
    std::atomic<qint64> seen{0};
    QList<QFuture<Result>> futures;
    for (qint64 t = 1; t < threads; ++t)
        futures << QtConcurrent::run([&, t] {
            Result r = part(db, model, win, now, staleOnly, t * span, (t + 1) * span, cancel, &seen,
                            nullptr);
            db.closeThreadConnection();
            return r;
        });
    QList<Result> parts;
    parts << part(db, model, win, now, staleOnly, 0, span, cancel, &seen, progress);
    for (QFuture<Result> &f : futures)
        parts << f.result();
    for (Result &p : parts) {
        if (!p.ok) {
            result.error = p.error;
            result.cancelled = p.cancelled;
            return result;
        }
        result.ids.insert(result.ids.end(), p.ids.begin(), p.ids.end());
        result.scored += p.scored;
        result.seen += p.seen;
    }
    result.ok = true;
    return result;
}
