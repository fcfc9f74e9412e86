#include "leadqualifier.h"

#include "../domain/opportunitydetails.h"
#include "leadstepwriter.h"
#include "prerequisitestore.h"

LeadQualifier::LeadQualifier(const Database &db)
    : m_db(db) {}

LeadQualifier::LeadQualifier(const Database &db, QualificationPolicy policy)
    : m_db(db)
    , m_policy(std::move(policy)) {}

UpdateResult LeadQualifier::apply(qint64 id, qint64 expectedVersion, const Rule &rule,
                                  const QString &actor) {
    std::optional<QualificationPolicy> stored;
    if (!m_policy) {
        PrerequisiteStore store(m_db);
        stored = store.policy();
        if (!stored) {
            UpdateResult r;
            r.id = id;
            r.status = UpdateResult::Status::Failed;
            r.error = store.lastError();
            return r;
        }
    }
    const QualificationPolicy &policy = m_policy ? *m_policy : *stored;
    return LeadStepWriter(m_db).apply(
        id, expectedVersion,
        [&](const Lead &lead) {
            const QualificationPolicy::Step step = rule(policy, lead);
            LeadStep out;
            out.changes = step.changes;
            out.refusal = step.refusal;
            return out;
        },
        actor);
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
