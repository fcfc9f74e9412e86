#pragma once

#include "../domain/qualificationpolicy.h"
#include "database.h"

#include <QList>
#include <QString>

#include <optional>

// The qualification checklist a team works with, kept in the database's `meta` table under
// `qualification_prerequisites` so that everyone on the database ticks the same items. None
// stored means BANT (QualificationPolicy's default).
class PrerequisiteStore {
public:
    explicit PrerequisiteStore(const Database &db);

    // The stored checklist, or BANT; nullopt when it cannot be read (lastError() says why).
    std::optional<QualificationPolicy> policy();
    // Replaces the checklist; refused (false, lastError()) when checkPrerequisites() objects.
    // Ticks already on leads stay; an item no longer listed is simply not needed any more.
    bool save(const QList<QualificationPolicy::Prerequisite> &prerequisites);
    // Back to BANT.
    bool reset();
    QString lastError() const { return m_error; }

    static const QString &key(); // "qualification_prerequisites"

private:
    Database m_db;
    QString m_error;
};
