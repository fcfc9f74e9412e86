#include "leadcolumns.h"

#include "lead.h"

#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

#include <functional>

namespace LeadColumns {

namespace {
using Getter = std::function<QVariant(const Lead &)>;

const QHash<QString, Getter> &getters() {
    static const QHash<QString, Getter> map = {
        {QStringLiteral("id"), [](const Lead &l) { return QVariant(l.id); }},
        {QStringLiteral("storefront"),
         [](const Lead &l) { return QVariant(Storefronts::canonicalName(l.storefront)); }},
        {QStringLiteral("action"), [](const Lead &l) { return QVariant(l.action); }},
        {QStringLiteral("offer_id"), [](const Lead &l) { return QVariant(l.offerId); }},
        {QStringLiteral("offer_title"), [](const Lead &l) { return QVariant(l.offerTitle); }},
        {QStringLiteral("first_name"), [](const Lead &l) { return QVariant(l.firstName); }},
        {QStringLiteral("last_name"), [](const Lead &l) { return QVariant(l.lastName); }},
        {QStringLiteral("email"), [](const Lead &l) { return QVariant(l.email); }},
        {QStringLiteral("phone"), [](const Lead &l) { return QVariant(l.phone); }},
        {QStringLiteral("country"), [](const Lead &l) { return QVariant(l.country); }},
        {QStringLiteral("company"), [](const Lead &l) { return QVariant(l.company); }},
        {QStringLiteral("title"), [](const Lead &l) { return QVariant(l.title); }},
        {QStringLiteral("description"), [](const Lead &l) { return QVariant(l.description); }},
        {QStringLiteral("created_at"), [](const Lead &l) { return QVariant(isoUtc(l.createdAt)); }},
        {QStringLiteral("last_event_at"),
         [](const Lead &l) { return QVariant(isoUtc(l.lastEventAt)); }},
        {QStringLiteral("events"), [](const Lead &l) { return QVariant(l.events); }},
        {QStringLiteral("stage"),
         [](const Lead &l) { return QVariant(Stages::canonicalName(l.stage)); }},
        {QStringLiteral("owner"), [](const Lead &l) { return QVariant(l.owner); }},
        {QStringLiteral("score"), [](const Lead &l) { return QVariant(l.score); }},
        {QStringLiteral("grade"), [](const Lead &l) { return QVariant(l.grade); }},
        {QStringLiteral("win_probability"),
         [](const Lead &l) { return QVariant(l.winProbability); }},
        {QStringLiteral("next_follow_up_at"),
         [](const Lead &l) { return QVariant(isoUtc(l.nextFollowUpAt)); }},
        {QStringLiteral("follow_ups"), [](const Lead &l) { return QVariant(l.followUps); }},
        {QStringLiteral("do_not_contact"), [](const Lead &l) { return QVariant(l.doNotContact); }},
        {QStringLiteral("is_test"), [](const Lead &l) { return QVariant(l.isTest); }},
        {QStringLiteral("campaign"), [](const Lead &l) { return QVariant(l.campaign); }},
        {QStringLiteral("origin"), [](const Lead &l) { return QVariant(l.origin); }},
    };
    return map;
}
} // namespace

const QStringList &all() {
    static const QStringList columns = {QStringLiteral("id"),
                                        QStringLiteral("storefront"),
                                        QStringLiteral("action"),
                                        QStringLiteral("offer_id"),
                                        QStringLiteral("offer_title"),
                                        QStringLiteral("first_name"),
                                        QStringLiteral("last_name"),
                                        QStringLiteral("email"),
                                        QStringLiteral("phone"),
                                        QStringLiteral("country"),
                                        QStringLiteral("company"),
                                        QStringLiteral("title"),
                                        QStringLiteral("description"),
                                        QStringLiteral("created_at"),
                                        QStringLiteral("last_event_at"),
                                        QStringLiteral("events"),
                                        QStringLiteral("stage"),
                                        QStringLiteral("owner"),
                                        QStringLiteral("score"),
                                        QStringLiteral("grade"),
                                        QStringLiteral("win_probability"),
                                        QStringLiteral("next_follow_up_at"),
                                        QStringLiteral("follow_ups"),
                                        QStringLiteral("do_not_contact"),
                                        QStringLiteral("is_test"),
                                        QStringLiteral("campaign"),
                                        QStringLiteral("origin")};
    return columns;
}

bool isKnown(const QString &column) {
    return getters().contains(column);
}

QVariant value(const Lead &lead, const QString &column) {
    const auto it = getters().constFind(column);
    return it == getters().constEnd() ? QVariant() : (*it)(lead);
}

QString text(const Lead &lead, const QString &column) {
    const QVariant v = value(lead, column);
    if (v.typeId() == QMetaType::Bool)
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

QString isoUtc(const QDateTime &when) {
    if (!when.isValid())
        return {};
    // Formatted by hand: this runs for every stored timestamp and QDateTime::toString is slow.
    const QDateTime utc = when.toUTC();
    int y = 0, mo = 0, d = 0;
    utc.date().getDate(&y, &mo, &d);
    const QTime t = utc.time();
    QChar buf[20];
    auto put = [&buf](int at, int value, int digits) {
        for (int k = digits - 1; k >= 0; --k, value /= 10)
            buf[at + k] = QLatin1Char(char('0' + value % 10));
    };
    put(0, y, 4);
    buf[4] = QLatin1Char('-');
    put(5, mo, 2);
    buf[7] = QLatin1Char('-');
    put(8, d, 2);
    buf[10] = QLatin1Char('T');
    put(11, t.hour(), 2);
    buf[13] = QLatin1Char(':');
    put(14, t.minute(), 2);
    buf[16] = QLatin1Char(':');
    put(17, t.second(), 2);
    buf[19] = QLatin1Char('Z');
    return QString(buf, 20);
}

QDateTime parseIsoUtc(const QString &text) {
    QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    // No offset means UTC, as marketplace times are. Parsing it as local time would shift it,
    // or reject it in a daylight-saving gap.
    static const QRegularExpression offset(QStringLiteral("(Z|[+-]\\d\\d(:?\\d\\d)?)$"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (t.size() > 10 && !offset.match(t).hasMatch())
        t += QLatin1Char('Z');
    else if (t.size() == 10)
        t += QStringLiteral("T00:00:00Z");
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    if (!dt.isValid()) {
        // Spreadsheet exports often use a space between date and time.
        QString spaced = t;
        spaced.replace(QLatin1Char(' '), QLatin1Char('T'));
        dt = QDateTime::fromString(spaced, Qt::ISODateWithMs);
    }
    if (!dt.isValid())
        return {};
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeZone(QTimeZone::utc()); // no offset given: marketplace times are UTC
    return dt.toUTC();
}

} // namespace LeadColumns
