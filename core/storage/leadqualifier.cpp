#include "leadqualifier.h"

#include "../domain/opportunitydetails.h"
#include "leadrepository.h"
#include "leadwriter.h"
#include "prerequisitestore.h"

LeadQualifier::LeadQualifier(const Database &db)
    : m_db(db) {}

LeadQualifier::LeadQualifier(const Database &db, QualificationPolicy policy)
    : m_db(db)
    , m_policy(std::move(policy)) {}

UpdateResult LeadQualifier::apply(qint64 id, qint64 expectedVersion, const Rule &rule,
                                  const QString &actor) {
    // The step is worked out from the lead as read; the write is refused if the lead moved on
    // since. Without a version of the caller's, the step is worked out again from the new lead.
    constexpr int attempts = 5;
    UpdateResult r;
    r.id = id;
    std::optional<QualificationPolicy> stored;
    if (!m_policy) {
        PrerequisiteStore store(m_db);
        stored = store.policy();
        if (!stored) {
            r.status = UpdateResult::Status::Failed;
            r.error = store.lastError();
            return r;
        }
    }
    const QualificationPolicy &policy = m_policy ? *m_policy : *stored;
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
        const QualificationPolicy::Step step = rule(policy, *lead);
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

UpdateResult LeadQualifier::tick(qint64 id, qint64 expectedVersion, const QStringList &items,
                                 const QString &actor) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return apply(
        id, expectedVersion,
        [&](const QualificationPolicy &policy, const Lead &lead) {
            return policy.tick(lead, items, actor, now);
        },
        actor);
}

UpdateResult LeadQualifier::untick(qint64 id, qint64 expectedVersion, const QStringList &items,
                                   const QString &actor) {
    return apply(
        id, expectedVersion,
        [&](const QualificationPolicy &policy, const Lead &lead) {
            return policy.untick(lead, items);
        },
        actor);
}

UpdateResult LeadQualifier::qualify(qint64 id, qint64 expectedVersion, const QStringList &items,
                                    const QString &actor) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return apply(
        id, expectedVersion,
        [&](const QualificationPolicy &policy, const Lead &lead) {
            return policy.qualify(lead, items, actor, now);
        },
        actor);
}

UpdateResult LeadQualifier::convert(qint64 id, qint64 expectedVersion,
                                    const OpportunityDetails &details, const QString &actor) {
    return apply(
        id, expectedVersion,
        [&](const QualificationPolicy &policy, const Lead &lead) {
            return policy.convert(lead, details);
        },
        actor);
}

UpdateResult LeadQualifier::disqualify(qint64 id, qint64 expectedVersion, const QString &reason,
                                       const QString &text, const QString &actor) {
    return apply(
        id, expectedVersion,
        [&](const QualificationPolicy &policy, const Lead &lead) {
            return policy.disqualify(lead, reason, text);
        },
        actor);
}
