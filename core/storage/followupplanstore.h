#pragma once

#include "../domain/followupplan.h"
#include "database.h"

#include <optional>

// The follow-up plans of leads (table lead_nurture, one row per lead that has one): read and
// written on this thread's connection, inside the caller's transaction when there is one.
class FollowUpPlanStore {
public:
    explicit FollowUpPlanStore(const Database &db);

    QString lastError() const { return m_error; }
    // The lead's plan; an empty plan when it has none; nullopt when it cannot be read.
    std::optional<FollowUpPlan> plan(qint64 leadId) const;
    // Stores the lead's plan, replacing the one it had; an empty plan removes the row.
    bool save(qint64 leadId, const FollowUpPlan &plan);
    // Copies the lead's first touch from its plan to its row (keptFirstTouch()), after a plan
    // was written some other way (a lead restored from the trash).
    bool keepFirstTouch(qint64 leadId);
    // A lead's seconds to its first touch as its plan holds them, as SQL over `leads`: -1 when
    // untouched, 0 for a touch logged before it arrived. Kept in leads.first_touch_seconds, so
    // that the first-touch chart counts from an index of the leads alone.
    static QString keptFirstTouch();

private:
    Database m_db;
    mutable QString m_error;
};
