#include "mappingprofilerepository.h"

#include "transaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

MappingProfileRepository::MappingProfileRepository(const Database &db)
    : m_db(db) {}

bool MappingProfileRepository::fail(const QString &message, const QString &detail) const {
    m_error = detail.isEmpty() ? message : message + QStringLiteral(": ") + detail.simplified();
    return false;
}

QStringList MappingProfileRepository::names() const {
    QSqlQuery q(m_db.connection());
    QStringList names;
    if (!q.exec(QStringLiteral("SELECT name FROM mapping_profiles ORDER BY name"))) {
        fail(QCoreApplication::translate("MappingProfileRepository",
                                         "cannot read the mapping profiles"),
             q.lastError().text());
        return names;
    }
    while (q.next())
        names << q.value(0).toString();
    m_error.clear();
    return names;
}

std::optional<QJsonObject> MappingProfileRepository::profile(const QString &name) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT profile_json FROM mapping_profiles WHERE name = ?"));
    q.addBindValue(name.trimmed());
    if (!q.exec()) {
        fail(QCoreApplication::translate("MappingProfileRepository",
                                         "cannot read mapping profile \"%1\"")
                 .arg(name),
             q.lastError().text());
        return std::nullopt;
    }
    if (!q.next()) {
        fail(QCoreApplication::translate("MappingProfileRepository",
                                         "there is no mapping profile \"%1\"")
                 .arg(name),
             QString());
        return std::nullopt;
    }
    m_error.clear();
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

bool MappingProfileRepository::save(const QString &name, const QJsonObject &profile,
                                    const QString &actor) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return fail(QCoreApplication::translate("MappingProfileRepository",
                                                "a mapping profile needs a name"),
                    QString());
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(QCoreApplication::translate("MappingProfileRepository",
                                                "cannot save the mapping profile"),
                    tx.error());
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM mapping_profiles WHERE name = ?"));
    q.addBindValue(trimmed);
    if (!q.exec())
        return fail(QCoreApplication::translate("MappingProfileRepository",
                                                "cannot save the mapping profile"),
                    q.lastError().text());
    q.prepare(QStringLiteral(
        "INSERT INTO mapping_profiles (name, profile_json, created_by) VALUES (?, ?, ?)"));
    q.addBindValue(trimmed);
    q.addBindValue(QString::fromUtf8(QJsonDocument(profile).toJson(QJsonDocument::Compact)));
    q.addBindValue(actor.isNull() ? QString(QLatin1String("")) : actor);
    if (!q.exec())
        return fail(QCoreApplication::translate("MappingProfileRepository",
                                                "cannot save the mapping profile"),
                    q.lastError().text());
    if (!tx.commit())
        return fail(QCoreApplication::translate("MappingProfileRepository",
                                                "cannot save the mapping profile"),
                    tx.error());
    m_error.clear();
    return true;
}

bool MappingProfileRepository::remove(const QString &name) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM mapping_profiles WHERE name = ?"));
    q.addBindValue(name.trimmed());
    if (!q.exec())
        return fail(QCoreApplication::translate("MappingProfileRepository",
                                                "cannot delete the mapping profile"),
                    q.lastError().text());
    if (q.numRowsAffected() == 0)
        return fail(QCoreApplication::translate("MappingProfileRepository",
                                                "there is no mapping profile \"%1\"")
                        .arg(name),
                    QString());
    m_error.clear();
    return true;
}
