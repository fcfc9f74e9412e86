#include "leadnurturer.h"

#include "../storage/cadencerepository.h"
#include "../storage/followupplanstore.h"
#include "../storage/leadstepwriter.h"

LeadNurturer::LeadNurturer(const Database &db)
    : m_db(db) {}

QDateTime LeadNurturer::now() const {
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

UpdateResult LeadNurturer::apply(qint64 id, qint64 expectedVersion, const Rule &rule,
                                 const QString &actor) {
    return LeadStepWriter(m_db).apply(
        id, expectedVersion,
        [&](const Lead &lead) {
            LeadStep out;
            const FollowUpPlanStore plans(m_db);
            const std::optional<FollowUpPlan> plan = plans.plan(lead.id);
            if (!plan) {
                out.failure = plans.lastError();
                return out;
            }
            const NurturePolicy::Step step = rule(lead, *plan);
            out.changes = step.changes;
            out.refusal = step.refusal;
            return out;
        },
        actor);
}

UpdateResult LeadNurturer::schedule(qint64 id, qint64 expectedVersion, const QDateTime &at,
                                    TouchKind kind, const QString &actor) {
    return apply(
        id, expectedVersion,
        [&](const Lead &lead, const FollowUpPlan &) {
            return NurturePolicy::schedule(lead, at, kind);
        },
        actor);
}

UpdateResult LeadNurturer::logTouch(qint64 id, qint64 expectedVersion, const Touch &touch,
                                    const std::optional<NurturePolicy::NextFollowUp> &next,
                                    const QString &actor) {
    const QDateTime at = now();
    CadenceRepository cadences(m_db);
    return apply(
        id, expectedVersion,
        [&](const Lead &lead, const FollowUpPlan &plan) {
            const std::optional<Cadence> cadence =
                plan.cadence.isEmpty() ? std::nullopt : cadences.find(plan.cadence);
            return NurturePolicy::logTouch(lead, plan, touch, cadence, next, at);
        },
        actor);
}

QList<UpdateResult> LeadNurturer::enroll(const QList<qint64> &ids, const QString &name,
                                         const QString &actor) {
    CadenceRepository cadences(m_db);
    const std::optional<Cadence> cadence = cadences.find(name);
    QList<UpdateResult> out;
    const QDateTime at = now();
    for (qint64 id : ids) {
        if (!cadence) {
            UpdateResult r;
            r.id = id;
            r.status = UpdateResult::Status::Invalid;
            r.error = cadences.lastError();
            out << r;
            continue;
        }
        out << apply(
            id, 0,
            [&](const Lead &lead, const FollowUpPlan &plan) {
                return NurturePolicy::enroll(lead, plan, *cadence, at);
            },
            actor);
    }
    return out;
}
