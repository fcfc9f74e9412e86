#include "datetext.h"

#include <cmath>

namespace {

// A date as written, before its order is known.
struct Written {
    bool ok = false;
    bool serial = false;
    double serialDays = 0;
    int n[3] = {0, 0, 0};
    int digits[3] = {0, 0, 0};
    int hour = 0, minute = 0, second = 0, msec = 0;
    int offset = 0;          // seconds east of UTC
    bool monthNamed = false; // "15 Mar 2024", "Mar 15, 2024": n is day, month, year

    bool yearFirst() const { return digits[0] == 4; }
};

class Scanner {
public:
    explicit Scanner(QStringView text)
        : m_text(text) {}

    bool atEnd() const { return m_at >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_at); }
    bool take(QChar c) {
        if (peek() != c)
            return false;
        ++m_at;
        return true;
    }
    bool takeWord(QLatin1String word) { // case-insensitively
        if (m_text.mid(m_at).startsWith(word, Qt::CaseInsensitive)) {
            m_at += word.size();
            return true;
        }
        return false;
    }
    void skipSpaces() {
        while (!atEnd() && peek().isSpace())
            ++m_at;
    }
    // Up to `most` ASCII digits; the count read.
    int number(int most, int *value) {
        int count = 0;
        *value = 0;
        while (count < most && !atEnd() && peek() >= QLatin1Char('0') &&
               peek() <= QLatin1Char('9')) {
            *value = *value * 10 + (peek().unicode() - '0');
            ++m_at;
            ++count;
        }
        return count;
    }

    // Letters, and a dot after them: a month's name ("Mar.", "March", "mrt").
    QStringView word() {
        const qsizetype from = m_at;
        while (!atEnd() && peek().isLetter())
            ++m_at;
        const QStringView w = m_text.mid(from, m_at - from);
        take(QLatin1Char('.'));
        return w;
    }

private:
    QStringView m_text;
    qsizetype m_at = 0;
};

bool scanTime(Scanner &s, Written &w) {
    if (s.number(2, &w.hour) == 0 || !s.take(QLatin1Char(':')) || s.number(2, &w.minute) != 2)
        return false;
    if (s.take(QLatin1Char(':'))) {
        if (s.number(2, &w.second) != 2)
            return false;
        if (s.take(QLatin1Char('.')) || s.take(QLatin1Char(','))) {
            // Azure Table writes seven digits; milliseconds are all a lead needs.
            int fraction = 0;
            const int read = s.number(3, &fraction);
            if (read == 0)
                return false;
            w.msec = fraction * (read == 1 ? 100 : read == 2 ? 10 : 1);
            int ignored = 0;
            while (s.number(1, &ignored) == 1) {
            }
        }
    }
    s.skipSpaces();
    const bool am = s.takeWord(QLatin1String("am")) || s.takeWord(QLatin1String("a.m."));
    const bool pm = !am && (s.takeWord(QLatin1String("pm")) || s.takeWord(QLatin1String("p.m.")));
    if (am || pm) {
        if (w.hour < 1 || w.hour > 12)
            return false;
        w.hour = w.hour % 12 + (pm ? 12 : 0);
    }
    s.skipSpaces();
    if (s.take(QLatin1Char('Z')) || s.take(QLatin1Char('z')) || s.takeWord(QLatin1String("UTC")) ||
        s.takeWord(QLatin1String("GMT")))
        return true;
    const bool plus = s.take(QLatin1Char('+'));
    if (plus || s.take(QLatin1Char('-'))) {
        int hours = 0, minutes = 0;
        if (s.number(2, &hours) != 2)
            return false;
        s.take(QLatin1Char(':'));
        if (!s.atEnd() && s.number(2, &minutes) != 2)
            return false;
        w.offset = (plus ? 1 : -1) * (hours * 3600 + minutes * 60);
    }
    return true;
}

// A month from its English or Dutch name or its first three letters; 0 when it is none.
int monthOf(QStringView name) {
    static const char *const names[][2] = {
        {"january", "januari"}, {"february", "februari"}, {"march", "maart"},
        {"april", "april"},     {"may", "mei"},           {"june", "juni"},
        {"july", "juli"},       {"august", "augustus"},   {"september", "september"},
        {"october", "oktober"}, {"november", "november"}, {"december", "december"}};
    if (name.size() < 3)
        return 0;
    for (int m = 0; m < 12; ++m)
        for (const char *full : names[m]) {
            const QLatin1String f(full);
            if (name.compare(f, Qt::CaseInsensitive) == 0 ||
                (name.size() == 3 && name.compare(f.left(3), Qt::CaseInsensitive) == 0))
                return m + 1;
        }
    // Dutch abbreviates March as mrt.
    return name.compare(QLatin1String("mrt"), Qt::CaseInsensitive) == 0 ? 3 : 0;
}

// "15 Mar 2024", "15-Mar-2024", "Mar 15, 2024", "March 15 2024": the month named.
bool scanNamedMonth(Scanner &s, Written &w) {
    w.monthNamed = true;
    w.digits[0] = w.digits[1] = 2;
    if (s.peek().isLetter()) {
        w.n[1] = monthOf(s.word());
        s.skipSpaces();
        if (s.number(2, &w.n[0]) == 0)
            return false;
        s.take(QLatin1Char(','));
        s.skipSpaces();
    } else {
        if (s.number(2, &w.n[0]) == 0)
            return false;
        const bool dash = s.take(QLatin1Char('-'));
        if (!dash)
            s.skipSpaces();
        w.n[1] = monthOf(s.word());
        if (!(dash ? s.take(QLatin1Char('-')) : s.peek().isSpace()))
            return false;
        s.skipSpaces();
    }
    w.digits[2] = s.number(4, &w.n[2]);
    return w.n[1] > 0 && (w.digits[2] == 2 || w.digits[2] == 4);
}

Written scan(const QString &text) {
    Written w;
    const QStringView t = QStringView(text).trimmed();
    if (t.isEmpty())
        return w;
    // A number alone: Excel's serial day, or an ISO basic date (20240115).
    bool numeric = true;
    for (const QChar c : t)
        numeric =
            numeric && ((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.'));
    if (numeric) {
        if (t.size() == 8 && !t.contains(QLatin1Char('.'))) {
            Scanner s(t);
            s.number(4, &w.n[0]);
            s.number(2, &w.n[1]);
            s.number(2, &w.n[2]);
            w.digits[0] = 4;
            w.digits[1] = w.digits[2] = 2;
            w.ok = true;
            return w;
        }
        bool ok = false;
        w.serialDays = t.toDouble(&ok);
        // Serials from 1970 (25569) to 9999: a year such as 2024 alone is no date of 1905.
        w.ok = w.serial = ok && w.serialDays >= 25569 && w.serialDays < 2958466;
        return w;
    }
    Scanner s(t);
    // A letter first or after the day: a month's name.
    bool named = t.front().isLetter();
    for (qsizetype i = 0; !named && i + 1 < t.size() && t.at(i).isDigit() && i < 2; ++i) {
        const QChar next = t.at(i + 1);
        const QChar after = i + 2 < t.size() ? t.at(i + 2) : QChar();
        named = next.isLetter() ||
                ((next == QLatin1Char(' ') || next == QLatin1Char('-')) && after.isLetter());
    }
    if (named) {
        if (!scanNamedMonth(s, w))
            return w;
    } else {
        w.digits[0] = s.number(4, &w.n[0]);
        const QChar separator = s.peek();
        if (w.digits[0] == 0 || (separator != QLatin1Char('-') && separator != QLatin1Char('/') &&
                                 separator != QLatin1Char('.')))
            return w;
        s.take(separator);
        w.digits[1] = s.number(2, &w.n[1]);
        if (w.digits[1] == 0 || !s.take(separator))
            return w;
        w.digits[2] = s.number(4, &w.n[2]);
        if (w.yearFirst() ? w.digits[2] == 0 || w.digits[2] > 2
                          : w.digits[0] > 2 || (w.digits[2] != 2 && w.digits[2] != 4))
            return w;
    }
    if (!s.atEnd()) {
        const bool t = s.take(QLatin1Char('T')) || s.take(QLatin1Char('t'));
        if (!t) {
            if (!s.peek().isSpace())
                return w;
            s.skipSpaces();
        }
        if (!scanTime(s, w))
            return w;
    }
    w.ok = s.atEnd();
    return w;
}

int fullYear(int year, int digits) {
    // Two-digit years as POSIX reads them: 69 and later are 19xx.
    return digits == 2 ? (year < 69 ? 2000 + year : 1900 + year) : year;
}

} // namespace

namespace DateText {

QDateTime parse(const QString &text, Order order) {
    const Written w = scan(text);
    if (!w.ok)
        return {};
    if (w.serial) {
        const double days = std::floor(w.serialDays);
        qint64 msecs = std::llround((w.serialDays - days) * 86400000.0);
        // A fraction that rounds to a whole second is that second, not a millisecond off.
        msecs = (msecs + 500) / 1000 * 1000;
        const QDateTime midnight(QDate(1899, 12, 30).addDays(qint64(days)), QTime(0, 0), Qt::UTC);
        return midnight.addMSecs(msecs);
    }
    int year = 0, month = 0, day = 0;
    if (w.yearFirst()) {
        year = w.n[0];
        month = w.n[1];
        day = w.n[2];
    } else {
        bool dayFirst = w.monthNamed || order != Order::MonthFirst;
        if (!w.monthNamed && order == Order::Auto && w.n[1] > 12 && w.n[0] <= 12)
            dayFirst = false;
        year = fullYear(w.n[2], w.digits[2]);
        day = dayFirst ? w.n[0] : w.n[1];
        month = dayFirst ? w.n[1] : w.n[0];
    }
    const QDate date(year, month, day);
    const QTime time(w.hour, w.minute, w.second, w.msec);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC).addSecs(-w.offset);
}

Order evidence(const QString &text) {
    const Written w = scan(text);
    if (!w.ok || w.serial || w.yearFirst() || w.monthNamed)
        return Order::Auto;
    if (w.n[0] > 12 && w.n[1] <= 12)
        return Order::DayFirst;
    if (w.n[1] > 12 && w.n[0] <= 12)
        return Order::MonthFirst;
    return Order::Auto;
}

bool isAmbiguous(const QString &text) {
    const Written w = scan(text);
    return w.ok && !w.serial && !w.yearFirst() && !w.monthNamed && w.n[0] <= 12 && w.n[1] <= 12 &&
           w.n[0] != w.n[1];
}

} // namespace DateText
