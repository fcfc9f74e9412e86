#pragma once

#include "database.h"
#include "duefollowup.h"

#include <QDateTime>
#include <QList>

// A rep's Due queue: the follow-ups of the leads they own that are overdue or due today,
// oldest first. Test, closed and do-not-contact leads are never in it. Read on the index led by
// is_test, owner and next_follow_up_at: one range however many leads there are.
class DueQueue {
public:
    explicit DueQueue(const Database &db);

    QString lastError() const { return m_error; }
    // `owner`'s follow-ups due before the end of `now`'s day (UTC); those before its start are
    // overdue. At most `limit` (0: all).
    QList<DueFollowUp> of(const QString &owner, const QDateTime &now, int limit = 0) const;
    // The statement of(), for a query plan.
    static QString sql();

private:
    Database m_db;
    mutable QString m_error;
};
