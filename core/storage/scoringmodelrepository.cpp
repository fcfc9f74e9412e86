#include "scoringmodelrepository.h"

#include "../domain/leadcolumns.h"
#include "leadrow.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

using LeadColumns::isoUtc;

ScoringModelRepository::ScoringModelRepository(const Database &db)
    : m_db(db) {}

std::optional<ScoringModel> ScoringModelRepository::read(const QString &sql,
                                                         const QVariantList &values) {
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        m_error = QCoreApplication::translate("ScoringModelRepository",
                                              "cannot read the scoring model: %1")
                      .arg(q.lastError().text().simplified());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    const int version = q.value(0).toInt();
    QString error;
    std::optional<ScoringModel> model =
        ScoringModel::fromJsonText(q.value(1).toByteArray(), &error);
    if (!model) {
        m_error = QCoreApplication::translate("ScoringModelRepository",
                                              "scoring model version %1 in %2 is unreadable: %3")
                      .arg(version)
                      .arg(m_db.displayName(), error);
        return std::nullopt;
    }
    model->version = version;
    return model;
}

std::optional<ScoringModel> ScoringModelRepository::current() {
    const QString newest = QStringLiteral(
        "SELECT version, model_json FROM scoring_models ORDER BY version DESC LIMIT 1");
    std::optional<ScoringModel> model = read(newest, {});
    if (model || !m_error.isEmpty())
        return model;
    // Another program may store the default at the same time: either row is the same model.
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO scoring_models (version, model_json, created_at, "
                             "created_by) VALUES (1, ?, ?, '') ON CONFLICT (version) DO NOTHING"));
    q.addBindValue(QString::fromUtf8(ScoringModel::defaultModel().toJsonText()));
    q.addBindValue(isoUtc(QDateTime::currentDateTimeUtc()));
    if (!q.exec()) {
        m_error = QCoreApplication::translate("ScoringModelRepository",
                                              "cannot store the default scoring model: %1")
                      .arg(q.lastError().text().simplified());
        return std::nullopt;
    }
    model = read(newest, {});
    if (!model && m_error.isEmpty())
        m_error = QCoreApplication::translate("ScoringModelRepository",
                                              "the default scoring model was not stored");
    return model;
}

std::optional<ScoringModel> ScoringModelRepository::model(int version) {
    return read(QStringLiteral("SELECT version, model_json FROM scoring_models WHERE version = ?"),
                {version});
}

std::optional<ScoringModel> ScoringModelRepository::save(const ScoringModel &model,
                                                         const QString &actor) {
    if (!current())
        return std::nullopt; // version 1 is always the shipped model
    m_error.clear();
    QSqlQuery q(m_db.connection());
    ScoringModel saved = model;
    // The next number is taken in the insert itself: two saves at once cannot share one.
    saved.version = 0;
    q.prepare(QStringLiteral("INSERT INTO scoring_models (version, model_json, created_at, "
                             "created_by) SELECT coalesce(max(version), 0) + 1, ?, ?, ? FROM "
                             "scoring_models"));
    q.addBindValue(QString::fromUtf8(saved.toJsonText()));
    q.addBindValue(isoUtc(QDateTime::currentDateTimeUtc()));
    q.addBindValue(LeadRow::text(actor));
    if (!q.exec()) {
        m_error = QCoreApplication::translate("ScoringModelRepository",
                                              "cannot save the scoring model: %1")
                      .arg(q.lastError().text().simplified());
        return std::nullopt;
    }
    return current();
}

QList<ScoringModelVersion> ScoringModelRepository::versions() {
    m_error.clear();
    QList<ScoringModelVersion> out;
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral(
            "SELECT version, created_at, created_by FROM scoring_models ORDER BY version"))) {
        m_error = QCoreApplication::translate("ScoringModelRepository",
                                              "cannot read the scoring model versions: %1")
                      .arg(q.lastError().text().simplified());
        return out;
    }
    while (q.next())
        out << ScoringModelVersion{q.value(0).toInt(),
                                   LeadColumns::parseIsoUtc(q.value(1).toString()),
                                   q.value(2).toString()};
    return out;
}
