#pragma once

#include "../domain/cadence.h"
#include "database.h"

#include <QList>

#include <optional>

// The cadences everyone on the database shares (table cadences): the two shipped ones and the
// team's own, by name.
class CadenceRepository {
public:
    explicit CadenceRepository(const Database &db);

    QString lastError() const { return m_error; }
    QList<Cadence> all() const; // by name; empty with lastError() on failure
    // The cadence named `name` (letter case aside); nullopt when there is none or on failure.
    std::optional<Cadence> find(const QString &name) const;
    // Adds the cadence, or replaces the touches of the one of that name.
    bool save(const Cadence &cadence, const QString &actor);
    // Removes the cadence named `name`; refused while leads are enrolled in it (they would be
    // left halfway through touches nobody can read any more).
    bool remove(const QString &name);

private:
    Database m_db;
    mutable QString m_error;
};
