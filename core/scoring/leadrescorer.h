#pragma once

#include "../storage/database.h"

#include <QDateTime>
#include <QString>

#include <atomic>
#include <functional>

// What a rescoring run did.
struct RescoreResult {
    bool ok = false;
    bool cancelled = false;
    qint64 scored = 0;  // leads scored with the model
    qint64 changed = 0; // of which the stored score, grade or explanation changed
    int modelVersion = 0;
    QString error;
};

// Scores the leads of a database with its current scoring model, in one transaction: a cancel
// or a failure leaves every score as it was.
class LeadRescorer {
public:
    explicit LeadRescorer(const Database &db);

    void setProgressHandler(std::function<void(qint64 done, qint64 total)> handler);
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    // The time recency is measured to; default: now.
    void setNow(const QDateTime &now) { m_now = now; }

    // All: every lead. Stale: the leads not scored by the current model version, but for those
    // whose score a person set.
    enum class Scope { All, Stale };
    RescoreResult rescore(Scope scope);

private:
    Database m_db;
    std::function<void(qint64, qint64)> m_progress;
    const std::atomic_bool *m_cancel = nullptr;
    QDateTime m_now;
};
