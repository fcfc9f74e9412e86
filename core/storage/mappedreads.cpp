#include "mappedreads.h"

#include <QSqlQuery>

MappedReads::MappedReads(const Database &db)
    : m_db(db) {
    if (m_db.backend() != Database::Backend::Sqlite)
        return;
    // SQLite caps the map at its own maximum (2 GB as Debian builds it); pages past it are
    // read as before.
    m_active = QSqlQuery(m_db.connection()).exec(QStringLiteral("PRAGMA mmap_size=2147418112"));
}

MappedReads::~MappedReads() {
    if (m_active)
        QSqlQuery(m_db.connection()).exec(QStringLiteral("PRAGMA mmap_size=0"));
}
