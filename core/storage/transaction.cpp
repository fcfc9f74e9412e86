#include "transaction.h"

#include <QSqlDatabase>
#include <QSqlError>

Transaction::Transaction(const Database &db)
    : m_db(db) {
    QSqlDatabase c = m_db.connection();
    m_active = c.isOpen() && c.transaction();
    if (!m_active)
        m_error = c.lastError().text();
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
