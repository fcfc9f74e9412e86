#include "transaction.h"

#include "sqldialect.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

Transaction::Transaction(const Database &db)
    : m_db(db) {
    QSqlDatabase c = m_db.connection();
    if (!c.isOpen()) {
        m_error = c.lastError().text();
        return;
    }
    if (m_db.backend() == Database::Backend::Sqlite) {
        // Take the write lock up front: a deferred transaction that reads and then writes
        // fails at once when another writer got in between, without waiting its turn.
        QSqlQuery q(c);
        m_active = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!m_active)
            m_error = q.lastError().text().simplified();
        return;
    }
    m_active = c.transaction();
    if (!m_active)
        m_error = c.lastError().text().simplified();
}

Transaction::~Transaction() {
    if (m_active)
        rollback();
}

bool Transaction::commit() {
    if (!m_active)
        return false;
    QSqlDatabase c = m_db.connection();
    m_active = false;
    if (!c.commit()) {
        m_error = c.lastError().text();
        c.rollback();
        return false;
    }
    return true;
}

void Transaction::rollback() {
    if (!m_active)
        return;
    m_db.connection().rollback();
    m_active = false;
}

bool Transaction::lockForIntake() {
    if (!m_active)
        return false;
    if (m_intakeLocked)
        return true;
    const QString sql = SqlDialect(m_db.backend()).lockForIntake();
    if (!sql.isEmpty()) {
        QSqlQuery q(m_db.connection());
        if (!q.exec(sql)) {
            m_error = q.lastError().text().simplified();
            return false;
        }
    }
    m_intakeLocked = true;
    return true;
}
