#include "cadencerepository.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

CadenceRepository::CadenceRepository(const Database &db)
    : m_db(db) {}

QList<Cadence> CadenceRepository::all() const {
    m_error.clear();
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT name, cadence_json FROM cadences ORDER BY name"))) {
        m_error = QCoreApplication::translate("CadenceRepository", "cannot read the cadences: %1")
                      .arg(q.lastError().text().simplified());
        return {};
    }
    QList<Cadence> out;
    while (q.next()) {
        Cadence c;
        QString problem;
        const QJsonObject json = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        if (!Cadence::fromJson(q.value(0).toString(), json, &c, &problem)) {
            m_error = problem;
            return {};
        }
        out << c;
    }
    return out;
}

std::optional<Cadence> CadenceRepository::find(const QString &name) const {
    for (const Cadence &c : all())
        if (c.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return c;
    if (m_error.isEmpty())
        m_error =
            QCoreApplication::translate("CadenceRepository", "no cadence named \"%1\"").arg(name);
    return std::nullopt;
}

bool CadenceRepository::save(const Cadence &cadence, const QString &actor) {
    if (cadence.name.trimmed().isEmpty()) {
        m_error = QCoreApplication::translate("CadenceRepository", "a cadence needs a name");
        return false;
    }
    const QString json =
        QString::fromUtf8(QJsonDocument(cadence.toJson()).toJson(QJsonDocument::Compact));
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE cadences SET cadence_json = ? WHERE name = ?"));
    q.addBindValue(json);
    q.addBindValue(cadence.name);
    bool ok = q.exec();
    if (ok && q.numRowsAffected() == 0) {
        q.prepare(QStringLiteral(
            "INSERT INTO cadences (name, cadence_json, created_by) VALUES (?, ?, ?)"));
        q.addBindValue(cadence.name);
        q.addBindValue(json);
        q.addBindValue(actor);
        ok = q.exec();
    }
    if (!ok)
        m_error = QCoreApplication::translate("CadenceRepository", "cannot save cadence \"%1\": %2")
                      .arg(cadence.name, q.lastError().text().simplified());
    return ok;
}

bool CadenceRepository::remove(const QString &name) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM lead_nurture WHERE cadence = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next()) {
        m_error =
            QCoreApplication::translate("CadenceRepository", "cannot remove cadence \"%1\": %2")
                .arg(name, q.lastError().text().simplified());
        return false;
    }
    const qint64 enrolled = q.value(0).toLongLong();
    if (enrolled > 0) {
        m_error = enrolled == 1
                      ? QCoreApplication::translate(
                            "CadenceRepository",
                            "cadence \"%1\" cannot be removed: 1 lead is enrolled in it")
                            .arg(name)
                      : QCoreApplication::translate(
                            "CadenceRepository",
                            "cadence \"%1\" cannot be removed: %2 leads are enrolled in it")
                            .arg(name, QString::number(enrolled));
        return false;
    }
    q.prepare(QStringLiteral("DELETE FROM cadences WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec()) {
        m_error =
            QCoreApplication::translate("CadenceRepository", "cannot remove cadence \"%1\": %2")
                .arg(name, q.lastError().text().simplified());
        return false;
    }
    if (q.numRowsAffected() == 0) {
        m_error =
            QCoreApplication::translate("CadenceRepository", "no cadence named \"%1\"").arg(name);
        return false;
    }
    m_error.clear();
    return true;
}
