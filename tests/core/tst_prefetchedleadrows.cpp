#include "core/io/leadgenerator.h"
#include "core/storage/prefetchedleadrows.h"
#include "core/storage/storedleadrows.h"
#include "testdatabase.h"

#include <QTest>

// PrefetchedLeadRows: the leads read ahead on another thread arrive exactly as a reading on the
// caller's own thread gives them, in order and whole, however the batches fall; and a reader
// given up half-way lets go at once.
class TestPrefetchedLeadRows : public QObject {
    Q_OBJECT
private slots:
    void sameLeadsInTheSameOrder_data();
    void sameLeadsInTheSameOrder();
    void givingUpHalfWayStopsTheReading_data() { TestDatabase::addBackendRows(); }
    void givingUpHalfWayStopsTheReading();
    void aQueryThatCannotRunSaysSo_data() { TestDatabase::addBackendRows(); }
    void aQueryThatCannotRunSaysSo();
};

namespace {
const QStringList columns = {QStringLiteral("id"),
                             QStringLiteral("storefront"),
                             QStringLiteral("first_name"),
                             QStringLiteral("company"),
                             QStringLiteral("created_at"),
                             QStringLiteral("score"),
                             QStringLiteral("win_probability"),
                             QStringLiteral("do_not_contact")};

// Every lead as one line of its cells, read by `Rows` the way an export reads them.
template <typename Rows> QStringList linesOf(Rows &rows) {
    QStringList lines;
    while (rows.next()) {
        QStringList cells;
        for (int c = 0; c < columns.size(); ++c)
            cells << rows.value(c).toString();
        for (int c = 1; c <= 4; ++c) // the text columns, as UTF-8
            cells << QString::fromUtf8(QByteArrayView(rows.utf8(c)));
        lines << cells.join(QLatin1Char(';'));
    }
    return lines;
}
} // namespace

void TestPrefetchedLeadRows::sameLeadsInTheSameOrder_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("batchRows");
    for (const char *backend : {"sqlite", "postgresql"})
        for (const int rows : {1, 7, 250, 5000})
            QTest::addRow("%s, batches of %d", backend, rows)
                << QString::fromLatin1(backend) << rows;
}

void TestPrefetchedLeadRows::sameLeadsInTheSameOrder() {
    QFETCH(QString, backend);
    QFETCH(int, batchRows);
    LB_TEST_DATABASE(t, backend);
    const GenerateResult generated = LeadGenerator(t->database()).generate(600, 5);
    QVERIFY2(generated.ok, qPrintable(generated.error));
    LeadFilter filter;
    const LeadSort byCompany{QStringLiteral("company"), true};

    StoredLeadRows here(t->database());
    QVERIFY2(here.start(filter, byCompany, columns), qPrintable(here.error()));
    const QStringList expected = linesOf(here);
    QVERIFY(expected.size() > 500);

    PrefetchedLeadRows ahead(t->database());
    ahead.setBatchRows(batchRows);
    QVERIFY2(ahead.start(filter, byCompany, columns), qPrintable(ahead.error()));
    QCOMPARE(ahead.total(), here.total());
    const QStringList read = linesOf(ahead);
    QVERIFY2(ahead.error().isEmpty(), qPrintable(ahead.error()));
    QCOMPARE(read.size(), expected.size());
    QCOMPARE(read, expected);
    QVERIFY(!ahead.next()); // and stays at the end
    // Numbers stay numbers and text ends as a C string does.
    PrefetchedLeadRows again(t->database());
    QVERIFY(again.start(filter, byCompany, columns));
    QVERIFY(again.next());
    QCOMPARE(again.value(0).typeId(), QMetaType::LongLong);
    QCOMPARE(again.value(6).typeId(), QMetaType::Double);
    const QByteArrayView company = again.utf8(3);
    QCOMPARE(company.data()[company.size()], '\0');
}

void TestPrefetchedLeadRows::givingUpHalfWayStopsTheReading() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const GenerateResult generated = LeadGenerator(t->database()).generate(3000, 9);
    QVERIFY2(generated.ok, qPrintable(generated.error));
    for (int round = 0; round < 3; ++round) {
        PrefetchedLeadRows rows(t->database());
        rows.setBatchRows(10); // the reader soon waits for room
        QVERIFY(rows.start(LeadFilter(), LeadSort(), columns));
        for (int i = 0; i < 25; ++i)
            QVERIFY(rows.next());
        QVERIFY(rows.integer(0) > 0);
    } // each destructor stops its reader; a hang fails the suite's timeout
    // The database is still there for the next reader, whole.
    PrefetchedLeadRows all(t->database());
    QVERIFY(all.start(LeadFilter(), LeadSort(), columns));
    qint64 count = 0;
    while (all.next())
        ++count;
    QCOMPARE(count, all.total());
}

void TestPrefetchedLeadRows::aQueryThatCannotRunSaysSo() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    QVERIFY(LeadGenerator(t->database()).generate(20, 1).ok);
    PrefetchedLeadRows rows(t->database());
    // A column no lead has cannot be read: the error comes back from start(), not a hang.
    QVERIFY(!rows.start(LeadFilter(), LeadSort(), {QStringLiteral("no_such_column")}));
    QVERIFY2(rows.error().contains(QLatin1String("no_such_column")), qPrintable(rows.error()));
    QVERIFY(!rows.next());
}

QTEST_GUILESS_MAIN(TestPrefetchedLeadRows)
#include "tst_prefetchedleadrows.moc"
