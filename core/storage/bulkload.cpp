#include "bulkload.h"

#include "largesorts.h"
#include "searchindexbuilder.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

BulkLoad::BulkLoad(const Database &db)
    : m_db(db) {}

BulkLoad::~BulkLoad() {
    m_search.reset(); // stops its build before the connection changes
    if (m_active)     // cancelled or failed: the connection's own cache again
        QSqlQuery(m_db.connection()).exec(QStringLiteral("PRAGMA cache_size=%1").arg(m_cacheSize));
    if (m_journalChanged)
        QSqlQuery(m_db.connection()).exec(QStringLiteral("PRAGMA journal_mode=WAL"));
}

void BulkLoad::useRollbackJournal() {
    // Once is enough: SQLite counts every change of journal as a commit (data_version).
    if (m_db.backend() != Database::Backend::Sqlite || m_journalChanged)
        return;
    QSqlQuery q(m_db.connection());
    // Fails harmlessly while another connection has the database open.
    m_journalChanged = q.exec(QStringLiteral("PRAGMA journal_mode=DELETE")) && q.next() &&
                       q.value(0).toString() == QLatin1String("delete");
}

bool BulkLoad::begin(QString *error, bool setAsideNow) {
    if (m_db.backend() != Database::Backend::Sqlite)
        return true;
    QSqlQuery q(m_db.connection());
    if (q.exec(QStringLiteral("PRAGMA cache_size")) && q.next())
        m_cacheSize = q.value(0).toLongLong();
    // Inserts look up and extend the de-duplication index all over: it should stay in memory.
    // A rewrite through a rollback journal needs it too: a small cache spills changed pages to
    // the file, and each spill waits for the journal to reach the disk.
    q.exec(QStringLiteral("PRAGMA cache_size=-131072"));
    m_active = true;
    return !setAsideNow || setAside(error);
}

bool BulkLoad::setAside(QString *error) {
    if (m_db.backend() != Database::Backend::Sqlite)
        return true;
    QSqlQuery q(m_db.connection());
    QStringList drops;
    // The unique de-duplication index stays: it guards correctness, not speed. Every trigger of
    // the search index goes, not only the insert's: a lead stored by this load is not in the
    // index until its rebuild, and a later record changing its name or email would otherwise
    // delete from the index a row it does not hold, which corrupts it.
    if (!q.exec(QStringLiteral(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN "
            "('leads', 'lead_events', 'activities') AND ((type = 'index') OR (type = 'trigger' "
            "AND name LIKE 'leads_fts_%'))"))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        const QString name = q.value(1).toString();
        if (m_keep.contains(name) || (!m_only.isEmpty() && !m_only.contains(name)))
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
    if (m_searchAside && !m_recreate.filter(QStringLiteral("leads_fts")).isEmpty() &&
        q.exec(QStringLiteral("SELECT 1 FROM leads LIMIT 1")) && !q.next()) {
        // Where it cannot start, the index is rebuilt at the end as usual.
        m_search = std::make_unique<SearchIndexBuilder>(m_db.location());
        QString ignored;
        if (!m_search->open(&ignored))
            m_search.reset();
    }
    return true;
}

bool BulkLoad::finish(QString *error) {
    if (!m_active)
        return true;
    QSqlQuery q(m_db.connection());
    if (m_recreate.isEmpty()) { // nothing was set aside: nothing to build or analyse
        m_active = false;
        q.exec(QStringLiteral("PRAGMA cache_size=%1").arg(m_cacheSize));
        return true;
    }
    // An index build scans the table and sorts its keys in an external merge: a large page
    // cache only slows it down (measured: 1.4 s with SQLite's default, 2.6 s with 256 MB).
    q.exec(QStringLiteral("PRAGMA cache_size=-2000"));
    const LargeSorts largeSorts(m_db); // 15 s rather than 24 s for the indexes of 1M leads
    QString ignored;
    if (m_search) // where it does not start, copyInto() fails and the index is rebuilt
        m_search->start(&ignored);
    auto run = [&q, error](const QStringList &statements) {
        for (const QString &sql : statements) {
            if (!q.exec(sql)) {
                *error = q.lastError().text();
                return false;
            }
        }
        return true;
    };
    if (!run(m_recreate))
        return false;
    const bool searchIndexSetAside = !m_recreate.filter(QStringLiteral("leads_fts")).isEmpty();
    // Built beside the other indexes, or else now: a larger in-memory term table writes fewer,
    // larger segments, a quarter less time.
    if (searchIndexSetAside && !(m_search && m_search->copyInto(m_db, &ignored)) &&
        !run({QStringLiteral("INSERT INTO leads_fts(leads_fts, rank) VALUES ('hashsize', "
                             "67108864)"),
              QStringLiteral("INSERT INTO leads_fts(leads_fts) VALUES ('rebuild')"),
              QStringLiteral("INSERT INTO leads_fts(leads_fts, rank) VALUES ('hashsize', "
                             "1048576)")}))
        return false;
    // Fresh statistics, so that the planner knows is_test = 0 matches nearly every lead; a
    // sample of each index tells that as well as a full count.
    if (!run({QStringLiteral("PRAGMA analysis_limit=2000"), QStringLiteral("ANALYZE leads"),
              QStringLiteral("PRAGMA analysis_limit=0")}))
        return false;
    m_active = false;
    q.exec(QStringLiteral("PRAGMA cache_size=%1").arg(m_cacheSize));
    return true;
}
