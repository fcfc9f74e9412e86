// LeadEditor's nurture steps: scheduling, logging a touch and enrolling in a cadence, each
// worked out from the lead and its plan on the writer thread and kept as one undo step.
#include "leadeditor.h"

#include "commands/nurtureleadscommand.h"
#include "core/domain/leadcolumns.h"
#include "core/storage/cadencerepository.h"
#include "core/storage/followupplanstore.h"
#include "core/storage/leadstepwriter.h"

#include <algorithm>
#include <memory>

struct LeadEditor::NurtureApplied {
    qint64 id = 0;
    LeadChanges changes;
    FollowUpPlan planBefore;
};

namespace {

NurturePolicy::Step stepFor(const LeadEditor::NurtureStep &step, const Lead &lead,
                            const FollowUpPlan &plan, const std::optional<Cadence> &cadence,
                            const QDateTime &now) {
    using Kind = LeadEditor::NurtureStep::Kind;
    switch (step.kind) {
    case Kind::Schedule:
        return NurturePolicy::schedule(lead, step.at, step.followUpKind);
    case Kind::LogTouch:
        return NurturePolicy::logTouch(lead, plan, step.touch, cadence, step.next, now);
    case Kind::Enroll:
        break;
    }
    return NurturePolicy::enroll(lead, plan, *cadence, now);
}

} // namespace

void LeadEditor::nurture(const QList<LeadVersion> &leads, const NurtureStep &step,
                         const QString &text) {
    if (leads.isEmpty())
        return;
    // Filled on the writer thread, read by the answer after it: what each lead was given.
    auto applied = std::make_shared<QList<NurtureApplied>>();
    run(
        [leads, step, applied](const Database &db, const QString &actor) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const CadenceRepository cadences(db);
            const FollowUpPlanStore plans(db);
            std::optional<Cadence> enrolIn;
            if (step.kind == NurtureStep::Kind::Enroll)
                enrolIn = cadences.find(step.cadence);
            QList<UpdateResult> results;
            for (const LeadVersion &lv : leads) {
                if (step.kind == NurtureStep::Kind::Enroll && !enrolIn) {
                    UpdateResult r;
                    r.id = lv.id;
                    r.status = UpdateResult::Status::Invalid;
                    r.error =
                        cadences.lastError().isEmpty()
                            ? QStringLiteral("there is no cadence named \"%1\"").arg(step.cadence)
                            : cadences.lastError();
                    results << r;
                    continue;
                }
                NurtureApplied a;
                a.id = lv.id;
                const UpdateResult r = LeadStepWriter(db).apply(
                    lv.id, lv.version,
                    [&](const Lead &lead) {
                        LeadStep out;
                        const std::optional<FollowUpPlan> plan = plans.plan(lead.id);
                        if (!plan) {
                            out.failure = plans.lastError();
                            return out;
                        }
                        std::optional<Cadence> cadence = enrolIn;
                        if (step.kind == NurtureStep::Kind::LogTouch && !plan->cadence.isEmpty())
                            cadence = cadences.find(plan->cadence);
                        const NurturePolicy::Step s = stepFor(step, lead, *plan, cadence, now);
                        a.planBefore = *plan;
                        a.changes = s.changes;
                        out.changes = s.changes;
                        out.refusal = s.refusal;
                        return out;
                    },
                    actor);
                if (r.ok())
                    applied->append(a);
                results << r;
            }
            return results;
        },
        [this, applied, text](const QList<UpdateResult> &results) {
            nurtureArrived(results, *applied, text);
        });
}

void LeadEditor::nurtureArrived(const QList<UpdateResult> &results,
                                const QList<NurtureApplied> &applied, const QString &text) {
    QList<NurtureLeadsCommand::Entry> entries;
    QStringList problems;
    for (const UpdateResult &r : results) {
        switch (r.status) {
        case UpdateResult::Status::Updated: {
            if (!r.lead || !r.previous)
                break;
            emit leadChanged(*r.lead);
            const auto a = std::find_if(applied.cbegin(), applied.cend(),
                                        [&](const NurtureApplied &x) { return x.id == r.id; });
            if (a == applied.cend())
                break;
            NurtureLeadsCommand::Entry e;
            e.id = r.id;
            e.version = r.lead->version;
            e.redo = a->changes;
            // Back to the columns as they were and the plan as it was; the touch stays in the
            // history as the record of what was done and taken back.
            for (const QString &column : a->changes.columns()) {
                const QVariant before = LeadColumns::value(*r.previous, column);
                if (before != LeadColumns::value(*r.lead, column))
                    e.undo.set(column, before);
            }
            e.undo.setPlan(a->planBefore);
            entries << e;
            break;
        }
        case UpdateResult::Status::Conflict:
            if (r.lead)
                emit leadChanged(*r.lead);
            problems << tr("lead %1 was changed by someone else meanwhile; look at it again "
                           "and retry")
                            .arg(r.id);
            break;
        case UpdateResult::Status::NotFound:
            problems << tr("lead %1 no longer exists").arg(r.id);
            break;
        case UpdateResult::Status::Invalid:
        case UpdateResult::Status::Failed:
            problems << r.error;
            break;
        }
    }
    if (!entries.isEmpty())
        m_stack.push(new NurtureLeadsCommand(this, entries, text));
    problems.removeDuplicates();
    if (!problems.isEmpty())
        emit failed(tr("Could not do “%1”: %2").arg(text, problems.join(QStringLiteral("; "))));
}
