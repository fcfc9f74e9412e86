#include "leadrepository.h"

#include "../domain/dedupkey.h"

#include "leadquery.h"
#include "leadrow.h"
#include "sqlstatement.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

LeadRepository::LeadRepository(const Database &db)
    : m_db(db) {}

bool LeadRepository::fail(const QString &what, const QString &detail) const {
    m_error = what + QStringLiteral(": ") + detail.simplified();
    return false;
}

QList<Lead> LeadRepository::select(const QString &sql, const QVariantList &binds) const {
    QList<Lead> out;
    if (m_db.backend() == Database::Backend::Sqlite) {
        // SQLite's own statement: the stored UTF-8 read as it is, not a QVariant of UTF-16 for
        // each of forty columns.
        SqlStatement q(m_db);
        if (!q.prepare(sql)) {
            fail(QCoreApplication::translate("LeadRepository", "cannot read leads"), q.error());
            return out;
        }
        for (qsizetype i = 0; i < binds.size(); ++i)
            q.bind(int(i), binds.at(i));
        if (!q.exec()) {
            fail(QCoreApplication::translate("LeadRepository", "cannot read leads"), q.error());
            return out;
        }
        while (q.next())
            out << LeadRow::fromStatement(q);
        q.finish();
        m_error.clear();
        return out;
    }
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        fail(QCoreApplication::translate("LeadRepository", "cannot read leads"),
             q.lastError().text());
        return out;
    }
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        fail(QCoreApplication::translate("LeadRepository", "cannot read leads"),
             q.lastError().text());
        return out;
    }
    while (q.next())
        out << LeadRow::fromRow(q);
    m_error.clear();
    return out;
}

std::optional<Lead> LeadRepository::lead(qint64 id) const {
    const QList<Lead> found = select(
        QStringLiteral("SELECT %1 FROM leads WHERE id = ?").arg(LeadRow::selectColumns()), {id});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

std::optional<Lead> LeadRepository::leadWithKey(const QString &dedupKey) const {
    const QList<Lead> found = select(
        QStringLiteral("SELECT %1 FROM leads WHERE dedup_key = ?").arg(LeadRow::selectColumns()),
        {dedupKey});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<Lead> LeadRepository::leadsWithNameHash(qint64 nameHash, bool withEmail) const {
    return select(
        QStringLiteral("SELECT %1 FROM leads WHERE name_hash = ? AND email %2 ''")
            .arg(LeadRow::selectColumns(), withEmail ? QStringLiteral("<>") : QStringLiteral("=")),
        {nameHash});
}

qint64 LeadRepository::count(const LeadFilter &filter) const {
    QVariantList binds;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT count(*) FROM leads") +
              LeadQuery(m_db.backend()).where(filter, &binds));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        fail(QCoreApplication::translate("LeadRepository", "cannot count leads"),
             q.lastError().text());
        return -1;
    }
    m_error.clear();
    return q.value(0).toLongLong();
}

QList<Lead> LeadRepository::list(const LeadFilter &filter, const LeadSort &sort, int limit,
                                 qint64 offset) const {
    if (!LeadQuery::isSortable(sort.column)) {
        fail(QCoreApplication::translate("LeadRepository", "cannot sort"),
             QCoreApplication::translate("LeadRepository", "unknown column %1").arg(sort.column));
        return {};
    }
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT %1 FROM leads").arg(LeadRow::selectColumns()) +
                        LeadQuery(m_db.backend()).where(filter, &binds) + LeadQuery::orderBy(sort) +
                        QStringLiteral(" LIMIT ? OFFSET ?");
    binds << limit << offset;
    return select(sql, binds);
}

QList<Lead> LeadRepository::page(const LeadFilter &filter, const LeadSort &sort,
                                 const LeadCursor *after, int limit) const {
    if (!LeadQuery::isSortable(sort.column)) {
        fail(QCoreApplication::translate("LeadRepository", "cannot sort"),
             QCoreApplication::translate("LeadRepository", "unknown column %1").arg(sort.column));
        return {};
    }
    QVariantList binds;
    const LeadQuery query(m_db.backend());
    const QString where =
        after ? query.whereAfter(filter, sort, *after, &binds) : query.where(filter, &binds);
    const QString sql = QStringLiteral("SELECT %1 FROM leads").arg(LeadRow::selectColumns()) +
                        where + LeadQuery::orderBy(sort) + QStringLiteral(" LIMIT ?");
    binds << limit;
    return select(sql, binds);
}

LeadCursor LeadRepository::cursorAfter(const Lead &lead, const LeadSort &sort) {
    return LeadQuery::cursorAfter(lead, sort);
}

QSet<quint64> LeadRepository::dedupKeyHashes() const {
    QSet<quint64> keys;
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT dedup_key FROM leads"))) {
        fail(QCoreApplication::translate("LeadRepository", "cannot read the lead keys"),
             q.lastError().text());
        return keys;
    }
    while (q.next())
        keys.insert(DedupKey::hash(q.value(0).toString()));
    return keys;
}

std::optional<QStringList> LeadRepository::distinctValues(const QString &column, int limit) const {
    // Only columns with an index of their own: the answer is a walk along it.
    if (column != QLatin1String("owner") && column != QLatin1String("offer_id")) {
        fail(QCoreApplication::translate("LeadRepository", "cannot list values"),
             QCoreApplication::translate("LeadRepository", "no choices for %1").arg(column));
        return std::nullopt;
    }
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT DISTINCT %1 FROM leads WHERE %1 <> '' ORDER BY %1 LIMIT ?")
                  .arg(column));
    q.addBindValue(limit);
    if (!q.exec()) {
        fail(QCoreApplication::translate("LeadRepository", "cannot list values"),
             q.lastError().text());
        return std::nullopt;
    }
    QStringList values;
    while (q.next())
        values << q.value(0).toString();
    return values;
}

std::optional<LeadStats> LeadRepository::stats(const LeadFilter &filter) const {
    // One pass over the overview index, folded three ways here.
    LeadStats s;
    QVariantList binds;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT storefront, stage, action, count(*) FROM leads") +
              LeadQuery(m_db.backend()).where(filter, &binds) +
              QStringLiteral(" GROUP BY storefront, stage, action"));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec()) {
        fail(QCoreApplication::translate("LeadRepository", "cannot compute statistics"),
             q.lastError().text());
        return std::nullopt;
    }
    while (q.next()) {
        const qint64 n = q.value(3).toLongLong();
        s.byStorefront[q.value(0).toString()] += n;
        s.byStage[q.value(1).toString()] += n;
        s.byAction[q.value(2).toString()] += n;
        s.total += n;
    }
    m_error.clear();
    return s;
}
