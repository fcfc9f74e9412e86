#pragma once

#include "database.h"
#include "leadfilter.h"

#include <QStringList>
#include <QVariantList>

struct Lead;

// The one translation of a lead filter and sort into SQL over the leads table, shared by lists,
// counts, statistics, exports and charts, so that they all mean the same leads.
class LeadQuery {
public:
    explicit LeadQuery(Database::Backend backend)
        : m_backend(backend) {}

    // " WHERE …" for the filter (empty when it lets every lead through); its values are
    // appended to `binds` in order.
    QString where(const LeadFilter &filter, QVariantList *binds) const;
    // `where` extended by the keyset condition: only the leads after `cursor` in `sort` order.
    QString whereAfter(const LeadFilter &filter, const LeadSort &sort, const LeadCursor &cursor,
                       QVariantList *binds) const;
    // " ORDER BY …" for the sort, ties broken by id.
    static QString orderBy(const LeadSort &sort);
    // The ids of the filter's leads in sort order. Only the sort keys and ids are sorted, not
    // whole rows: an export reads a million leads this way, then their rows by rowsOf().
    QString ids(const LeadFilter &filter, const LeadSort &sort, QVariantList *binds) const;
    // The canonical `columns` of the leads whose ids are bound as its one value (idList()),
    // in the order of those ids.
    QString rowsOf(const QStringList &columns) const;
    // SQLite: the canonical `columns` of the filter's leads in sort order, sorted as whole rows
    // rather than read through a sort index: for reading every lead (an export), one sequential
    // scan and an external merge sort beat a look-up per row in index order (SQLite, 1M leads: 3.9
    // s against 6.8 s in the sqlite3 shell).
    QString sortedRows(const LeadFilter &filter, const LeadSort &sort, const QStringList &columns,
                       QVariantList *binds) const;
    // The same rows in the order of the sort's index where one holds it: the first row comes at
    // once, and a look-up per row follows.
    QString streamedRows(const LeadFilter &filter, const LeadSort &sort, const QStringList &columns,
                         QVariantList *binds) const;
    // Ids as one bound value, however many: a JSON array for SQLite, an array literal for
    // PostgreSQL.
    QVariant idList(const QList<qint64> &ids) const;

    // A canonical column or "name".
    static bool isSortable(const QString &column);
    // The SQL expressions a sort orders by, before the id, all in the sort's direction.
    static QStringList sortKeys(const LeadSort &sort);
    // The cursor after `lead`: the values of its sort keys, as the database computes them.
    static LeadCursor cursorAfter(const Lead &lead, const LeadSort &sort);
    // Indexes that give every sortable column its first page without a full sort.
    static QStringList sortIndexes();

private:
    Database::Backend m_backend;
};
