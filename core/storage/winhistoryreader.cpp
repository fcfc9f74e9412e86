#include "winhistoryreader.h"

#include "../domain/leadcolumns.h"
#include "sqlstatement.h"

#include <QTimeZone>

namespace {

// The columns read, in the order readLead() reads them, then the close time.
const char *const selectedColumns =
    "l.id, l.storefront, l.action, l.offer_id, l.offer_title, l.email, l.phone, l.country, "
    "l.company, l.title, l.created_at, l.last_event_at, l.events, l.stage, l.owner, l.score, "
    "l.grade, l.follow_ups, l.do_not_contact, l.campaign, l.origin, l.privacy_restricted";
constexpr int closedAtColumn = 22;

// A lead is closed when its stage was last changed to won or lost; a lead stored already
// closed (an import, a restore) has no such change, and its last marketplace event stands in.
// Timestamps are ISO 8601 UTC text of one width, so the largest text is the latest time.
QString closedLeadsSql() {
    return QStringLiteral(
               "SELECT %1, COALESCE((SELECT max(a.at) FROM activities a WHERE a.lead_id = l.id "
               "AND a.kind = 'changed' AND a.field = 'stage' AND a.new_value IN ('won', 'lost')), "
               "l.last_event_at) FROM leads l WHERE l.is_test = 0 AND l.stage IN ('won', 'lost')")
        .arg(QLatin1String(selectedColumns));
}

int digits(const char *s, int n) {
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

// Stored times are isoUtc()'s "2025-03-01T09:30:00Z", read by hand: three times per lead, the
// general parse costs more than the rest of the row. Any other form goes the general way.
QDateTime storedTime(const QByteArray &utf8) {
    const char *s = utf8.constData();
    if (utf8.size() == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' &&
        s[16] == ':' && s[19] == 'Z') {
        const QDate date(digits(s, 4), digits(s + 5, 2), digits(s + 8, 2));
        const QTime time(digits(s + 11, 2), digits(s + 14, 2), digits(s + 17, 2));
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, QTimeZone::utc());
    }
    return LeadColumns::parseIsoUtc(QString::fromUtf8(utf8));
}

Lead readLead(const SqlStatement &q) {
    Lead l;
    int i = 0;
    l.id = q.intValue(i++);
    Storefronts::fromCanonicalName(q.textValue(i++), &l.storefront);
    for (QString *text : {&l.action, &l.offerId, &l.offerTitle, &l.email, &l.phone, &l.country,
                          &l.company, &l.title})
        *text = q.textValue(i++);
    l.createdAt = storedTime(q.utf8Value(i++));
    l.lastEventAt = storedTime(q.utf8Value(i++));
    l.events = int(q.intValue(i++));
    Stages::fromCanonicalName(q.textValue(i++), &l.stage);
    l.owner = q.textValue(i++);
    l.score = int(q.intValue(i++));
    l.grade = q.textValue(i++);
    l.followUps = int(q.intValue(i++));
    l.doNotContact = q.intValue(i++) != 0;
    l.campaign = q.textValue(i++);
    l.origin = q.textValue(i++);
    l.privacyRestricted = q.intValue(i++) != 0;
    return l;
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
    QList<WinClosedLead> out;
    while (q.next()) {
        WinClosedLead c;
        c.lead = readLead(q);
        c.won = c.lead.stage == Stage::Won;
        c.closedAt = storedTime(q.utf8Value(closedAtColumn));
        out.append(std::move(c));
    }
    if (!q.error().isEmpty()) {
        m_error = QStringLiteral("cannot read the closed leads: %1").arg(q.error());
        return std::nullopt;
    }
    return out;
}
