#pragma once

#include "database.h"
#include "leadfilter.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class SqlDialect;

// How long a filter's leads waited for their first logged touch (lead_nurture), counted in
// the buckets a sales manager reads a response time in, and how many open leads still wait.
class FirstTouchTimes {
public:
    explicit FirstTouchTimes(const Database &db);

    // The buckets' upper bounds in seconds, in order; the last bucket has none.
    static QList<qint64> bucketBounds(); // 1 h, 4 h, 8 h, 24 h, 2 days, 7 days
    struct Counts {
        QList<qint64> buckets; // bucketBounds().size() + 1 counts
        qint64 pastTarget = 0; // touched later than the target
        qint64 waiting = 0;    // open, never touched, nothing counted by an import
    };
    // Nullopt with lastError() set when the database cannot be read.
    std::optional<Counts> counts(const LeadFilter &filter, qint64 targetSeconds) const;
    QString lastError() const { return m_error; }

    // Schema version 12: each lead's seconds to its first touch beside it
    // (FollowUpPlanStore::keptFirstTouch()), and their index.
    static QStringList schema(const SqlDialect &d);

private:
    std::optional<Counts> rangeCounts(const LeadFilter &filter, qint64 targetSeconds) const;
    static QString waitingCondition();

    Database m_db;
    mutable QString m_error;
};
