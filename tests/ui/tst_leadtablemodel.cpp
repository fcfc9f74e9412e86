#include "sampleleaddatabase.h"
#include "ui/models/leadtablemodel.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

// The lead table: what rows show, how they are ordered and filtered, and that a large library
// is read in pages into a bounded cache.
class TestLeadTableModel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rowsAreCountedAndTestLeadsLeftOut();
    void aRowShowsAPlaceholderUntilItsPageArrives();
    void columnsShowTheLead();
    void filterShowsOnlyThatStorefront();
    void sortingOrdersRows_data();
    void sortingOrdersRows();
    void theNewestFilterWins();
    void aLargeLibraryIsNeverLoadedWhole();
    void pagesJoinWithoutGapsOrRepeats();

private:
    // Waits until `row` is loaded and returns what its column shows.
    QString shown(LeadTableModel &model, int row, int column);

    std::unique_ptr<SampleLeadDatabase> m_db;
};

QString TestLeadTableModel::shown(LeadTableModel &model, int row, int column) {
    const QModelIndex index = model.index(row, column);
    [&] {
        QTRY_VERIFY2(
            index.data(LeadTableModel::LeadIdRole).toLongLong() > 0,
            qPrintable(QStringLiteral("row %1 never arrived: %2").arg(row).arg(model.lastError())));
    }();
    return index.data().toString();
}

void TestLeadTableModel::init() {
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
    QVERIFY2(m_db->addSampleMix(), qPrintable(m_db->error()));
}

void TestLeadTableModel::cleanup() {
    m_db.reset();
}

void TestLeadTableModel::rowsAreCountedAndTestLeadsLeftOut() {
    LeadTableModel model(m_db->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.totalCount(), 10);
    QCOMPARE(model.columnCount(), int(LeadTableModel::ColumnCount));
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(!shown(model, row, LeadTableModel::NameColumn).startsWith(QLatin1String("MSFT")));
    QTRY_VERIFY(!model.isLoading());
}

void TestLeadTableModel::aRowShowsAPlaceholderUntilItsPageArrives() {
    LeadTableModel model(m_db->database());
    QSignalSpy loaded(&model, &LeadTableModel::pageLoaded);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy finished(&model, &LeadTableModel::loadingFinished);

    QCOMPARE(model.cachedRowCount(), 0);
    QCOMPARE(model.index(0, LeadTableModel::NameColumn).data().toString(), QStringLiteral("…"));
    QVERIFY(model.isLoading());
    QVERIFY(model.leadAt(0) == nullptr);

    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(loaded.first().first().toInt(), 0);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(finished.count(), 1);
    QVERIFY(!model.isLoading());
    // Newest first by default: the last lead added leads the list.
    QCOMPARE(model.index(0, LeadTableModel::NameColumn).data().toString(),
             QStringLiteral("Lead 10"));
    QCOMPARE(model.cachedRowCount(), 10);
}

void TestLeadTableModel::columnsShowTheLead() {
    LeadTableModel model(m_db->database());
    QCOMPARE(model.headerData(LeadTableModel::CompanyColumn, Qt::Horizontal).toString(),
             QStringLiteral("Company"));
    QCOMPARE(model.headerData(LeadTableModel::StorefrontColumn, Qt::Horizontal).toString(),
             QStringLiteral("Storefront"));

    // Row 0 is lead 10, an Azure portal lead created with score 41.
    QCOMPARE(shown(model, 0, LeadTableModel::CompanyColumn), SampleLeadDatabase::companyOf(10));
    QCOMPARE(shown(model, 0, LeadTableModel::StorefrontColumn), QStringLiteral("Azure portal"));
    QCOMPARE(shown(model, 0, LeadTableModel::ActionColumn), QStringLiteral("Create"));
    QCOMPARE(shown(model, 0, LeadTableModel::StageColumn), QStringLiteral("New"));
    QCOMPARE(shown(model, 0, LeadTableModel::ScoreColumn), QStringLiteral("41"));
    QCOMPARE(shown(model, 0, LeadTableModel::EmailColumn), QStringLiteral("lead10@example.com"));
    QCOMPARE(shown(model, 0, LeadTableModel::OfferTitleColumn),
             QStringLiteral("Contoso Analytics"));
    QVERIFY(!shown(model, 0, LeadTableModel::CreatedAtColumn).isEmpty());
    QCOMPARE(model.index(0, LeadTableModel::CreatedAtColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("2025-01-01T09:10:00Z"));
}

void TestLeadTableModel::filterShowsOnlyThatStorefront() {
    LeadTableModel model(m_db->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy counted(&model, &LeadTableModel::countChanged);
    LeadFilter filter;
    filter.storefront = Storefront::AppSource;
    model.setFilter(filter);
    QCOMPARE(counted.count(), 1);
    QCOMPARE(counted.first().first().toLongLong(), 5);
    QCOMPARE(model.rowCount(), 5);
    for (int row = 0; row < 5; ++row) {
        QCOMPARE(shown(model, row, LeadTableModel::StorefrontColumn), QStringLiteral("AppSource"));
    }

    filter.storefront = Storefront::AzureMarketplace;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(shown(model, row, LeadTableModel::StorefrontColumn),
                 QStringLiteral("Azure Marketplace"));
    }
}

void TestLeadTableModel::sortingOrdersRows_data() {
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("firstThree");
    // Scores: leads 1-5 have 10-14, leads 6-8 have 70-72, leads 9-10 have 40-41.
    QTest::newRow("score, highest first")
        << int(LeadTableModel::ScoreColumn) << Qt::DescendingOrder
        << QStringList{QStringLiteral("72"), QStringLiteral("71"), QStringLiteral("70")};
    QTest::newRow("score, lowest first")
        << int(LeadTableModel::ScoreColumn) << Qt::AscendingOrder
        << QStringList{QStringLiteral("10"), QStringLiteral("11"), QStringLiteral("12")};
    QTest::newRow("company, A to Z")
        << int(LeadTableModel::CompanyColumn) << Qt::AscendingOrder
        << QStringList{SampleLeadDatabase::companyOf(1), SampleLeadDatabase::companyOf(2),
                       SampleLeadDatabase::companyOf(3)};
    QTest::newRow("storefront, Z to A")
        << int(LeadTableModel::StorefrontColumn) << Qt::DescendingOrder
        << QStringList{QStringLiteral("Azure portal"), QStringLiteral("Azure portal"),
                       QStringLiteral("Azure Marketplace")};
}

void TestLeadTableModel::sortingOrdersRows() {
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, firstThree);

    LeadTableModel model(m_db->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.sort(column, order);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.sortColumn(), column);
    QCOMPARE(model.sortOrder(), order);
    QCOMPARE(model.rowCount(), 10);

    QStringList shownFirst;
    for (int row = 0; row < 3; ++row)
        shownFirst << shown(model, row, column);
    QCOMPARE(shownFirst, firstThree);

    // The whole column follows the order, not only its head.
    QList<QVariant> keys;
    for (int row = 0; row < model.rowCount(); ++row) {
        shown(model, row, column);
        keys << model.index(row, column).data(LeadTableModel::MachineValueRole);
    }
    for (int row = 1; row < keys.size(); ++row) {
        const QPartialOrdering c = QVariant::compare(keys.at(row - 1), keys.at(row));
        QVERIFY2(order == Qt::AscendingOrder ? c != QPartialOrdering::Greater
                                             : c != QPartialOrdering::Less,
                 qPrintable(QStringLiteral("row %1 is out of order").arg(row)));
    }
}

void TestLeadTableModel::theNewestFilterWins() {
    LeadTableModel model(m_db->database());
    // Ask for a page under one filter, then change the filter before it can arrive.
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("…"));
    LeadFilter filter;
    filter.storefront = Storefront::AzurePortal;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(shown(model, 0, LeadTableModel::StorefrontColumn), QStringLiteral("Azure portal"));
    QCOMPARE(shown(model, 1, LeadTableModel::StorefrontColumn), QStringLiteral("Azure portal"));
    QTRY_VERIFY(!model.isLoading());
    // Let the answer for the first filter arrive too: it must not land in this view.
    QTest::qWait(100);
    QCOMPARE(model.cachedRowCount(), 2);
    QCOMPARE(model.index(0, LeadTableModel::StorefrontColumn).data().toString(),
             QStringLiteral("Azure portal"));
}

void TestLeadTableModel::aLargeLibraryIsNeverLoadedWhole() {
    SampleLeadDatabase large;
    QVERIFY2(large.isReady(), qPrintable(large.error()));
    QVERIFY2(large.addLeads(Storefront::AzureMarketplace, 1000), qPrintable(large.error()));

    LeadTableModel model(large.database());
    model.setCacheLimits(50, 4);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1000);
    const int bound = model.pageSize() * model.maxCachedPages();
    QCOMPARE(bound, 200);

    // Scroll through everything, as a user paging down would.
    for (int row = 0; row < 1000; ++row) {
        QCOMPARE(shown(model, row, LeadTableModel::CompanyColumn),
                 SampleLeadDatabase::companyOf(1000 - row));
        QVERIFY2(model.cachedRowCount() <= bound,
                 qPrintable(QStringLiteral("%1 rows cached").arg(model.cachedRowCount())));
    }
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(model.cachedRowCount() <= bound);
    // What was scrolled past has left memory.
    QVERIFY(model.leadAt(300) == nullptr);
    QVERIFY(model.leadAt(999) != nullptr);

    // Jumps land on the right leads too.
    for (int row : {10, 777, 512, 999, 0}) {
        QCOMPARE(shown(model, row, LeadTableModel::CompanyColumn),
                 SampleLeadDatabase::companyOf(1000 - row));
        QVERIFY(model.cachedRowCount() <= bound);
    }
}

void TestLeadTableModel::pagesJoinWithoutGapsOrRepeats() {
    // Every lead has the same storefront: each page boundary falls inside a run of equal sort
    // values, where only the id tells the leads apart.
    SampleLeadDatabase large;
    QVERIFY2(large.isReady(), qPrintable(large.error()));
    QVERIFY2(large.addLeads(Storefront::AppSource, 430), qPrintable(large.error()));

    LeadTableModel model(large.database());
    model.setCacheLimits(40, 3);
    model.sort(LeadTableModel::StorefrontColumn, Qt::AscendingOrder);
    QCOMPARE(model.rowCount(), 430);

    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        shown(model, row, LeadTableModel::StorefrontColumn);
        ids << model.index(row, 0).data(LeadTableModel::LeadIdRole).toLongLong();
    }
    QList<qint64> expected = ids;
    std::sort(expected.begin(), expected.end());
    QCOMPARE(ids, expected);
    QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), 430);
}

QTEST_MAIN(TestLeadTableModel)
#include "tst_leadtablemodel.moc"
