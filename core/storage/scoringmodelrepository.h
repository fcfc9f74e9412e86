#pragma once

#include "../scoring/scoringmodel.h"
#include "database.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// One stored version of the scoring model: when and by whom it was saved.
struct ScoringModelVersion {
    int version = 0;
    QDateTime createdAt;
    QString createdBy;
};

// The scoring models of a database, one row per version; the newest is the current one.
// Works on this thread's connection, inside the caller's transaction when there is one.
class ScoringModelRepository {
public:
    explicit ScoringModelRepository(const Database &db);

    QString lastError() const { return m_error; }

    // The newest model; the shipped default, stored as version 1, when none was saved yet.
    std::optional<ScoringModel> current();
    // Stores `model` as a new version (the newest plus one); returns it with that version.
    std::optional<ScoringModel> save(const ScoringModel &model, const QString &actor);
    // One stored version, nullopt if there is none (lastError() says whether that is a failure).
    std::optional<ScoringModel> model(int version);
    // Every stored version, oldest first.
    QList<ScoringModelVersion> versions();

private:
    std::optional<ScoringModel> read(const QString &sql, const QVariantList &values);

    Database m_db;
    QString m_error;
};
