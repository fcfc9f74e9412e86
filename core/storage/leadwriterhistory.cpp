// LeadWriter's writes of a lead's history: its events and timeline lines, one lead's or many
// leads' rows to a statement, and the rows an import keeps back.
#include "leadwriter.h"

#include "../domain/leadcolumns.h"
#include "leadwriterstatements.h"
#include "transaction.h"

#include <QCoreApplication>

using LeadColumns::isoUtc;

namespace {

// Rows to a statement at most: 64 rows of 8 values stay far within every backend's limit of
// placeholders.
constexpr qsizetype rowsPerStatement = 64;
constexpr int eventValues = 8;    // the values of one event row
constexpr int activityValues = 8; // and of one activity row

// Inserts `rows`, up to rowsPerStatement to a statement: `insert` ("INSERT INTO t (…) VALUES ")
// with `values` placeholders a row, prepared once per row count in `prepared`;
// `bind(statement, row, first)` binds a row's values from placeholder `first` on. The error
// text, empty when every row is stored.
template <class Row, class Bind>
QString insertRows(const Database &db, std::map<qsizetype, std::unique_ptr<SqlStatement>> &prepared,
                   const QString &insert, int values, const QList<Row> &rows, Bind bind) {
    for (qsizetype from = 0; from < rows.size(); from += rowsPerStatement) {
        const qsizetype n = std::min(rowsPerStatement, rows.size() - from);
        auto it = prepared.find(n);
        if (it == prepared.end()) {
            QStringList marks;
            for (qsizetype r = 0; r < n; ++r)
                marks << QLatin1Char('(') + SqlStatement::placeholders(values) + QLatin1Char(')');
            auto q = std::make_unique<SqlStatement>(db);
            if (!q->prepare(insert + marks.join(QStringLiteral(", "))))
                return q->error();
            it = prepared.emplace(n, std::move(q)).first;
        }
        SqlStatement &q = *it->second;
        for (qsizetype r = 0; r < n; ++r)
            bind(q, rows.at(from + r), int(r * values));
        if (!q.exec())
            return q.error();
    }
    return {};
}

} // namespace

bool LeadWriter::storeEvent(qint64 leadId, const LeadEvent &e) {
    return storeEvents({{leadId, e}});
}

bool LeadWriter::storeEvents(const QList<std::pair<qint64, LeadEvent>> &events) {
    if (!prepareStatements())
        return false;
    const QString error = insertRows(
        m_db, m_statements->insertEvents,
        QStringLiteral("INSERT INTO lead_events (lead_id, occurred_at, storefront, action, "
                       "lead_source, offer_title, description, channel) VALUES "),
        eventValues, events, [](SqlStatement &q, const std::pair<qint64, LeadEvent> &row, int i) {
            const auto &[leadId, e] = row;
            q.bind(i++, leadId);
            q.bind(i++, isoUtc(e.occurredAt));
            q.bind(i++, Storefronts::canonicalName(e.storefront));
            for (const QString *value :
                 {&e.action, &e.leadSource, &e.offerTitle, &e.description, &e.channel})
                q.bind(i++, *value);
        });
    return error.isEmpty() ||
           fail(QCoreApplication::translate("LeadWriter", "cannot store the event"), error);
}

bool LeadWriter::storeActivities(qint64 leadId, const QList<Activity> &activities) {
    QList<std::pair<qint64, Activity>> rows;
    rows.reserve(activities.size());
    for (const Activity &a : activities)
        rows.append({leadId, a});
    return storeActivityRows(rows);
}

bool LeadWriter::storeActivityRows(const QList<std::pair<qint64, Activity>> &activities) {
    if (!prepareStatements())
        return false;
    const QString now = isoUtc(QDateTime::currentDateTimeUtc()); // for the lines without a time
    const QString error = insertRows(
        m_db, m_statements->insertActivities,
        QStringLiteral("INSERT INTO activities (lead_id, at, actor, kind, field, old_value, "
                       "new_value, note) VALUES "),
        activityValues, activities,
        [&now](SqlStatement &q, const std::pair<qint64, Activity> &row, int i) {
            const auto &[leadId, a] = row;
            q.bind(i++, leadId);
            q.bind(i++, a.at.isValid() ? isoUtc(a.at) : now);
            q.bind(i++, a.actor);
            q.bind(i++, ActivityKinds::canonicalName(a.kind));
            q.bind(i++, a.field);
            q.bind(i++, LeadColumns::valueText(a.oldValue));
            q.bind(i++, LeadColumns::valueText(a.newValue));
            q.bind(i++, a.note);
        });
    return error.isEmpty() ||
           fail(QCoreApplication::translate("LeadWriter", "cannot store the activities"), error);
}

bool LeadWriter::writeKeptBack() {
    if (m_keptEvents.isEmpty() && m_keptLines.isEmpty())
        return true;
    const bool written = storeEvents(m_keptEvents) && storeActivityRows(m_keptLines);
    m_keptEvents.clear();
    m_keptLines.clear();
    return written;
}

bool LeadWriter::addActivities(Transaction &tx, qint64 leadId, const QList<Activity> &activities) {
    if (!tx.isActive()) {
        m_error = QCoreApplication::translate("LeadWriter",
                                              "cannot store the activities: no transaction");
        return false;
    }
    return storeActivities(leadId, activities);
}

bool LeadWriter::addEvent(Transaction &tx, qint64 leadId, const LeadEvent &event) {
    if (!tx.isActive()) {
        m_error =
            QCoreApplication::translate("LeadWriter", "cannot store the event: no transaction");
        return false;
    }
    return storeEvent(leadId, event);
}
