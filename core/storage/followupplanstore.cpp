#include "followupplanstore.h"

#include "../domain/leadcolumns.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

FollowUpPlanStore::FollowUpPlanStore(const Database &db)
    : m_db(db) {}

std::optional<FollowUpPlan> FollowUpPlanStore::plan(qint64 leadId) const {
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("SELECT follow_up_kind, cadence, cadence_step, cadence_started_at, "
                       "first_touch_at, first_touch_seconds FROM lead_nurture WHERE lead_id = ?"));
    q.addBindValue(leadId);
    if (!q.exec()) {
        m_error = QCoreApplication::translate("FollowUpPlanStore",
                                              "cannot read the follow-up plan of lead %1: %2")
                      .arg(leadId)
                      .arg(q.lastError().text().simplified());
        return std::nullopt;
    }
    FollowUpPlan p;
    if (q.next()) {
        p.kind = q.value(0).toString();
        p.cadence = q.value(1).toString();
        p.cadenceStep = q.value(2).toInt();
        p.cadenceStartedAt = LeadColumns::parseIsoUtc(q.value(3).toString());
        p.firstTouchAt = LeadColumns::parseIsoUtc(q.value(4).toString());
        p.firstTouchSeconds = q.value(5).toLongLong();
    }
    return p;
}

bool FollowUpPlanStore::save(qint64 leadId, const FollowUpPlan &p) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM lead_nurture WHERE lead_id = ?"));
    q.addBindValue(leadId);
    bool ok = q.exec();
    if (ok && !p.isEmpty()) {
        q.prepare(QStringLiteral(
            "INSERT INTO lead_nurture (lead_id, follow_up_kind, cadence, cadence_step, "
            "cadence_started_at, first_touch_at, first_touch_seconds) VALUES (?, ?, ?, ?, ?, ?, "
            "?)"));
        q.addBindValue(leadId);
        q.addBindValue(p.kind.isNull() ? QStringLiteral("") : p.kind);
        q.addBindValue(p.cadence.isNull() ? QStringLiteral("") : p.cadence);
        q.addBindValue(p.cadenceStep);
        q.addBindValue(LeadColumns::isoUtc(p.cadenceStartedAt).isNull()
                           ? QStringLiteral("")
                           : LeadColumns::isoUtc(p.cadenceStartedAt));
        q.addBindValue(LeadColumns::isoUtc(p.firstTouchAt).isNull()
                           ? QStringLiteral("")
                           : LeadColumns::isoUtc(p.firstTouchAt));
        q.addBindValue(p.firstTouchSeconds);
        ok = q.exec();
    }
    if (!ok)
        m_error = QCoreApplication::translate("FollowUpPlanStore",
                                              "cannot store the follow-up plan of lead %1: %2")
                      .arg(leadId)
                      .arg(q.lastError().text().simplified());
    return ok && keepFirstTouch(leadId);
}

QString FollowUpPlanStore::keptFirstTouch() {
    return QStringLiteral("coalesce((SELECT CASE WHEN n.first_touch_seconds < 0 THEN 0 ELSE "
                          "n.first_touch_seconds END FROM lead_nurture n WHERE n.lead_id = "
                          "leads.id AND n.first_touch_at <> ''), -1)");
}

bool FollowUpPlanStore::keepFirstTouch(qint64 leadId) {
    QSqlQuery q(m_db.connection());
    // Written only when it changes: most plan changes are not a first touch.
    q.prepare(QStringLiteral("UPDATE leads SET first_touch_seconds = %1 WHERE id = ? AND "
                             "first_touch_seconds <> %1")
                  .arg(keptFirstTouch()));
    q.addBindValue(leadId);
    if (q.exec())
        return true;
    m_error = QCoreApplication::translate("FollowUpPlanStore",
                                          "cannot store the first touch of lead %1: %2")
                  .arg(leadId)
                  .arg(q.lastError().text().simplified());
    return false;
}
