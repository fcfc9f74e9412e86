#include "leadnurturer.h"

#include "../storage/cadencerepository.h"
#include "../storage/followupplanstore.h"
#include "../storage/leadrepository.h"
#include "../storage/leadwriter.h"

LeadNurturer::LeadNurturer(const Database &db)
    : m_db(db) {}

QDateTime LeadNurturer::now() const {
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

UpdateResult LeadNurturer::apply(qint64 id, qint64 expectedVersion, const Rule &rule,
                                 const QString &actor) {
    constexpr int attempts = 5;
    UpdateResult r;
    r.id = id;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        const LeadRepository reader(m_db);
        const std::optional<Lead> lead = reader.lead(id);
        if (!lead) {
            r.status = reader.lastError().isEmpty() ? UpdateResult::Status::NotFound
                                                    : UpdateResult::Status::Failed;
            r.error = reader.lastError().isEmpty() ? QStringLiteral("no lead with id %1").arg(id)
                                                   : reader.lastError();
            return r;
        }
        if (expectedVersion != 0 && lead->version != expectedVersion) {
            r.status = UpdateResult::Status::Conflict;
            r.lead = lead;
            r.error = QStringLiteral("lead %1 was changed by someone else (version %2, not %3)")
                          .arg(id)
                          .arg(lead->version)
                          .arg(expectedVersion);
            return r;
        }
        const FollowUpPlanStore plans(m_db);
        const std::optional<FollowUpPlan> plan = plans.plan(id);
        if (!plan) {
            r.status = UpdateResult::Status::Failed;
            r.error = plans.lastError();
            return r;
        }
        const NurturePolicy::Step step = rule(*lead, *plan);
        if (!step.ok()) {
            r.status = UpdateResult::Status::Invalid;
            r.error = step.refusal;
            return r;
        }
        r = LeadWriter(m_db).update(id, lead->version, step.changes, actor);
        if (r.status != UpdateResult::Status::Conflict || expectedVersion != 0)
            return r;
    }
    return r;
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
