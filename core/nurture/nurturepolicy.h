#pragma once

#include "../domain/cadence.h"
#include "../domain/followupplan.h"
#include "../domain/leadchanges.h"
#include "../domain/touch.h"

#include <QDateTime>

#include <optional>

struct Lead;

// What each nurture step changes on a lead, worked out from the lead and its follow-up plan as
// read: scheduling a follow-up, logging a touch, enrolling in a cadence. Each is a LeadChanges
// that LeadWriter stores as a versioned edit (where StagePolicy has the last word), or the reason
// it is refused.
class NurturePolicy {
public:
    struct Step {
        LeadChanges changes;
        QString refusal; // "" when the step may be taken
        bool ok() const { return refusal.isEmpty(); }
    };
    // The next follow-up a person asks for when logging a touch.
    struct NextFollowUp {
        QDateTime at;
        TouchKind kind = TouchKind::Call;
    };

    // Sets the next follow-up: when and what (call, email, meeting, task).
    static Step schedule(const Lead &lead, const QDateTime &at, TouchKind kind);
    // Logs a touch: one more follow-up counted, the first touch recorded for the SLA, a new lead
    // reached out to becomes contacted. An outreach touch (call, email, meeting) is the follow-up
    // that was due: in a cadence, the next cadence touch is scheduled (the cadence ends after its
    // last one, or at once on a "responded" outcome); outside one the follow-up is done. `next`
    // overrides what comes next.
    static Step logTouch(const Lead &lead, const FollowUpPlan &plan, const Touch &touch,
                         const std::optional<Cadence> &cadence,
                         const std::optional<NextFollowUp> &next, const QDateTime &now);
    // Enrols the lead in `cadence`: day 0 is `now`, its first touch scheduled. Refused for a
    // closed, do-not-contact or test lead.
    static Step enroll(const Lead &lead, const FollowUpPlan &plan, const Cadence &cadence,
                       const QDateTime &now);
};
