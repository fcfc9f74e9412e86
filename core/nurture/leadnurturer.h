#pragma once

#include "../storage/database.h"
#include "../storage/writeresults.h"
#include "nurturepolicy.h"

#include <QList>

#include <functional>

// Schedules follow-ups, logs touches and enrols leads in cadences: each step is what
// NurturePolicy makes of the lead and its plan as read, stored by LeadWriter::update against the
// caller's version (0: the version read just before; a lead someone changes meanwhile is read
// again). So every step is versioned, leaves its lines in the timeline naming who, and a refused
// step is Invalid with its reason and stores nothing.
class LeadNurturer {
public:
    explicit LeadNurturer(const Database &db);

    // The time steps are taken at (default: the time of each step); tests set their clock.
    void setNow(const QDateTime &now) { m_now = now; }

    UpdateResult schedule(qint64 id, qint64 expectedVersion, const QDateTime &at, TouchKind kind,
                          const QString &actor);
    UpdateResult logTouch(qint64 id, qint64 expectedVersion, const Touch &touch,
                          const std::optional<NurturePolicy::NextFollowUp> &next,
                          const QString &actor);
    // Enrols every lead in the cadence named `cadence`; each lead has its own result. An unknown
    // cadence makes every result Invalid.
    QList<UpdateResult> enroll(const QList<qint64> &ids, const QString &cadence,
                               const QString &actor);

private:
    using Rule = std::function<NurturePolicy::Step(const Lead &, const FollowUpPlan &)>;
    UpdateResult apply(qint64 id, qint64 expectedVersion, const Rule &rule, const QString &actor);
    QDateTime now() const;

    Database m_db;
    QDateTime m_now;
};
