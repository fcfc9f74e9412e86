#pragma once

#include "../storage/database.h"

#include <QDateTime>

#include <atomic>
#include <functional>

// What a generate run did.
struct GenerateResult {
    bool ok = false;
    bool cancelled = false;
    qint64 generated = 0;
    QString error;
};

// Deterministic, realistic synthetic marketplace leads for demos, tests and benchmarks: the
// storefront, offer and action mix, customer profiles, dates over 24 months with growth and a
// weekly rhythm, stage histories, and won/lost outcomes that follow the lead's features.
class LeadGenerator {
public:
    explicit LeadGenerator(const Database &db);

    void setProgressHandler(std::function<void(qint64 done, qint64 total)> handler);
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    // The newest lead's time; the 24 months end here. Default: today 00:00 UTC.
    void setEnd(const QDateTime &end) { m_end = end; }

    // Adds `count` leads in one transaction: all of them, or none on error or cancel.
    GenerateResult generate(qint64 count, quint64 seed);

private:
    Database m_db;
    std::function<void(qint64, qint64)> m_progress;
    const std::atomic_bool *m_cancel = nullptr;
    QDateTime m_end;
};
