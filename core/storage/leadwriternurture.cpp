// The stage rules and follow-up plans of LeadWriter's edits: StagePolicy applied to each
// change, and the lines a change's touch, plan and note add to the timeline.
#include "leadwriter.h"

#include "../domain/stagepolicy.h"
#include "followupplanstore.h"
#include "leadhistory.h"

#include <QCoreApplication>

bool LeadWriter::applyStageRules(const Lead &current, Lead &lead, const LeadChanges &changes,
                                 const QString &actor, FollowUpPlan *stored, FollowUpPlan *plan,
                                 UpdateResult *r) {
    FollowUpPlanStore plans(m_db);
    const std::optional<FollowUpPlan> read = plans.plan(current.id);
    if (!read) {
        r->status = UpdateResult::Status::Failed;
        r->error = plans.lastError();
        return false;
    }
    *stored = *read;
    FollowUpPlan &after = *plan;
    after = changes.plan().value_or(*read);
    if (const std::optional<QString> &kind = changes.followUpKind()) {
        TouchKind k = TouchKind::Call;
        if (!kind->isEmpty() &&
            (!TouchKinds::fromCanonicalName(*kind, &k) || !TouchKinds::isFollowUpKind(k))) {
            r->status = UpdateResult::Status::Invalid;
            r->error = QCoreApplication::translate("LeadWriter",
                                                   "kind: \"%1\" is not a follow-up kind (%2)")
                           .arg(*kind, TouchKinds::followUpNamesText());
            return false;
        }
        after.kind = *kind;
    }
    StagePolicy::settle(current, lead, after);
    std::optional<StagePolicy::Move> latest;
    if (StagePolicy::needsLatestMove(current, lead, changes.note())) {
        // Read only for a backward move without a note: is it the undo of the latest move?
        QList<Activity> stageChanges;
        for (const Activity &a : LeadHistory(m_db).activities(current.id))
            if (a.kind == ActivityKind::Changed && a.field == QLatin1String("stage"))
                stageChanges << a;
        latest = StagePolicy::latestMove(stageChanges);
    }
    const QString refusal =
        StagePolicy::refusal(current, lead, after, changes.note(), latest, actor);
    if (!refusal.isEmpty()) {
        r->status = UpdateResult::Status::Invalid;
        r->error = refusal;
        return false;
    }
    return true;
}

QList<Activity> LeadWriter::nurtureLines(const LeadChanges &changes, const FollowUpPlan &before,
                                         const FollowUpPlan &after) {
    QList<Activity> out;
    if (const std::optional<Touch> &touch = changes.touch()) {
        Activity a;
        a.kind = ActivityKind::Touch;
        a.at = touch->at;
        a.field = TouchKinds::canonicalName(touch->kind);
        a.newValue = touch->outcome.trimmed();
        a.note = touch->text.trimmed();
        out << a;
    }
    out += FollowUpPlan::changes(before, after);
    if (!changes.note().trimmed().isEmpty()) {
        Activity a;
        a.kind = ActivityKind::Note;
        a.note = changes.note().trimmed();
        out << a;
    }
    return out;
}
