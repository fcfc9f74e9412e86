#include "rescorechanges.h"

#include "../storage/scorestore.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <iterator>

namespace {

constexpr int batchSize = 20000;

// The leads with ids in (afterId, untilId] on the calling thread's connection.
RescoreChanges::Result part(const Database &db, const ScoringModel &model, const WinModel *win,
                            const QDateTime &now, bool staleOnly, qint64 afterId, qint64 untilId,
                            const std::atomic_bool *cancel, std::atomic<qint64> *seen,
                            std::atomic<qint64> *valueBytesLeft,
                            const std::function<void(qint64)> &progress) {
    RescoreChanges::Result r;
    r.withValues = true;
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
        const qint64 last =
            store.visit(after, batchSize, readStaleFor,
                        [&](const Lead &lead, const ScoreStore::Stored &stored) {
                            if (lead.id > untilId)
                                return; // the next part's
                            ++read;
                            const RescoreCheck::Outcome o = check.check(lead, stored);
                            r.scored += o.inScope ? 1 : 0;
                            if (!o.scoreChanged && !o.winChanged)
                                return;
                            r.ids.push_back(lead.id);
                            r.rankChanges += o.rankChanged ? 1 : 0;
                            if (!r.withValues)
                                return;
                            RescoreCheck::Change c = check.change(lead.id, o, stored);
                            // Past the budget, every part lets its values go.
                            if (valueBytesLeft->fetch_sub(c.bytes()) < c.bytes()) {
                                r.withValues = false;
                                r.changes = {};
                                return;
                            }
                            r.changes.push_back(std::move(c));
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
                                            qint64 idsPerThread, qint64 valueBytes) {
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
    std::atomic<qint64> valueBytesLeft{valueBytes};
    QList<QFuture<Result>> futures;
    for (qint64 t = 1; t < threads; ++t)
        futures << QtConcurrent::run([&, t] {
            // The caller may have set a rollback journal for its rewrite: it stays.
            const Database reader = db.keepingJournalMode();
            Result r = part(reader, model, win, now, staleOnly, t * span, (t + 1) * span, cancel,
                            &seen, &valueBytesLeft, nullptr);
            reader.closeThreadConnection();
            return r;
        });
    QList<Result> parts;
    parts << part(db, model, win, now, staleOnly, 0, span, cancel, &seen, &valueBytesLeft,
                  progress);
    for (QFuture<Result> &f : futures)
        parts << f.result();
    result.withValues = true;
    for (Result &p : parts) {
        if (!p.ok) {
            result.error = p.error;
            result.cancelled = p.cancelled;
            return result;
        }
        result.ids.insert(result.ids.end(), p.ids.begin(), p.ids.end());
        result.scored += p.scored;
        result.seen += p.seen;
        result.rankChanges += p.rankChanges;
        result.withValues = result.withValues && p.withValues;
    }
    if (result.withValues) {
        result.changes.reserve(result.ids.size());
        for (Result &p : parts)
            std::move(p.changes.begin(), p.changes.end(), std::back_inserter(result.changes));
    }
    result.ok = true;
    return result;
}
