#include "core/io/datetext.h"

#include <QTest>

// Dates as files write them: every format an import reads, the order of day and month, and
// text that is no date.
class TestDateText : public QObject {
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void evidence_data();
    void evidence();
};

using Order = DateText::Order;
Q_DECLARE_METATYPE(DateText::Order)

void TestDateText::parse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<DateText::Order>("order");
    QTest::addColumn<QString>("utc"); // ISO 8601 UTC; empty: no date

    auto row = [](const char *name, const char *text, Order order, const char *utc) {
        QTest::newRow(name) << QString::fromUtf8(text) << order << QString::fromLatin1(utc);
    };
    row("ISO date", "2024-03-05", Order::Auto, "2024-03-05T00:00:00Z");
    row("ISO time without zone is UTC", "2024-03-05T09:30:00", Order::Auto, "2024-03-05T09:30:00Z");
    row("ISO Z", "2024-03-05T09:30:00Z", Order::DayFirst, "2024-03-05T09:30:00Z");
    row("ISO offset", "2024-03-05T09:30:00+02:00", Order::Auto, "2024-03-05T07:30:00Z");
    row("ISO negative offset no colon", "2024-03-05T22:30:00-0500", Order::Auto,
        "2024-03-06T03:30:00Z");
    row("ISO with space", "2024-03-05 09:30", Order::Auto, "2024-03-05T09:30:00Z");
    row("Azure Table seven fraction digits", "2024-03-05T09:30:15.1234567Z", Order::Auto,
        "2024-03-05T09:30:15Z");
    row("year first with slashes", "2024/03/05", Order::MonthFirst, "2024-03-05T00:00:00Z");
    row("dd-mm-yyyy", "05-03-2024", Order::DayFirst, "2024-03-05T00:00:00Z");
    row("dd/mm/yyyy", "05/03/2024", Order::DayFirst, "2024-03-05T00:00:00Z");
    row("dd.mm.yyyy with time", "05.03.2024 14:07:09", Order::DayFirst, "2024-03-05T14:07:09Z");
    row("mm/dd/yyyy", "03/05/2024", Order::MonthFirst, "2024-03-05T00:00:00Z");
    row("single digits", "3/5/2024", Order::MonthFirst, "2024-03-05T00:00:00Z");
    row("two-digit year", "3/5/24", Order::MonthFirst, "2024-03-05T00:00:00Z");
    row("PM", "3/5/2024 2:30 PM", Order::MonthFirst, "2024-03-05T14:30:00Z");
    row("12 AM is midnight", "3/5/2024 12:15 AM", Order::MonthFirst, "2024-03-05T00:15:00Z");
    row("12 PM is noon", "05-03-2024 12:00 pm", Order::DayFirst, "2024-03-05T12:00:00Z");
    row("auto: a day above 12 first", "25/03/2024", Order::Auto, "2024-03-25T00:00:00Z");
    row("auto: a day above 12 second", "03/25/2024", Order::Auto, "2024-03-25T00:00:00Z");
    row("auto: ambiguous is day-first", "03/04/2024", Order::Auto, "2024-04-03T00:00:00Z");
    row("Excel serial", "45292", Order::Auto, "2024-01-01T00:00:00Z");
    row("Excel serial with time", "45292.5", Order::DayFirst, "2024-01-01T12:00:00Z");
    row("Excel serial fraction rounds to the second", "45292.75001", Order::Auto,
        "2024-01-01T18:00:01Z");
    row("day, month name, year", "15 Mar 2024", Order::MonthFirst, "2024-03-15T00:00:00Z");
    row("dashes around a month name", "5-Mar-2024 10:00", Order::Auto, "2024-03-05T10:00:00Z");
    row("month name first", "March 15, 2024 2:30 PM", Order::DayFirst, "2024-03-15T14:30:00Z");
    row("abbreviation with a dot", "Sep. 1 2024", Order::Auto, "2024-09-01T00:00:00Z");
    row("Dutch month", "5 mrt 2024", Order::Auto, "2024-03-05T00:00:00Z");
    row("Dutch month in full", "1 oktober 2024", Order::Auto, "2024-10-01T00:00:00Z");
    row("no such month", "5 Foo 2024", Order::Auto, "");
    row("ISO basic", "20240305", Order::Auto, "2024-03-05T00:00:00Z");
    row("surrounding spaces", "  2024-03-05  ", Order::Auto, "2024-03-05T00:00:00Z");
    row("month-first value read day-first", "12/31/2024", Order::DayFirst, "");
    row("day-first value read month-first", "31/12/2024", Order::MonthFirst, "");
    row("no such day", "2024-02-30", Order::Auto, "");
    row("no such hour", "2024-02-03 25:00", Order::Auto, "");
    row("PM with a 24-hour time", "3/5/2024 14:30 PM", Order::MonthFirst, "");
    row("words", "yesterday", Order::Auto, "");
    row("trailing text", "2024-03-05 noon", Order::Auto, "");
    row("mixed separators", "05-03/2024", Order::DayFirst, "");
    row("three-digit year", "05-03-202", Order::DayFirst, "");
    row("small number is no serial", "12", Order::Auto, "");
    row("a year alone is no serial", "2024", Order::Auto, "");
    row("first serial read", "25569", Order::Auto, "1970-01-01T00:00:00Z");
    row("empty", "", Order::Auto, "");
}

void TestDateText::parse() {
    QFETCH(QString, text);
    QFETCH(DateText::Order, order);
    QFETCH(QString, utc);
    const QDateTime when = DateText::parse(text, order);
    if (utc.isEmpty()) {
        QVERIFY2(!when.isValid(), qPrintable(when.toString(Qt::ISODate)));
        return;
    }
    QVERIFY(when.isValid());
    QCOMPARE(when.timeSpec(), Qt::UTC);
    QCOMPARE(when.toString(Qt::ISODate), utc);
}

void TestDateText::evidence_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<DateText::Order>("order");
    QTest::addColumn<bool>("ambiguous");
    QTest::newRow("day above 12 first") << QStringLiteral("25-03-2024") << Order::DayFirst << false;
    QTest::newRow("day above 12 second")
        << QStringLiteral("03/25/2024 10:00 AM") << Order::MonthFirst << false;
    QTest::newRow("both 12 or less") << QStringLiteral("03/04/2024") << Order::Auto << true;
    QTest::newRow("same day and month") << QStringLiteral("04/04/2024") << Order::Auto << false;
    QTest::newRow("ISO") << QStringLiteral("2024-03-25") << Order::Auto << false;
    QTest::newRow("serial") << QStringLiteral("45292") << Order::Auto << false;
    QTest::newRow("no date") << QStringLiteral("soon") << Order::Auto << false;
    QTest::newRow("month named") << QStringLiteral("5 Mar 2024") << Order::Auto << false;
}

void TestDateText::evidence() {
    QFETCH(QString, text);
    QFETCH(DateText::Order, order);
    QFETCH(bool, ambiguous);
    QCOMPARE(DateText::evidence(text), order);
    QCOMPARE(DateText::isAmbiguous(text), ambiguous);
}

QTEST_GUILESS_MAIN(TestDateText)
#include "tst_datetext.moc"
