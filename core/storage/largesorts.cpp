#include "largesorts.h"

#include <QSqlQuery>
#include <QThread>

#include <algorithm>

LargeSorts::LargeSorts(const Database &db)
    : m_db(db) {
    if (m_db.backend() != Database::Backend::Sqlite)
        return;
    QSqlQuery q(m_db.connection());
    m_active = q.exec(QStringLiteral("PRAGMA temp_store=FILE"));
    q.exec(QStringLiteral("PRAGMA threads=%1").arg(std::min(QThread::idealThreadCount(), 4)));
}

LargeSorts::~LargeSorts() {
    if (!m_active)
        return;
    QSqlQuery q(m_db.connection());
    q.exec(QStringLiteral("PRAGMA temp_store=MEMORY"));
    q.exec(QStringLiteral("PRAGMA threads=0"));
}
