#include "core/domain/cadence.h"

#include <QTest>
#include <QTimeZone>

// Cadences: the shipped ones, touches read from text, and when each touch falls due.
class TestCadence : public QObject {
    Q_OBJECT
private slots:
    void shippedContactMe();
    void parseTouches_data();
    void parseTouches();
    void dueDays();
    void jsonRoundTrip();
};

void TestCadence::shippedContactMe() {
    const QList<Cadence> shipped = Cadence::defaults();
    QCOMPARE(shipped.size(), 2);
    QCOMPARE(shipped.first().name, QStringLiteral("Contact me"));
    QCOMPARE(shipped.first().touchesText(),
             QStringLiteral("0 email, 2 call, 5 email, 9 call, 14 email, 21 call, 30 email, 45 "
                            "call"));
    QCOMPARE(shipped.last().name, QStringLiteral("Trial and install"));
    QVERIFY(shipped.last().touches.size() >= 5);
}

void TestCadence::parseTouches_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("touches"); // as touchesText() writes them, or the problem
    QTest::newRow("spaces") << "0 email, 2 call, 5 meeting"
                            << "0 email, 2 call, 5 meeting";
    QTest::newRow("colons") << "0:email,3:task"
                            << "0 email, 3 task";
    QTest::newRow("note is no follow-up")
        << "0 note"
        << "\"0 note\" is not a touch: a day and a kind (call, email, meeting, "
           "task), such as \"2 call\"";
    QTest::newRow("out of order") << "5 call, 2 email"
                                  << "\"2 email\": the touches must be in day order";
    QTest::newRow("empty") << ""
                           << "a cadence needs at least one touch, such as \"0 email, 2 call\"";
}

void TestCadence::parseTouches() {
    QFETCH(QString, text);
    QFETCH(QString, touches);
    Cadence c;
    QString problem;
    if (Cadence::parseTouches(text, &c.touches, &problem))
        QCOMPARE(c.touchesText(), touches);
    else
        QCOMPARE(problem, touches);
}

void TestCadence::dueDays() {
    const Cadence c = Cadence::defaults().first();
    const QDateTime start(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc());
    QCOMPARE(c.dueAt(0, start, start), start);
    QCOMPARE(c.dueAt(1, start, start), start.addDays(2));
    QCOMPARE(c.dueAt(7, start, start), start.addDays(45));
    QVERIFY(!c.dueAt(8, start, start).isValid()); // after the last touch: nothing
    // A touch logged late does not leave the next one overdue the moment it is scheduled.
    const QDateTime late = start.addDays(7);
    QCOMPARE(c.dueAt(2, start, late), late);
    QCOMPARE(c.dueAt(3, start, late), start.addDays(9));
}

void TestCadence::jsonRoundTrip() {
    const Cadence c = Cadence::defaults().last();
    Cadence back;
    QString problem;
    QVERIFY2(Cadence::fromJson(c.name, c.toJson(), &back, &problem), qPrintable(problem));
    QCOMPARE(back.touches, c.touches);
    QCOMPARE(back.description, c.description);
}

QTEST_APPLESS_MAIN(TestCadence)
#include "tst_cadence.moc"
