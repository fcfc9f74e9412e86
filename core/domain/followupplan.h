#pragma once

#include "activity.h"

#include <QDateTime>
#include <QList>
#include <QString>

// What a lead's next follow-up is beyond its time (leads.next_follow_up_at): the kind of touch,
// the cadence it belongs to and where in it the lead is, and when the lead was first touched.
// The follow-up is owned by the lead's owner.
struct FollowUpPlan {
    QString kind;                 // TouchKinds canonical name of the next follow-up; "" when none
    QString cadence;              // the cadence's name; "" when in none
    int cadenceStep = 0;          // the index of the cadence touch that is due next
    QDateTime cadenceStartedAt;   // UTC: day 0 of the cadence
    QDateTime firstTouchAt;       // UTC: the first logged touch; null until then
    qint64 firstTouchSeconds = 0; // from the lead's creation to its first touch: the SLA's measure

    bool isEmpty() const { return kind.isEmpty() && cadence.isEmpty() && !firstTouchAt.isValid(); }
    friend bool operator==(const FollowUpPlan &, const FollowUpPlan &) = default;

    // The timeline lines a change of plan writes: one `changed` line for the follow-up kind and
    // one for the cadence (its name, "" when it ends), when they differ.
    static QList<Activity> changes(const FollowUpPlan &before, const FollowUpPlan &after);
};
