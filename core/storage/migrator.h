#pragma once

#include "database.h"

// Brings a database's schema to the version this program knows, one numbered step at a time.
class Migrator {
public:
    explicit Migrator(const Database &db);

    static int latestVersion();
    // The stored schema version: 0 for an empty database, -1 when it cannot be read.
    int currentVersion(QString *error) const;
    // Applies every step up to `target` in one transaction. A database newer than this
    // program is refused and left untouched.
    bool migrate(QString *error, int target = latestVersion()) const;

private:
    // A new schema goes only into a database with no tables: never into someone else's data.
    bool isEmpty(QString *error) const;

    Database m_db;
};
