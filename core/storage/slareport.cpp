#include "slareport.h"

#include "../domain/firsttouchsla.h"
#include "../domain/leadcolumns.h"
#include "sqldialect.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

SlaReport::SlaReport(const Database &db)
    : m_db(db) {}

int SlaReport::targetHours() const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'sla_target_hours'"));
    if (q.exec() && q.next()) {
        bool ok = false;
        const int hours = q.value(0).toString().toInt(&ok);
        if (ok && hours > 0)
            return hours;
    }
    return FirstTouchSla::defaultTargetHours;
}

bool SlaReport::setTargetHours(int hours) {
    if (hours < 1) {
        m_error = QCoreApplication::translate("SlaReport",
                                              "the SLA target must be at least 1 hour, not %1")
                      .arg(hours);
        return false;
    }
    QSqlQuery q(m_db.connection());
    bool ok = q.exec(QStringLiteral("DELETE FROM meta WHERE key = 'sla_target_hours'"));
    if (ok) {
        q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('sla_target_hours', ?)"));
        q.addBindValue(QString::number(hours));
        ok = q.exec();
    }
    if (!ok)
        m_error = QCoreApplication::translate("SlaReport", "cannot store the SLA target: %1")
                      .arg(q.lastError().text().simplified());
    return ok;
}

QList<RepSla> SlaReport::perRep(const QDateTime &now, const QDateTime &since) const {
    m_error.clear();
    const qint64 target = qint64(targetHours()) * 3600;
    // Touched: a first touch is recorded, or touches were counted (an import's, time unknown);
    // breached as FirstTouchSla::isBreached says, an untouched lead only while it is open.
    // The charts' index holds every column read here: one range of it, grouped after, rather
    // than the owners' index and a look-up per lead (1.3 s rather than 3 s for a million leads).
    const QString byOwner = SqlDialect(m_db.backend()).notByIndex(QStringLiteral("l.owner"));
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral(
            "SELECT l.owner, COUNT(*), SUM(CASE WHEN n.first_touch_at <> '' OR l.follow_ups > 0 "
            "THEN 1 ELSE 0 END), SUM(CASE WHEN n.first_touch_at <> '' AND n.first_touch_seconds > "
            "? THEN 1 WHEN (n.first_touch_at IS NULL OR n.first_touch_at = '') AND l.follow_ups = "
            "0 "
            "AND l.stage NOT IN ('won', 'lost', 'disqualified') AND l.created_at <> '' AND "
            "l.created_at < ? THEN 1 ELSE 0 END), SUM(CASE WHEN n.first_touch_at <> '' THEN "
            "n.first_touch_seconds ELSE 0 END), SUM(CASE WHEN n.first_touch_at <> '' THEN 1 ELSE 0 "
            "END) FROM leads l LEFT JOIN lead_nurture n ON n.lead_id = l.id WHERE l.is_test = 0 "
            "AND "
            "l.created_at >= ? GROUP BY %1 ORDER BY 1")
            .arg(byOwner));
    q.addBindValue(target);
    q.addBindValue(LeadColumns::isoUtc(now.addSecs(-target)));
    q.addBindValue(since.isValid() ? LeadColumns::isoUtc(since) : QStringLiteral(""));
    if (!q.exec()) {
        m_error = QCoreApplication::translate("SlaReport", "cannot measure the first-touch SLA: %1")
                      .arg(q.lastError().text().simplified());
        return {};
    }
    QList<RepSla> out;
    while (q.next()) {
        RepSla r;
        r.owner = q.value(0).toString();
        r.leads = q.value(1).toLongLong();
        r.touched = q.value(2).toLongLong();
        r.breached = q.value(3).toLongLong();
        const double timed = q.value(5).toDouble();
        r.averageHours = timed > 0 ? q.value(4).toDouble() / timed / 3600.0 : 0.0;
        out << r;
    }
    return out;
}
