#include "winmodelstore.h"

#include "../domain/leadcolumns.h"
#include "sqlstatement.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

WinModelStore::WinModelStore(const Database &db)
    : m_db(db) {}

const QString &WinModelStore::key() {
    static const QString k = QStringLiteral("win_model");
    return k;
}

bool WinModelStore::save(const WinModel &model, qint64 closed, const QDateTime &trainedAt,
                         const QString &history) {
    m_error.clear();
    const QJsonObject value{{QStringLiteral("trained_at"), LeadColumns::isoUtc(trainedAt)},
                            {QStringLiteral("closed"), double(closed)},
                            {QStringLiteral("history"), history},
                            {QStringLiteral("model"), model.toJson()}};
    Transaction tx(m_db);
    if (!tx.isActive()) {
        m_error = QCoreApplication::translate("WinModelStore", "cannot store the win model: %1")
                      .arg(tx.error());
        return false;
    }
    SqlStatement remove(m_db), insert(m_db);
    if (!remove.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?"))) {
        m_error = QCoreApplication::translate("WinModelStore", "cannot store the win model: %1")
                      .arg(remove.error());
        return false;
    }
    remove.bind(0, key());
    if (!remove.exec()) {
        m_error = QCoreApplication::translate("WinModelStore", "cannot store the win model: %1")
                      .arg(remove.error());
        return false;
    }
    if (!insert.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"))) {
        m_error = QCoreApplication::translate("WinModelStore", "cannot store the win model: %1")
                      .arg(insert.error());
        return false;
    }
    insert.bind(0, key());
    insert.bind(1, QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)));
    if (!insert.exec()) {
        m_error = QCoreApplication::translate("WinModelStore", "cannot store the win model: %1")
                      .arg(insert.error());
        return false;
    }
    if (!tx.commit()) {
        m_error = QCoreApplication::translate("WinModelStore", "cannot store the win model: %1")
                      .arg(tx.error());
        return false;
    }
    return true;
}

bool WinModelStore::clear() {
    m_error.clear();
    SqlStatement remove(m_db);
    if (!remove.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?"))) {
        m_error = QCoreApplication::translate("WinModelStore", "cannot forget the win model: %1")
                      .arg(remove.error());
        return false;
    }
    remove.bind(0, key());
    if (!remove.exec()) {
        m_error = QCoreApplication::translate("WinModelStore", "cannot forget the win model: %1")
                      .arg(remove.error());
        return false;
    }
    return true;
}

std::optional<StoredWinModel> WinModelStore::load() {
    m_error.clear();
    SqlStatement q(m_db);
    if (!q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"))) {
        m_error = QCoreApplication::translate("WinModelStore", "cannot read the win model: %1")
                      .arg(q.error());
        return std::nullopt;
    }
    q.bind(0, key());
    if (!q.exec()) {
        m_error = QCoreApplication::translate("WinModelStore", "cannot read the win model: %1")
                      .arg(q.error());
        return std::nullopt;
    }
    if (!q.next()) {
        if (!q.error().isEmpty())
            m_error = QCoreApplication::translate("WinModelStore", "cannot read the win model: %1")
                          .arg(q.error());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(q.utf8Value(0), &parseError);
    q.finish();
    if (!doc.isObject()) {
        m_error =
            QCoreApplication::translate(
                "WinModelStore", "the stored win model (meta key \"%1\") is not a JSON object: %2")
                .arg(key(), parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    QString modelError;
    const std::optional<WinModel> model =
        WinModel::fromJson(o.value(QStringLiteral("model")).toObject(), &modelError);
    if (!model) {
        m_error = QCoreApplication::translate(
                      "WinModelStore", "the stored win model (meta key \"%1\") is unreadable: %2")
                      .arg(key(), modelError);
        return std::nullopt;
    }
    StoredWinModel out;
    out.model = *model;
    out.trainedAt = LeadColumns::parseIsoUtc(o.value(QStringLiteral("trained_at")).toString());
    out.closed = qint64(o.value(QStringLiteral("closed")).toDouble());
    out.history = o.value(QStringLiteral("history")).toString();
    return out;
}
