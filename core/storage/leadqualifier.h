#pragma once

#include "../domain/qualificationpolicy.h"
#include "database.h"
#include "writeresults.h"

#include <QStringList>

#include <functional>
#include <optional>

struct OpportunityDetails;

// Takes leads from qualification to opportunity: each step is the change QualificationPolicy
// makes of it, stored by LeadWriter::update against the caller's version (0: the version read
// just before; a lead someone changes meanwhile is read again). So every step is versioned, writes
// a `changed` activity per column naming who, and undoes like any edit. A step the policy
// refuses is Invalid with its reason and stores nothing.
class LeadQualifier {
public:
    // With the database's own checklist (PrerequisiteStore), read as each step is taken.
    explicit LeadQualifier(const Database &db);
    LeadQualifier(const Database &db, QualificationPolicy policy);

    UpdateResult tick(qint64 id, qint64 expectedVersion, const QStringList &items,
                      const QString &actor);
    UpdateResult untick(qint64 id, qint64 expectedVersion, const QStringList &items,
                        const QString &actor);
    // Ticks `items` and moves the lead to qualified once every prerequisite is ticked.
    UpdateResult qualify(qint64 id, qint64 expectedVersion, const QStringList &items,
                         const QString &actor);
    // Records the opportunity details and moves the lead to opportunity.
    UpdateResult convert(qint64 id, qint64 expectedVersion, const OpportunityDetails &details,
                         const QString &actor);
    // `reason`: a DisqualifyReasons canonical name; "other" needs `text`.
    UpdateResult disqualify(qint64 id, qint64 expectedVersion, const QString &reason,
                            const QString &text, const QString &actor);

private:
    using Rule =
        std::function<QualificationPolicy::Step(const QualificationPolicy &, const Lead &)>;
    UpdateResult apply(qint64 id, qint64 expectedVersion, const Rule &rule, const QString &actor);

    Database m_db;
    std::optional<QualificationPolicy> m_policy; // none: the stored one
};
