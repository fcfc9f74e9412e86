#pragma once

#include "database.h"

#include <QStringList>

#include <memory>

class SearchIndexBuilder;

// Speeds up a large insert inside a transaction: on SQLite, secondary indexes and the search
// index's triggers are set aside and rebuilt in one pass at the end. Elsewhere it does nothing.
class BulkLoad {
public:
    explicit BulkLoad(const Database &db);
    ~BulkLoad(); // returns the database to write-ahead logging
    BulkLoad(const BulkLoad &) = delete;
    BulkLoad &operator=(const BulkLoad &) = delete;

    // Call before the transaction: a rollback journal writes new pages once, where the
    // write-ahead log would write them twice. Crash safety is the same.
    void useRollbackJournal();
    // Whether useRollbackJournal() switched the journal (no other connection had the file open).
    bool journalChanged() const { return m_journalChanged; }
    // Keeps an index while loading, because the load itself looks things up in it.
    void keepIndex(const QString &name) { m_keep << name; }
    // Sets aside these indexes only (a rewrite of the columns they hold), and no trigger.
    void setAsideOnly(const QStringList &indexes) { m_only = indexes; }
    // Call inside the transaction, before inserting. With `setAsideNow` false, only the
    // cache is made large: setAside() sets the indexes aside once they turn out to be in the
    // way.
    bool begin(QString *error, bool setAsideNow = true);
    // Before begin(): when the load starts from no leads, the search index is built beside
    // the other indexes from what the storing writer reports to searchIndexBuilder().
    void buildSearchIndexAside() { m_searchAside = true; }
    SearchIndexBuilder *searchIndexBuilder() const { return m_search.get(); }
    bool setAside(QString *error);
    bool finish(QString *error); // call inside the transaction, before committing

private:
    Database m_db;
    QStringList m_recreate;
    QStringList m_keep{QStringLiteral("leads_dedup_key")};
    QStringList m_only;
    std::unique_ptr<SearchIndexBuilder> m_search;
    bool m_searchAside = false;
    bool m_active = false;
    bool m_journalChanged = false;
    qint64 m_cacheSize = -2000; // the connection's, put back at the end
};
