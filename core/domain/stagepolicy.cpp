#include "stagepolicy.h"

#include "disqualifyreason.h"
#include "lead.h"
#include "touchkind.h"

#include <QCoreApplication>

int StagePolicy::position(Stage stage) {
    switch (stage) {
    case Stage::New:
        return 0;
    case Stage::Contacted:
        return 1;
    case Stage::Nurturing:
        return 2;
    case Stage::Qualified:
        return 3;
    case Stage::Opportunity:
        return 4;
    case Stage::Won:
    case Stage::Lost:
    case Stage::Disqualified:
        return 5;
    }
    return 0;
}

bool StagePolicy::isBackward(Stage from, Stage to) {
    return position(to) < position(from);
}

std::optional<StagePolicy::Move> StagePolicy::latestMove(const QList<Activity> &stageChanges) {
    // A move that reverses the one before it takes that one back: both leave the stack.
    QList<Move> moves;
    for (const Activity &a : stageChanges) {
        Move m;
        if (a.field != QLatin1String("stage") ||
            !Stages::fromCanonicalName(a.oldValue.toString(), &m.from) ||
            !Stages::fromCanonicalName(a.newValue.toString(), &m.to))
            continue;
        m.actor = a.actor;
        if (!moves.isEmpty() && moves.last().from == m.to && moves.last().to == m.from)
            moves.removeLast();
        else
            moves << m;
    }
    if (moves.isEmpty())
        return std::nullopt;
    return moves.last();
}

void StagePolicy::settle(const Lead &before, Lead &after, FollowUpPlan &plan) {
    if (Stages::isClosed(after.stage) && !Stages::isClosed(before.stage)) {
        after.nextFollowUpAt = {};
        plan.cadence.clear();
        plan.cadenceStep = 0;
        plan.cadenceStartedAt = {};
    }
    if (!after.nextFollowUpAt.isValid())
        plan.kind.clear();
}

bool StagePolicy::needsLatestMove(const Lead &before, const Lead &after, const QString &note) {
    return isBackward(before.stage, after.stage) && note.trimmed().isEmpty();
}

QString StagePolicy::refusal(const Lead &before, const Lead &after, const FollowUpPlan &plan,
                             const QString &note, const std::optional<Move> &latest,
                             const QString &actor) {
    const QString lead = QCoreApplication::translate("StagePolicy", "lead %1").arg(before.id);
    const QString from = Stages::canonicalName(before.stage);
    const QString to = Stages::canonicalName(after.stage);
    if (after.stage != before.stage && after.doNotContact &&
        (after.stage == Stage::Contacted || after.stage == Stage::Nurturing))
        return QCoreApplication::translate("StagePolicy",
                                           "%1 is do-not-contact: it cannot move to %2")
            .arg(lead, to);
    // Why a lead left the pipeline is part of the record: disqualify says it, a stage alone not.
    if (after.stage == Stage::Disqualified && before.stage != Stage::Disqualified &&
        after.disqualifyReason.trimmed().isEmpty())
        return QCoreApplication::translate(
                   "StagePolicy",
                   "%1 needs a reason to be disqualified: disqualify it with one of %2")
            .arg(lead, DisqualifyReasons::namesText());
    // Taking back someone else's move is a decision of one's own, with its reason.
    if (needsLatestMove(before, after, note) &&
        !(latest && latest->from == after.stage && latest->to == before.stage &&
          latest->actor == actor))
        return QCoreApplication::translate("StagePolicy",
                                           "%1: moving back from %2 to %3 needs a note saying why")
            .arg(lead, from, to);
    TouchKind kind = TouchKind::Call; // a follow-up of no stated kind may be outreach
    TouchKinds::fromCanonicalName(plan.kind, &kind);
    const bool scheduled =
        after.nextFollowUpAt.isValid() && after.nextFollowUpAt != before.nextFollowUpAt;
    if (scheduled && Stages::isClosed(after.stage))
        return QCoreApplication::translate(
                   "StagePolicy", "%1 is closed (%2): it gets no follow-up until it is reopened")
            .arg(lead, to);
    if (after.doNotContact && scheduled && TouchKinds::isOutreach(kind))
        return QCoreApplication::translate(
                   "StagePolicy", "%1 is do-not-contact: no %2 can be scheduled (a task can)")
            .arg(lead, plan.kind.isEmpty() ? QStringLiteral("outreach") : plan.kind);
    return {};
}
