#include "storedleadrows.h"

#include "leadquery.h"
#include "sqlstatement.h"

#include <QSqlQuery>
#include <QThread>

#include <algorithm>

namespace {
constexpr qsizetype idPage = 2000;
}

StoredLeadRows::StoredLeadRows(const Database &db)
    : m_db(db) {}

StoredLeadRows::~StoredLeadRows() {
    m_rows.reset();
    // The connection's short sorts stay in memory, as it was set up.
    if (m_sortSettings)
        QSqlQuery(m_db.connection()).exec(QStringLiteral("PRAGMA temp_store=MEMORY"));
}

bool StoredLeadRows::fail(const QString &detail) {
    m_error = QStringLiteral("cannot read the leads: %1").arg(detail);
    return false;
}

bool StoredLeadRows::start(const LeadFilter &filter, const LeadSort &sort,
                           const QStringList &columns) {
    const LeadQuery sql(m_db.backend());
    SqlStatement count(m_db);
    QVariantList binds;
    if (!count.prepare(QStringLiteral("SELECT count(*) FROM leads") + sql.where(filter, &binds)))
        return fail(count.error());
    for (qsizetype i = 0; i < binds.size(); ++i)
        count.bind(int(i), binds.at(i));
    if (!count.exec() || !count.next())
        return fail(count.error());
    m_total = count.intValue(0);
    count.finish();

    m_rows = std::make_unique<SqlStatement>(m_db);
    binds.clear();
    if (m_db.backend() == Database::Backend::Sqlite) {
        QSqlQuery settings(m_db.connection());
        m_sortSettings = true;
        settings.exec(QStringLiteral("PRAGMA temp_store=FILE"));
        settings.exec(
            QStringLiteral("PRAGMA threads=%1").arg(std::min(QThread::idealThreadCount(), 4)));
        if (!m_rows->prepare(sql.sortedRows(filter, sort, columns, &binds)))
            return fail(m_rows->error());
        for (qsizetype i = 0; i < binds.size(); ++i)
            m_rows->bind(int(i), binds.at(i));
        if (!m_rows->exec())
            return fail(m_rows->error());
        return true;
    }
    m_paged = true;
    SqlStatement ids(m_db);
    if (!ids.prepare(sql.ids(filter, sort, &binds)))
        return fail(ids.error());
    for (qsizetype i = 0; i < binds.size(); ++i)
        ids.bind(int(i), binds.at(i));
    if (!ids.exec())
        return fail(ids.error());
    while (ids.next())
        m_ids << ids.intValue(0);
    if (!m_rows->prepare(sql.rowsOf(columns)))
        return fail(m_rows->error());
    return nextPage();
}

bool StoredLeadRows::nextPage() {
    if (m_nextId >= m_ids.size())
        return false;
    const LeadQuery sql(m_db.backend());
    m_rows->bind(0, sql.idList(m_ids.mid(m_nextId, idPage)));
    m_nextId += idPage;
    if (!m_rows->exec())
        return fail(m_rows->error());
    return true;
}

bool StoredLeadRows::next() {
    if (!m_rows)
        return false;
    while (true) {
        if (m_rows->next())
            return true;
        if (!m_rows->error().isEmpty() && m_error.isEmpty())
            return fail(m_rows->error());
        if (!m_paged || !nextPage())
            return false;
    }
}

QByteArray StoredLeadRows::utf8(int column) const {
    return m_rows->utf8Value(column);
}

qint64 StoredLeadRows::integer(int column) const {
    return m_rows->intValue(column);
}

double StoredLeadRows::real(int column) const {
    return m_rows->realValue(column);
}

QVariant StoredLeadRows::value(int column) const {
    return m_rows->value(column);
}
