#pragma once

#include "../domain/lead.h"
#include "database.h"
#include "leadfilter.h"
#include "leadstats.h"

#include <QList>
#include <QSet>

#include <optional>

// Reads leads on this thread's connection: one lead, pages, counts and statistics, all
// filtered by LeadQuery. Values in, values out: no SQL type leaves this class.
class LeadRepository {
public:
    explicit LeadRepository(const Database &db);

    const Database &database() const { return m_db; }
    QString lastError() const { return m_error; }

    std::optional<Lead> lead(qint64 id) const;
    // The lead holding a de-duplication key (DedupKey::of), if any.
    std::optional<Lead> leadWithKey(const QString &dedupKey) const;
    // Leads with the same name hash (DedupKey::nameHash), with or without an email.
    QList<Lead> leadsWithNameHash(qint64 nameHash, bool withEmail) const;

    qint64 count(const LeadFilter &filter) const; // -1 on error
    // An offset page, for the CLI's --offset; views page with page().
    QList<Lead> list(const LeadFilter &filter, const LeadSort &sort, int limit,
                     qint64 offset = 0) const;
    // A keyset page: the `limit` leads after `after` (from the start when null).
    QList<Lead> page(const LeadFilter &filter, const LeadSort &sort, const LeadCursor *after,
                     int limit) const;
    static LeadCursor cursorAfter(const Lead &lead, const LeadSort &sort);
    // Every stored de-duplication key as its DedupKey::hash, for bulk writers that must not
    // collide: a set of numbers holds a million keys in a tenth of the memory of their text.
    QSet<quint64> dedupKeyHashes() const;
    std::optional<LeadStats> stats(const LeadFilter &filter) const;
    // The values a column of choices holds (owner or offer_id: each has an index to walk),
    // blanks left out, in order, at most `limit`; nullopt on error or for another column.
    std::optional<QStringList> distinctValues(const QString &column, int limit = 500) const;

private:
    bool fail(const QString &what, const QString &detail) const;
    QList<Lead> select(const QString &sql, const QVariantList &binds) const;

    Database m_db;
    mutable QString m_error;
};
