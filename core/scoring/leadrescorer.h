#pragma once

#include "../storage/database.h"

#include <QDateTime>
#include <QString>

#include <atomic>
#include <functional>

class WinModel;

// What a rescoring run did.
struct RescoreResult {
    bool ok = false;
    bool cancelled = false;
    qint64 scored = 0;     // leads scored with the model
    qint64 changed = 0;    // of which the stored score, grade or explanation changed
    qint64 winChanged = 0; // leads whose win probability or drivers changed
    int modelVersion = 0;
    QString error;
};

// Scores the leads of a database with its current scoring model, and with a win model gives
// every open lead its win probability and drivers, in one transaction: a cancel or a failure
// leaves every score as it was.
class LeadRescorer {
public:
    explicit LeadRescorer(const Database &db);

    void setProgressHandler(std::function<void(qint64 done, qint64 total)> handler);
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    // The time recency is measured to; default: now.
    void setNow(const QDateTime &now) { m_now = now; }
    // The win model to apply (it must outlive rescore()): every open lead that is neither a
    // test lead nor do-not-contact gets its probability and three drivers each way, every other
    // lead 0 and none; an untrained model gives every lead 0 and none. Without one (nullptr,
    // the default) the stored win values are left alone.
    void setWinModel(const WinModel *model) { m_winModel = model; }
    // From how many moved scores or grades the indexes that hold them are set aside and built
    // again once, rather than kept up to date lead by lead; default 200,000.
    void setLargeRewrite(qint64 leads) { m_largeRewrite = leads; }
    // From how many leads to read on SQLite, before the write transaction, which leads change,
    // on several connections side by side (at least `idsPerThread` ids each), keeping what to
    // write while it takes at most `valueBytes`; default 100,000, 50,000 and 64 MiB.
    void setParallelRead(qint64 leads, qint64 idsPerThread, qint64 valueBytes = 64 << 20) {
        m_parallelFrom = leads;
        m_idsPerThread = idsPerThread;
        m_valueBytes = valueBytes;
    }

    // All: every lead. Stale: the leads not scored by the current model version, but for those
    // whose score a person set. With a win model every lead is visited, as any may need new
    // win values, but Stale still rescores only those leads.
    enum class Scope { All, Stale };
    RescoreResult rescore(Scope scope);

private:
    Database m_db;
    std::function<void(qint64, qint64)> m_progress;
    const std::atomic_bool *m_cancel = nullptr;
    QDateTime m_now;
    const WinModel *m_winModel = nullptr;
    qint64 m_largeRewrite = 200000;
    qint64 m_parallelFrom = 100000;
    qint64 m_idsPerThread = 50000;
    qint64 m_valueBytes = 64 << 20;
};
