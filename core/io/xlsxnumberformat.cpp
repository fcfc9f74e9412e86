#include "xlsxnumberformat.h"

#include <QDate>
#include <QLocale>
#include <QTime>

#include <cmath>

namespace XlsxNumberFormat {

// The built-in formats Excel shows as dates or times. 27-36 and 50-58 are the East Asian
// locales' built-in dates and times.
NumberKind builtInKind(int id) {
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58))
        return NumberKind::Date;
    if ((id >= 18 && id <= 22) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47))
        return NumberKind::DateTime;
    return NumberKind::Plain;
}

// A custom format is a date when it has day, month or year codes, and a time as well when it
// has hours or seconds; quoted text, escaped characters and [colour] or [$-409] sections are
// not codes, but [h]/[mm]/[ss] elapsed times are.
NumberKind customKind(const QString &code) {
    bool date = false;
    bool time = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i).toLower();
        if (c == u'"') {
            i = code.indexOf(u'"', i + 1);
            if (i < 0)
                break;
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i;
        } else if (c == u'[') {
            const qsizetype end = code.indexOf(u']', i + 1);
            if (end < 0)
                break;
            const QString inside = code.mid(i + 1, end - i - 1).toLower();
            if (!inside.isEmpty() && inside.count(inside.at(0)) == inside.size() &&
                QStringLiteral("hms").contains(inside.at(0)))
                time = true;
            i = end;
        } else if (c == u'h' || c == u's') {
            time = true;
        } else if (c == u'd' || c == u'm' || c == u'y') {
            date = true;
        }
    }
    return time ? NumberKind::DateTime : date ? NumberKind::Date : NumberKind::Plain;
}

// The shortest text that reads back as the same number; whole numbers without ".0", so that
// a phone number stored as a number stays its digits.
QString numberText(double v) {
    if (v == std::trunc(v) && std::fabs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

// A date serial as ISO 8601, the time in UTC (Excel has no time zones). In the 1900 system
// serial 60 is 1900-02-29, a day Lotus invented and Excel kept; it is given as Excel shows it.
QString serialText(double serial, bool date1904, NumberKind kind) {
    if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) // beyond 9999-12-31
        return numberText(serial);
    qint64 day = qint64(std::floor(serial));
    qint64 ms = std::llround((serial - double(day)) * 86400000.0);
    if (ms >= 86400000) {
        ++day;
        ms -= 86400000;
    }
    QString date;
    if (date1904)
        date = QDate(1904, 1, 1).addDays(day).toString(Qt::ISODate);
    else if (day == 60)
        date = QStringLiteral("1900-02-29");
    else
        date = (day < 60 ? QDate(1899, 12, 31) : QDate(1899, 12, 30))
                   .addDays(day)
                   .toString(Qt::ISODate);
    if (kind == NumberKind::Date && ms == 0)
        return date;
    const QTime time = QTime::fromMSecsSinceStartOfDay(int(ms));
    return date + u'T' +
           time.toString(ms % 1000 ? QStringLiteral("HH:mm:ss.zzz") : QStringLiteral("HH:mm:ss")) +
           u'Z';
}

} // namespace XlsxNumberFormat
