#include "winhistoryreader.h"

#include "../domain/leadcolumns.h"
#include "sqldialect.h"
#include "sqlstatement.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QTimeZone>

namespace {

// The columns read, in the order readLead() reads them, then the close time.
const char *const selectedColumns =
    "l.id, l.storefront, l.action, l.offer_id, l.email, l.phone, l.country, l.company, l.title, "
    "l.created_at, l.last_event_at, l.events, l.stage, l.score, l.do_not_contact, "
    "l.privacy_restricted";
constexpr int closedAtColumn = 16;

// A lead is closed when its stage was last changed to won or lost; a lead stored already
// closed (an import, a restore) has no such change, and its last marketplace event stands in.
// Timestamps are ISO 8601 UTC text of one width, so the largest text is the latest time.
// Disqualified leads are no outcome: they are set aside as students, test leads, bad data or
// do-not-contact before anyone tries to sell, so counting them as lost would teach the model
// to spot bad data rather than lost deals.
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

// Hundreds of thousands of closed leads share a few hundred actions, offers, countries and
// titles: each distinct text is kept once and shared, not copied into every lead.
class SharedTexts {
public:
    QString operator()(const QByteArray &utf8) {
        if (const auto it = m_known.constFind(utf8); it != m_known.cend())
            return it.value();
        if (m_known.size() >= 100000)
            m_known.clear();
        const QString text = QString::fromUtf8(utf8);
        m_known.insert(QByteArray(utf8.constData(), utf8.size()), text);
        return text;
    }

private:
    QHash<QByteArray, QString> m_known;
};

Lead readLead(const SqlStatement &q, SharedTexts &shared) {
    Lead l;
    int i = 0;
    l.id = q.intValue(i++);
    Storefronts::fromCanonicalName(shared(q.utf8Value(i++)), &l.storefront);
    l.action = shared(q.utf8Value(i++));
    l.offerId = shared(q.utf8Value(i++));
    l.email = q.textValue(i++);
    l.phone = q.textValue(i++);
    l.country = shared(q.utf8Value(i++));
    l.company = shared(q.utf8Value(i++));
    l.title = shared(q.utf8Value(i++));
    l.createdAt = storedTime(q.utf8Value(i++));
    l.lastEventAt = storedTime(q.utf8Value(i++));
    l.events = int(q.intValue(i++));
    Stages::fromCanonicalName(shared(q.utf8Value(i++)), &l.stage);
    l.score = int(q.intValue(i++));
    l.doNotContact = q.intValue(i++) != 0;
    l.privacyRestricted = q.intValue(i++) != 0;
    return l;
}

} // namespace

WinHistoryReader::WinHistoryReader(const Database &db)
    : m_db(db) {}

QString WinHistoryReader::fingerprint() {
    m_error.clear();
    // The id and version mixed by multiplying, so that one lead leaving and another coming
    // cannot cancel out as they would in a plain sum.
    SqlStatement q(m_db);
    if (!q.prepare(QStringLiteral("SELECT count(*), COALESCE(sum((id * 2654435761 + version * "
                                  "40503) % 1000000007), 0) FROM %1 WHERE is_test = 0 AND "
                                  "stage IN ('won', 'lost')")
                       .arg(SqlDialect(m_db.backend()).wholeTable(QStringLiteral("leads")))) ||
        !q.exec() || !q.next()) {
        m_error =
            QCoreApplication::translate("WinHistoryReader", "cannot read the closed leads: %1")
                .arg(q.error());
        return {};
    }
    const QString out = QStringLiteral("%1:%2").arg(q.intValue(0)).arg(q.textValue(1));
    q.finish();
    return out;
}

std::optional<WinHistory> WinHistoryReader::closedLeads(const WinHistory::RuleScore &ruleScore) {
    m_error.clear();
    m_featureNanoseconds = 0;
    // Counted first so that the history is made once at its size: growing it would move every
    // lead read so far, and hold two copies at the peak.
    qint64 count = 0;
    {
        SqlStatement counter(m_db);
        if (!counter.prepare(QStringLiteral("SELECT count(*) FROM leads WHERE is_test = 0 AND "
                                            "stage IN ('won', 'lost')")) ||
            !counter.exec() || !counter.next()) {
            m_error =
                QCoreApplication::translate("WinHistoryReader", "cannot count the closed leads: %1")
                    .arg(counter.error());
            return std::nullopt;
        }
        count = counter.intValue(0);
    }
    SqlStatement q(m_db);
    if (!q.prepare(closedLeadsSql()) || !q.exec()) {
        m_error =
            QCoreApplication::translate("WinHistoryReader", "cannot read the closed leads: %1")
                .arg(q.error());
        return std::nullopt;
    }
    WinHistory out;
    out.reserve(count);
    SharedTexts shared;
    QElapsedTimer clock;
    while (q.next()) {
        const Lead lead = readLead(q, shared);
        const QDateTime closedAt = storedTime(q.utf8Value(closedAtColumn));
        clock.start();
        out.add(lead, lead.stage == Stage::Won, closedAt, ruleScore);
        m_featureNanoseconds += clock.nsecsElapsed();
    }
    if (!q.error().isEmpty()) {
        m_error =
            QCoreApplication::translate("WinHistoryReader", "cannot read the closed leads: %1")
                .arg(q.error());
        return std::nullopt;
    }
    return out;
}
