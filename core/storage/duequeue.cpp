#include "duequeue.h"

#include "../domain/leadcolumns.h"
#include "leadrow.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimeZone>

DueQueue::DueQueue(const Database &db)
    : m_db(db) {}

QString DueQueue::sql() {
    // An unset follow-up is '', which the range leaves out.
    return QStringLiteral(
               "SELECT %1, (SELECT n.follow_up_kind FROM lead_nurture n WHERE n.lead_id = "
               "leads.id), (SELECT n.cadence FROM lead_nurture n WHERE n.lead_id = leads.id) "
               "FROM leads WHERE is_test = 0 AND owner = ? AND next_follow_up_at > '' AND "
               "next_follow_up_at < ? AND do_not_contact = 0 AND stage NOT IN ('won', 'lost', "
               "'disqualified') ORDER BY next_follow_up_at, id")
        .arg(LeadRow::selectColumns());
}

QList<DueFollowUp> DueQueue::of(const QString &owner, const QDateTime &now, int limit) const {
    m_error.clear();
    const QDate today = now.toUTC().date();
    const QDateTime dayStart(today, QTime(0, 0), QTimeZone::utc());
    const QDateTime dayEnd = dayStart.addDays(1);
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(sql() + (limit > 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString()));
    q.addBindValue(owner);
    q.addBindValue(LeadColumns::isoUtc(dayEnd));
    if (!q.exec()) {
        m_error = QCoreApplication::translate("DueQueue", "cannot read the Due queue of %1: %2")
                      .arg(owner, q.lastError().text().simplified());
        return {};
    }
    const int extra = q.record().count() - 2;
    QList<DueFollowUp> out;
    while (q.next()) {
        DueFollowUp d;
        d.lead = LeadRow::fromRow(q);
        d.kind = q.value(extra).toString();
        d.cadence = q.value(extra + 1).toString();
        d.overdue = d.lead.nextFollowUpAt < dayStart;
        out << d;
    }
    return out;
}
