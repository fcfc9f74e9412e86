#pragma once

#include "database.h"
#include "leadfilter.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QVariant>

#include <memory>

class QSqlQuery;
class LargeSorts;
class SqlStatement;

// Every lead of a filter in sort order as its stored cells, for reading a whole library (an
// export) without building Lead values. SQLite: one sorted query, the sort spilled to files and
// run on helper threads (a pass over the table and a merge sort beat a look-up per row in index
// order). PostgreSQL: the sorted ids first, then the rows page by page in that order.
class StoredLeadRows {
public:
    explicit StoredLeadRows(const Database &db);
    ~StoredLeadRows();
    StoredLeadRows(const StoredLeadRows &) = delete;
    StoredLeadRows &operator=(const StoredLeadRows &) = delete;

    // SQLite: rows in the sort's index order, the first at once, for a reader slower than the
    // look-up per row (an Excel workbook), when the filter keeps a third of the leads or more;
    // otherwise one pass and a sort, the quicker whole.
    void setStreamed(bool streamed) { m_streamed = streamed; }
    // Starts reading the canonical `columns`; false with error() set.
    bool start(const LeadFilter &filter, const LeadSort &sort, const QStringList &columns);
    qint64 total() const { return m_total; } // the number of leads start() found
    // The next lead; false at the end or on an error (error() tells which).
    bool next();
    QString error() const { return m_error; }

    // The current lead's cells, by the position of their column in start()'s list.
    QByteArrayView utf8(int column) const; // valid until the next call or next()
    qint64 integer(int column) const;
    double real(int column) const;
    QVariant value(int column) const;

private:
    bool fail(const QString &detail);
    bool streamedPays() const; // once m_total is known
    bool nextPage();

    Database m_db;
    std::unique_ptr<SqlStatement> m_rows; // SQLite
    std::unique_ptr<QSqlQuery> m_query;   // PostgreSQL: a page of rows
    QList<qint64> m_ids;                  // PostgreSQL: the order, read page by page
    qsizetype m_nextId = 0;
    bool m_streamed = false;
    mutable QByteArray m_converted; // PostgreSQL: utf8()'s text
    qint64 m_total = 0;
    std::unique_ptr<LargeSorts> m_largeSorts;
    QString m_error;
};
