#include "winhistoryreader.h"

#include "../domain/leadcolumns.h"
#include "sqlstatement.h"

#include <QStringList>

namespace {

const QStringList &leadColumns() {
    static const QStringList columns{
        QStringLiteral("id"),
        QStringLiteral("storefront"),
        QStringLiteral("action"),
        QStringLiteral("offer_id"),
        QStringLiteral("offer_title"),
        QStringLiteral("email"),
        QStringLiteral("phone"),
        QStringLiteral("country"),
        QStringLiteral("company"),
        QStringLiteral("title"),
        QStringLiteral("created_at"),
        QStringLiteral("last_event_at"),
        QStringLiteral("events"),
        QStringLiteral("stage"),
        QStringLiteral("owner"),
        QStringLiteral("score"),
        QStringLiteral("grade"),
        QStringLiteral("follow_ups"),
        QStringLiteral("do_not_contact"),
        QStringLiteral("campaign"),
        QStringLiteral("origin"),
        QStringLiteral("privacy_restricted"),
    };
    return columns;
}

// A lead is closed when its stage was last changed to won or lost; a lead stored already
// closed (an import, a restore) has no such change, and its last marketplace event stands in.
// Timestamps are ISO 8601 UTC text of one width, so the largest text is the latest time.
QString closedLeadsSql() {
    QStringList selected;
    for (const QString &column : leadColumns())
        selected << QStringLiteral("l.") + column;
    return QStringLiteral(
               "SELECT %1, COALESCE((SELECT max(a.at) FROM activities a WHERE a.lead_id = l.id "
               "AND a.kind = 'changed' AND a.field = 'stage' AND a.new_value IN ('won', 'lost')), "
               "l.last_event_at) FROM leads l WHERE l.is_test = 0 AND l.stage IN ('won', 'lost')")
        .arg(selected.join(QStringLiteral(", ")));
}

} // namespace

WinHistoryReader::WinHistoryReader(const Database &db)
    : m_db(db) {}

std::optional<QList<WinClosedLead>> WinHistoryReader::closedLeads() {
    m_error.clear();
    SqlStatement q(m_db);
    if (!q.prepare(closedLeadsSql()) || !q.exec()) {
        m_error = QStringLiteral("cannot read the closed leads: %1").arg(q.error());
        return std::nullopt;
    }
    const QStringList &columns = leadColumns();
    const int closedAtColumn = int(columns.size());
    QList<WinClosedLead> out;
    while (q.next()) {
        WinClosedLead c;
        for (int i = 0; i < closedAtColumn; ++i)
            if (!LeadColumns::setValue(c.lead, columns.at(i), q.value(i))) {
                m_error = QStringLiteral("cannot read the closed leads: lead %1 has %2 \"%3\"")
                              .arg(q.intValue(0))
                              .arg(columns.at(i), q.textValue(i));
                return std::nullopt;
            }
        c.won = c.lead.stage == Stage::Won;
        c.closedAt = LeadColumns::parseIsoUtc(q.textValue(closedAtColumn));
        out << c;
    }
    if (!q.error().isEmpty()) {
        m_error = QStringLiteral("cannot read the closed leads: %1").arg(q.error());
        return std::nullopt;
    }
    return out;
}
