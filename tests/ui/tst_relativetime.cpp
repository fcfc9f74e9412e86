#include "ui/relativetime.h"

#include <QTest>
#include <QTimeZone>

// Times as a rep reads them in the table: near ones relative to now, far ones as dates.
class TestRelativeTime : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { qputenv("TZ", "UTC"); }
    void text_data();
    void text();
    void exactNamesUtc();
};

void TestRelativeTime::text_data() {
    QTest::addColumn<qint64>("secondsAgo");
    QTest::addColumn<QString>("expected");
    QTest::newRow("seconds") << qint64(20) << QStringLiteral("just now");
    QTest::newRow("a minute") << qint64(60) << QStringLiteral("1 minute ago");
    QTest::newRow("minutes") << qint64(45 * 60) << QStringLiteral("45 minutes ago");
    QTest::newRow("hours") << qint64(3 * 3600) << QStringLiteral("3 hours ago");
    QTest::newRow("yesterday") << qint64(20 * 3600) << QStringLiteral("yesterday");
    QTest::newRow("days") << qint64(3 * 86400) << QStringLiteral("3 days ago");
    QTest::newRow("in an hour") << qint64(-3600) << QStringLiteral("in 1 hour");
    QTest::newRow("tomorrow") << qint64(-20 * 3600) << QStringLiteral("tomorrow");
    QTest::newRow("in days") << qint64(-5 * 86400) << QStringLiteral("in 5 days");
}

void TestRelativeTime::text() {
    QFETCH(qint64, secondsAgo);
    QFETCH(QString, expected);
    // Noon on a known day, so that hours either way stay on the same calendar days.
    const QDateTime now(QDate(2026, 5, 14), QTime(12, 0), QTimeZone::utc());
    QDateTime when = now.addSecs(-secondsAgo);
    if (expected == QLatin1String("yesterday"))
        when = QDateTime(QDate(2026, 5, 13), QTime(16, 0), QTimeZone::utc());
    if (expected == QLatin1String("tomorrow"))
        when = QDateTime(QDate(2026, 5, 15), QTime(8, 0), QTimeZone::utc());
    QCOMPARE(RelativeTime::text(when, now), expected);
    QCOMPARE(RelativeTime::text(QDateTime(), now), QString());
}

void TestRelativeTime::exactNamesUtc() {
    const QDateTime when(QDate(2026, 5, 14), QTime(9, 30), QTimeZone::utc());
    QVERIFY(RelativeTime::exact(when).endsWith(QLatin1String("(2026-05-14 09:30 UTC)")));
    // Far from now, the date itself rather than "400 days ago".
    QVERIFY(!RelativeTime::text(when.addDays(-400), when).contains(QLatin1String("ago")));
}

QTEST_GUILESS_MAIN(TestRelativeTime)
#include "tst_relativetime.moc"
