// LeadColumns' times: stored as ISO 8601 UTC text, read back from it and from the forms files
// bring.
#include "leadcolumns.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace LeadColumns {

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

namespace {

int unitAt(QStringView t, int i) {
    return t[i].unicode();
}
int unitAt(QByteArrayView t, int i) {
    return uchar(t[i]);
}

// "YYYY-MM-DDTHH:MM:SSZ" in either kind of text.
template <class Text> QDateTime storedUtc(Text t) {
    auto is = [&t](int i, char c) { return unitAt(t, i) == c; };
    if (t.size() != 20 || !is(4, '-') || !is(7, '-') || !is(10, 'T') || !is(13, ':') ||
        !is(16, ':') || !is(19, 'Z'))
        return {};
    auto number = [&t](int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; ++i) {
            const int c = unitAt(t, i);
            if (c < '0' || c > '9')
                return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    };
    const int y = number(0, 4), mo = number(5, 2), d = number(8, 2);
    const int h = number(11, 2), mi = number(14, 2), s = number(17, 2);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0)
        return {};
    const QDate date(y, mo, d);
    const QTime time(h, mi, s);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QDateTime parseStoredUtc(QStringView text) {
    return storedUtc(text);
}

QDateTime parseStoredUtc(QByteArrayView utf8) {
    return storedUtc(utf8);
}

QDateTime parseIsoUtc(const QString &text) {
    // Most times read are Leadbench's own.
    if (const QDateTime stored = parseStoredUtc(QStringView(text)); stored.isValid())
        return stored;
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
