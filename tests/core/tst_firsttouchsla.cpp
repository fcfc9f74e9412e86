#include "core/domain/firsttouchsla.h"

#include <QTest>
#include <QTimeZone>

// When a lead is past the first-touch SLA.
class TestFirstTouchSla : public QObject {
    Q_OBJECT
private slots:
    void isBreached_data();
    void isBreached();
};

void TestFirstTouchSla::isBreached_data() {
    QTest::addColumn<int>("touchedAfterHours"); // -1: not touched
    QTest::addColumn<int>("ageHours");          // how long ago the lead was created
    QTest::addColumn<bool>("open");
    QTest::addColumn<bool>("breached");
    QTest::newRow("touched in time") << 2 << 50 << true << false;
    QTest::newRow("touched on the hour") << 24 << 50 << true << false;
    QTest::newRow("touched late") << 30 << 50 << true << true;
    QTest::newRow("touched late, closed since") << 30 << 50 << false << true;
    QTest::newRow("waiting, not yet") << -1 << 23 << true << false;
    QTest::newRow("waiting too long") << -1 << 25 << true << true;
    QTest::newRow("closed untouched") << -1 << 25 << false << false;
}

void TestFirstTouchSla::isBreached() {
    QFETCH(int, touchedAfterHours);
    QFETCH(int, ageHours);
    QFETCH(bool, open);
    QFETCH(bool, breached);
    const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc());
    const QDateTime created = now.addSecs(-3600 * ageHours);
    const QDateTime touched =
        touchedAfterHours < 0 ? QDateTime() : created.addSecs(3600 * touchedAfterHours);
    QCOMPARE(FirstTouchSla::isBreached(created, touched, 24 * 3600, now, open), breached);
    if (touched.isValid())
        QCOMPARE(FirstTouchSla::secondsToFirstTouch(created, touched), 3600 * touchedAfterHours);
}

QTEST_APPLESS_MAIN(TestFirstTouchSla)
#include "tst_firsttouchsla.moc"
