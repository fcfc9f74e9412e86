#include "storedleadrows.h"

#include "largesorts.h"
#include "leadquery.h"
#include "sqlstatement.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace {
constexpr qsizetype idPage = 2000;

bool run(QSqlQuery &query, const QString &sql, const QVariantList &binds) {
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return false;
    for (const QVariant &v : binds)
        query.addBindValue(v);
    return query.exec();
}
} // namespace

StoredLeadRows::StoredLeadRows(const Database &db)
    : m_db(db) {}

StoredLeadRows::~StoredLeadRows() {
    m_rows.reset();
    m_query.reset();
    m_largeSorts.reset(); // after the statements: the settings return once nothing sorts
}

bool StoredLeadRows::fail(const QString &detail) {
    m_error = QCoreApplication::translate("StoredLeadRows", "cannot read the leads: %1")
                  .arg(detail.simplified());
    return false;
}

bool StoredLeadRows::streamedPays() const {
    if (!m_streamed)
        return false;
    // The sort's index walks every lead, with a look-up each, whatever the filter keeps: worth
    // it while the filter keeps a good share of them (the won leads by score, a seventh of a
    // million, took 5.5 s so against 3 s sorted).
    QSqlQuery all(m_db.connection());
    if (!all.exec(QStringLiteral("SELECT count(*) FROM leads")) || !all.next())
        return false;
    return m_total * 3 >= all.value(0).toLongLong();
}

bool StoredLeadRows::start(const LeadFilter &filter, const LeadSort &sort,
                           const QStringList &columns) {
    const LeadQuery sql(m_db.backend());
    QVariantList binds;
    {
        QSqlQuery count(m_db.connection());
        if (!run(count, QStringLiteral("SELECT count(*) FROM leads") + sql.where(filter, &binds),
                 binds) ||
            !count.next())
            return fail(count.lastError().text());
        m_total = count.value(0).toLongLong();
    }
    binds.clear();
    if (m_db.backend() == Database::Backend::Sqlite) {
        m_largeSorts = std::make_unique<LargeSorts>(m_db);
        m_rows = std::make_unique<SqlStatement>(m_db);
        if (!m_rows->prepare(streamedPays() ? sql.streamedRows(filter, sort, columns, &binds)
                                            : sql.sortedRows(filter, sort, columns, &binds)))
            return fail(m_rows->error());
        for (qsizetype i = 0; i < binds.size(); ++i)
            m_rows->bind(int(i), binds.at(i));
        if (!m_rows->exec())
            return fail(m_rows->error());
        return true;
    }
    {
        // Read whole and gone before the rows' statement runs.
        QSqlQuery ids(m_db.connection());
        if (!run(ids, sql.ids(filter, sort, &binds), binds))
            return fail(ids.lastError().text());
        while (ids.next())
            m_ids << ids.value(0).toLongLong();
        if (ids.lastError().isValid())
            return fail(ids.lastError().text());
    }
    m_query = std::make_unique<QSqlQuery>(m_db.connection());
    m_query->setForwardOnly(true);
    if (!m_query->prepare(sql.rowsOf(columns)))
        return fail(m_query->lastError().text());
    return nextPage();
}

bool StoredLeadRows::nextPage() {
    if (m_nextId >= m_ids.size())
        return false;
    const LeadQuery sql(m_db.backend());
    m_query->bindValue(0, sql.idList(m_ids.mid(m_nextId, idPage)));
    m_nextId += idPage;
    if (!m_query->exec())
        return fail(m_query->lastError().text());
    return true;
}

bool StoredLeadRows::next() {
    if (m_rows) {
        if (m_rows->next())
            return true;
        if (!m_rows->error().isEmpty())
            fail(m_rows->error());
        return false;
    }
    if (!m_query)
        return false;
    while (true) {
        if (m_query->next())
            return true;
        if (m_query->lastError().isValid())
            return fail(m_query->lastError().text());
        if (!nextPage())
            return false;
    }
}

QByteArrayView StoredLeadRows::utf8(int column) const {
    if (m_rows)
        return m_rows->utf8View(column);
    m_converted = m_query->value(column).toString().toUtf8();
    return m_converted;
}

qint64 StoredLeadRows::integer(int column) const {
    return m_rows ? m_rows->intValue(column) : m_query->value(column).toLongLong();
}

double StoredLeadRows::real(int column) const {
    return m_rows ? m_rows->realValue(column) : m_query->value(column).toDouble();
}

QVariant StoredLeadRows::value(int column) const {
    return m_rows ? m_rows->value(column) : m_query->value(column);
}
