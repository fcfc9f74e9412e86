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
