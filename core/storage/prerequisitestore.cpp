#include "prerequisitestore.h"

#include "sqlstatement.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

PrerequisiteStore::PrerequisiteStore(const Database &db)
    : m_db(db) {}

const QString &PrerequisiteStore::key() {
    static const QString k = QStringLiteral("qualification_prerequisites");
    return k;
}

std::optional<QualificationPolicy> PrerequisiteStore::policy() {
    m_error.clear();
    SqlStatement q(m_db);
    if (!q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"))) {
        m_error = QCoreApplication::translate("PrerequisiteStore",
                                              "cannot read the qualification checklist: %1")
                      .arg(q.error());
        return std::nullopt;
    }
    q.bind(0, key());
    if (!q.exec()) {
        m_error = QCoreApplication::translate("PrerequisiteStore",
                                              "cannot read the qualification checklist: %1")
                      .arg(q.error());
        return std::nullopt;
    }
    if (!q.next()) {
        if (!q.error().isEmpty()) {
            m_error = QCoreApplication::translate("PrerequisiteStore",
                                                  "cannot read the qualification checklist: %1")
                          .arg(q.error());
            return std::nullopt;
        }
        return QualificationPolicy();
    }
    const QJsonDocument doc = QJsonDocument::fromJson(q.utf8Value(0));
    q.finish();
    QList<QualificationPolicy::Prerequisite> prerequisites;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        prerequisites.append({o.value(QStringLiteral("item")).toString(),
                              o.value(QStringLiteral("label")).toString()});
    }
    const QString problem = QualificationPolicy::checkPrerequisites(prerequisites);
    if (!problem.isEmpty()) {
        m_error =
            QCoreApplication::translate("PrerequisiteStore",
                                        "the stored qualification checklist (meta key \"%1\") is "
                                        "unreadable: %2")
                .arg(key(), problem);
        return std::nullopt;
    }
    return QualificationPolicy(prerequisites);
}

bool PrerequisiteStore::save(const QList<QualificationPolicy::Prerequisite> &prerequisites) {
    m_error = QualificationPolicy::checkPrerequisites(prerequisites);
    if (!m_error.isEmpty())
        return false;
    QJsonArray list;
    for (const QualificationPolicy::Prerequisite &p : prerequisites)
        list.append(QJsonObject{{QStringLiteral("item"), p.item},
                                {QStringLiteral("label"), p.label.trimmed()}});
    const QString value = QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
    auto failed = [this](const QString &detail) {
        m_error = QCoreApplication::translate("PrerequisiteStore",
                                              "cannot store the qualification checklist: %1")
                      .arg(detail);
        return false;
    };
    Transaction tx(m_db);
    if (!tx.isActive())
        return failed(tx.error());
    SqlStatement remove(m_db), insert(m_db);
    if (!remove.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?")))
        return failed(remove.error());
    remove.bind(0, key());
    if (!remove.exec())
        return failed(remove.error());
    if (!insert.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)")))
        return failed(insert.error());
    insert.bind(0, key());
    insert.bind(1, value);
    if (!insert.exec())
        return failed(insert.error());
    return tx.commit() || failed(tx.error());
}

bool PrerequisiteStore::reset() {
    m_error.clear();
    SqlStatement remove(m_db);
    if (remove.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?"))) {
        remove.bind(0, key());
        if (remove.exec())
            return true;
    }
    m_error = QCoreApplication::translate("PrerequisiteStore",
                                          "cannot reset the qualification checklist: %1")
                  .arg(remove.error());
    return false;
}
