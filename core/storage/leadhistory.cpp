#include "leadhistory.h"

#include "../domain/leadcolumns.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

using LeadColumns::parseIsoUtc;

namespace {

// An activity value back in its column's type; text that no longer parses stays text.
QVariant typedValue(const QString &field, const QString &text) {
    if (field.isEmpty() || !LeadColumns::tracked().contains(field))
        return text;
    QVariant value;
    return LeadColumns::parse(field, text, &value).isEmpty() ? value : QVariant(text);
}

} // namespace

LeadHistory::LeadHistory(const Database &db)
    : m_db(db) {}

QList<LeadEvent> LeadHistory::events(qint64 leadId) const {
    QList<LeadEvent> out;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, lead_id, occurred_at, storefront, action, lead_source, "
                             "offer_title, description, channel FROM lead_events WHERE lead_id = ? "
                             "ORDER BY occurred_at, id"));
    q.addBindValue(leadId);
    if (!q.exec()) {
        m_error = QCoreApplication::translate("LeadHistory", "cannot read events: %1")
                      .arg(q.lastError().text().simplified());
        return out;
    }
    while (q.next()) {
        LeadEvent e;
        e.id = q.value(0).toLongLong();
        e.leadId = q.value(1).toLongLong();
        e.occurredAt = parseIsoUtc(q.value(2).toString());
        Storefronts::fromCanonicalName(q.value(3).toString(), &e.storefront);
        e.action = q.value(4).toString();
        e.leadSource = q.value(5).toString();
        e.offerTitle = q.value(6).toString();
        e.description = q.value(7).toString();
        e.channel = q.value(8).toString();
        out << e;
    }
    m_error.clear();
    return out;
}

QList<Activity> LeadHistory::activities(qint64 leadId) const {
    QList<Activity> out;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, lead_id, at, actor, kind, field, old_value, new_value, "
                             "note FROM activities WHERE lead_id = ? ORDER BY at, id"));
    q.addBindValue(leadId);
    if (!q.exec()) {
        m_error = QCoreApplication::translate("LeadHistory", "cannot read activities: %1")
                      .arg(q.lastError().text().simplified());
        return out;
    }
    while (q.next()) {
        Activity a;
        a.id = q.value(0).toLongLong();
        a.leadId = q.value(1).toLongLong();
        a.at = parseIsoUtc(q.value(2).toString());
        a.actor = q.value(3).toString();
        ActivityKinds::fromCanonicalName(q.value(4).toString(), &a.kind);
        a.field = q.value(5).toString();
        a.oldValue = typedValue(a.field, q.value(6).toString());
        a.newValue = typedValue(a.field, q.value(7).toString());
        a.note = q.value(8).toString();
        out << a;
    }
    m_error.clear();
    return out;
}
