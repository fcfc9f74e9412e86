#include "core/domain/leadcolumns.h"

#include <QDateTime>
#include <QTest>

// Times as the CLI, imports and the database read them: Leadbench's own stored form fast,
// every other form a file may bring through the general parser, to the same instant.
class TstLeadColumns : public QObject {
    Q_OBJECT

private slots:
    void timesRead_data();
    void timesRead();
};

void TstLeadColumns::timesRead_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // isoUtc() of the result; empty: no time
    QTest::addColumn<bool>("storedForm");
    QTest::newRow("stored") << QStringLiteral("2026-03-01T09:30:00Z")
                            << QStringLiteral("2026-03-01T09:30:00Z") << true;
    QTest::newRow("leap day") << QStringLiteral("2028-02-29T23:59:59Z")
                              << QStringLiteral("2028-02-29T23:59:59Z") << true;
    QTest::newRow("offset") << QStringLiteral("2026-03-01T09:30:00+02:00")
                            << QStringLiteral("2026-03-01T07:30:00Z") << false;
    QTest::newRow("no offset is UTC")
        << QStringLiteral("2026-03-01T09:30:00") << QStringLiteral("2026-03-01T09:30:00Z") << false;
    QTest::newRow("date only") << QStringLiteral("2026-03-01")
                               << QStringLiteral("2026-03-01T00:00:00Z") << false;
    QTest::newRow("spreadsheet space")
        << QStringLiteral("2026-03-01 09:30:00") << QStringLiteral("2026-03-01T09:30:00Z") << false;
    QTest::newRow("spaces around") << QStringLiteral(" 2026-03-01T09:30:00Z ")
                                   << QStringLiteral("2026-03-01T09:30:00Z") << false;
    QTest::newRow("milliseconds") << QStringLiteral("2026-03-01T09:30:00.250Z")
                                  << QStringLiteral("2026-03-01T09:30:00Z") << false;
    QTest::newRow("no such day") << QStringLiteral("2026-02-30T09:30:00Z") << QString() << false;
    QTest::newRow("no such hour") << QStringLiteral("2026-03-01T25:00:00Z") << QString() << false;
    QTest::newRow("letters in it") << QStringLiteral("2026-0A-01T09:30:00Z") << QString() << false;
    QTest::newRow("empty") << QString() << QString() << false;
    QTest::newRow("words") << QStringLiteral("next Tuesday") << QString() << false;
}

void TstLeadColumns::timesRead() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(bool, storedForm);
    const QDateTime read = LeadColumns::parseIsoUtc(text);
    QCOMPARE(LeadColumns::isoUtc(read), expected);
    if (read.isValid())
        QCOMPARE(read.timeSpec(), Qt::UTC);
    // The fast reading takes the stored form only, from UTF-16 and UTF-8 alike, to the same
    // time as the general one.
    const QByteArray utf8 = text.toUtf8();
    const QDateTime fromText = LeadColumns::parseStoredUtc(QStringView(text));
    const QDateTime fromUtf8 = LeadColumns::parseStoredUtc(QByteArrayView(utf8));
    QCOMPARE(fromText.isValid(), storedForm);
    QCOMPARE(fromUtf8.isValid(), storedForm);
    if (storedForm) {
        QCOMPARE(fromText, read);
        QCOMPARE(fromUtf8, read);
        QCOMPARE(fromText.timeSpec(), read.timeSpec());
    }
}

QTEST_GUILESS_MAIN(TstLeadColumns)
#include "tst_leadcolumns.moc"
