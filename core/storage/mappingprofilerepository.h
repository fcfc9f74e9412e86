#pragma once

#include "database.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

// The column mappings saved as named profiles (ColumnMapping::toProfile), shared by everyone
// on the database, on this thread's connection.
class MappingProfileRepository {
public:
    explicit MappingProfileRepository(const Database &db);

    QString lastError() const { return m_error; }

    // Every profile's name, alphabetically; empty on a failed read (lastError()).
    QStringList names() const;
    std::optional<QJsonObject> profile(const QString &name) const;
    // Stores the profile under `name`, replacing one of that name.
    bool save(const QString &name, const QJsonObject &profile, const QString &actor = QString());
    bool remove(const QString &name);

private:
    bool fail(const QString &message, const QString &detail) const;

    Database m_db;
    mutable QString m_error;
};
