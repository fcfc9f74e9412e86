#include "bulkload.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

BulkLoad::BulkLoad(const Database &db)
    : m_db(db) {}

BulkLoad::~BulkLoad() {
    if (m_journalChanged)
        QSqlQuery(m_db.connection()).exec(QStringLiteral("PRAGMA journal_mode=WAL"));
}

void BulkLoad::useRollbackJournal() {
    if (m_db.backend() != Database::Backend::Sqlite)
        return;
    QSqlQuery q(m_db.connection());
    // Fails harmlessly while another connection has the database open.
    m_journalChanged = q.exec(QStringLiteral("PRAGMA journal_mode=DELETE")) && q.next() &&
                       q.value(0).toString() == QLatin1String("delete");
}

bool BulkLoad::begin(QString *error) {
    if (m_db.backend() != Database::Backend::Sqlite)
        return true;
    QSqlQuery q(m_db.connection());
    // Index rebuilds and scattered inserts want the page cache that short queries do not.
    m_cacheRaised = q.exec(QStringLiteral("PRAGMA cache_size=-262144"));
    QStringList drops;
    // The unique de-duplication index stays: it guards correctness, not speed.
    if (!q.exec(QStringLiteral(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN "
            "('leads', 'lead_events', 'activities') AND ((type = 'index') OR (type = 'trigger' "
            "AND name = 'leads_fts_insert'))"))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        if (m_keep.contains(q.value(1).toString()))
            continue;
        drops << QStringLiteral("DROP %1 %2")
                     .arg(q.value(0).toString().toUpper(), q.value(1).toString());
        m_recreate << q.value(2).toString();
    }
    for (const QString &sql : std::as_const(drops)) {
        if (!q.exec(sql)) {
            *error = q.lastError().text();
            return false;
        }
    }
    m_active = true;
    return true;
}

bool BulkLoad::finish(QString *error) {
    if (!m_active)
        return true;
    QSqlQuery q(m_db.connection());
    // Index builds sort their keys; helper threads sort in parallel on the other cores.
    q.exec(QStringLiteral("PRAGMA threads=%1").arg(std::min(QThread::idealThreadCount(), 8)));
    QStringList statements = m_recreate;
    if (!m_recreate.filter(QStringLiteral("leads_fts")).isEmpty())
        statements << QStringLiteral("INSERT INTO leads_fts(leads_fts) VALUES ('rebuild')");
    // Fresh statistics, so that the planner knows is_test = 0 matches nearly every lead.
    statements << QStringLiteral("ANALYZE leads");
    for (const QString &sql : std::as_const(statements)) {
        if (!q.exec(sql)) {
            *error = q.lastError().text();
            return false;
        }
    }
    m_active = false;
    return true;
}
