#include "savedviewrepository.h"

#include "leadviewjson.h"
#include "sqldialect.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {

const QString selectViews = QStringLiteral(
    "SELECT id, name, position, filter_json, sort_json, columns_json, created_by FROM saved_views");

// Qt binds a null QString as NULL, and every column here is NOT NULL.
QString notNull(const QString &text) {
    return text.isNull() ? QStringLiteral("") : text;
}

QString compact(const QJsonObject &json) {
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QString compact(const QJsonArray &json) {
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

SavedView fromRow(const QSqlQuery &q) {
    SavedView v;
    v.id = q.value(0).toLongLong();
    v.name = q.value(1).toString();
    v.position = q.value(2).toInt();
    v.filter = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    v.sort = LeadViewJson::sortFromJson(
        QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object());
    v.columns = LeadViewJson::columnsFromJson(
        QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array());
    v.createdBy = q.value(6).toString();
    return v;
}

} // namespace

SavedViewRepository::SavedViewRepository(const Database &db)
    : m_db(db) {}

bool SavedViewRepository::fail(Error kind, const QString &message) const {
    m_kind = kind;
    m_error = message;
    return false;
}

std::optional<QList<SavedView>> SavedViewRepository::list() const {
    m_kind = Error::None;
    m_error.clear();
    QSqlQuery q(m_db.connection());
    if (!q.exec(selectViews + QStringLiteral(" ORDER BY position, id"))) {
        fail(Error::Failed,
             QCoreApplication::translate("SavedViewRepository", "cannot read the saved views: %1")
                 .arg(q.lastError().text().simplified()));
        return std::nullopt;
    }
    QList<SavedView> views;
    while (q.next())
        views << fromRow(q);
    return views;
}

std::optional<SavedView> SavedViewRepository::view(qint64 id) const {
    m_kind = Error::None;
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(selectViews + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        fail(Error::Failed,
             QCoreApplication::translate("SavedViewRepository", "cannot read saved view %1: %2")
                 .arg(id)
                 .arg(q.lastError().text().simplified()));
        return std::nullopt;
    }
    if (!q.next()) {
        fail(Error::NotFound,
             QCoreApplication::translate("SavedViewRepository", "no saved view %1").arg(id));
        return std::nullopt;
    }
    return fromRow(q);
}

std::optional<bool> SavedViewRepository::nameTaken(const QString &name, qint64 exceptId) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM saved_views WHERE name = ? AND id <> ?"));
    q.addBindValue(name);
    q.addBindValue(exceptId);
    if (!q.exec() || !q.next()) {
        fail(Error::Failed,
             QCoreApplication::translate("SavedViewRepository", "cannot read the saved views: %1")
                 .arg(q.lastError().text().simplified()));
        return std::nullopt;
    }
    return q.value(0).toLongLong() > 0;
}

std::optional<SavedView> SavedViewRepository::create(const SavedView &view) {
    m_kind = Error::None;
    m_error.clear();
    SavedView stored = view;
    stored.name = view.name.trimmed();
    if (stored.name.isEmpty()) {
        fail(Error::EmptyName,
             QCoreApplication::translate("SavedViewRepository", "a saved view needs a name"));
        return std::nullopt;
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        fail(Error::Failed,
             QCoreApplication::translate("SavedViewRepository", "cannot save the view: %1")
                 .arg(tx.error()));
        return std::nullopt;
    }
    const std::optional<bool> taken = nameTaken(stored.name, 0);
    if (!taken)
        return std::nullopt;
    if (*taken) {
        fail(Error::NameTaken, QCoreApplication::translate("SavedViewRepository",
                                                           "a view named \"%1\" exists already")
                                   .arg(stored.name));
        return std::nullopt;
    }
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT coalesce(max(position), -1) + 1 FROM saved_views")) ||
        !q.next()) {
        fail(Error::Failed,
             QCoreApplication::translate("SavedViewRepository", "cannot save the view: %1")
                 .arg(q.lastError().text().simplified()));
        return std::nullopt;
    }
    stored.position = q.value(0).toInt();
    q.prepare(QStringLiteral("INSERT INTO saved_views (name, position, filter_json, sort_json, "
                             "columns_json, created_by) VALUES (?, ?, ?, ?, ?, ?)") +
              SqlDialect(m_db.backend()).returningId());
    q.addBindValue(stored.name);
    q.addBindValue(stored.position);
    q.addBindValue(compact(stored.filter));
    q.addBindValue(compact(LeadViewJson::sortToJson(stored.sort)));
    q.addBindValue(compact(LeadViewJson::columnsToJson(stored.columns)));
    q.addBindValue(notNull(stored.createdBy));
    if (!q.exec()) {
        fail(Error::Failed,
             QCoreApplication::translate("SavedViewRepository", "cannot save the view: %1")
                 .arg(q.lastError().text().simplified()));
        return std::nullopt;
    }
    stored.id = m_db.backend() == Database::Backend::Sqlite
                    ? q.lastInsertId().toLongLong()
                    : (q.next() ? q.value(0).toLongLong() : 0);
    q.finish();
    if (stored.id == 0 || !tx.commit()) {
        fail(Error::Failed,
             QCoreApplication::translate("SavedViewRepository", "cannot save the view: %1")
                 .arg(tx.error()));
        return std::nullopt;
    }
    return stored;
}

bool SavedViewRepository::rename(qint64 id, const QString &name) {
    m_kind = Error::None;
    m_error.clear();
    std::optional<SavedView> current = view(id);
    if (!current)
        return false;
    current->name = name;
    return update(*current);
}

bool SavedViewRepository::update(const SavedView &view) {
    m_kind = Error::None;
    m_error.clear();
    const QString name = view.name.trimmed();
    if (name.isEmpty())
        return fail(Error::EmptyName, QCoreApplication::translate("SavedViewRepository",
                                                                  "a saved view needs a name"));
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(Error::Failed,
                    QCoreApplication::translate("SavedViewRepository", "cannot save the view: %1")
                        .arg(tx.error()));
    const std::optional<bool> taken = nameTaken(name, view.id);
    if (!taken)
        return false;
    if (*taken)
        return fail(
            Error::NameTaken,
            QCoreApplication::translate("SavedViewRepository", "a view named \"%1\" exists already")
                .arg(name));
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE saved_views SET name = ?, position = ?, filter_json = ?, "
                             "sort_json = ?, columns_json = ?, created_by = ? WHERE id = ?"));
    q.addBindValue(name);
    q.addBindValue(view.position);
    q.addBindValue(compact(view.filter));
    q.addBindValue(compact(LeadViewJson::sortToJson(view.sort)));
    q.addBindValue(compact(LeadViewJson::columnsToJson(view.columns)));
    q.addBindValue(notNull(view.createdBy));
    q.addBindValue(view.id);
    if (!q.exec())
        return fail(Error::Failed,
                    QCoreApplication::translate("SavedViewRepository", "cannot save the view: %1")
                        .arg(q.lastError().text().simplified()));
    if (q.numRowsAffected() != 1)
        return fail(
            Error::NotFound,
            QCoreApplication::translate("SavedViewRepository", "no saved view %1").arg(view.id));
    q.finish();
    if (!tx.commit())
        return fail(Error::Failed,
                    QCoreApplication::translate("SavedViewRepository", "cannot save the view: %1")
                        .arg(tx.error()));
    return true;
}

bool SavedViewRepository::remove(qint64 id) {
    m_kind = Error::None;
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM saved_views WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return fail(Error::Failed,
                    QCoreApplication::translate("SavedViewRepository", "cannot delete the view: %1")
                        .arg(q.lastError().text().simplified()));
    if (q.numRowsAffected() != 1)
        return fail(Error::NotFound,
                    QCoreApplication::translate("SavedViewRepository", "no saved view %1").arg(id));
    return true;
}
