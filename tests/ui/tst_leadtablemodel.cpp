#include "sampleleaddatabase.h"
#include "ui/models/leadtablemodel.h"

#include "core/io/leadgenerator.h"
#include "core/storage/leadrepository.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <algorithm>

// The lead table: what rows show, how they are ordered and filtered, that a large library is
// read in pages into a bounded cache, and that counting and reading happen on a reader thread
// of the model's own, with failed reads tried again and then reported.
class TestLeadTableModel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rowsAreCountedAndTestLeadsLeftOut();
    void aRowShowsAPlaceholderUntilItsPageArrives();
    void columnsShowTheLead();
    void pastTheFirstTouchTarget_data();
    void pastTheFirstTouchTarget();
    void filterShowsOnlyThatStorefront();
    void sortingOrdersRows_data();
    void sortingOrdersRows();
    void theNewestFilterWins();
    void aLargeLibraryIsNeverLoadedWhole();
    void aHundredThousandLeadsStayWithinTheCache();
    void pagesJoinWithoutGapsOrRepeats();
    void theCountArrivesLaterWithoutBlocking();
    void aCountForAnOlderFilterIsDropped();
    void sortingDoesNotCountAgain();
    void aFailedPageIsTriedAgain();
    void aPageThatKeepsFailingShowsAnErrorUntilARefresh();
    void aFailedCountIsReportedUntilARefresh();
    void eachModelReadsOnItsOwnConnectionAndClosesIt();
    void threadsInSequenceNeverShareAConnectionName();
    void anIdleReaderKeepsItsConnection();
    void anUpdatedLeadRepaintsOnlyItsRow();

private:
    // Waits until `row` is loaded and returns what its column shows.
    QString shown(LeadTableModel &model, int row, int column);
    // Takes the leads table away (or brings it back) under a model, as a broken or migrating
    // database would.
    bool hideLeads(bool hidden);
    // The connections opened since `before`: the readers' own.
    static QStringList connectionsSince(const QStringList &before);

    std::unique_ptr<SampleLeadDatabase> m_db;
};

bool TestLeadTableModel::hideLeads(bool hidden) {
    QSqlQuery q(m_db->database().connection());
    const bool ok = q.exec(hidden ? QStringLiteral("ALTER TABLE leads RENAME TO leads_hidden")
                                  : QStringLiteral("ALTER TABLE leads_hidden RENAME TO leads"));
    if (!ok)
        qWarning("%s", qPrintable(q.lastError().text()));
    return ok;
}

QStringList TestLeadTableModel::connectionsSince(const QStringList &before) {
    QStringList added;
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (!before.contains(name))
            added << name;
    }
    return added;
}

QString TestLeadTableModel::shown(LeadTableModel &model, int row, int column) {
    [&] { QTRY_VERIFY2(!model.isCounting(), "the count never arrived"); }();
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
    QTRY_COMPARE(model.rowCount(), 10);
    QCOMPARE(model.totalCount(), 10);
    QCOMPARE(model.columnCount(), int(LeadTableModel::ColumnCount));
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(!shown(model, row, LeadTableModel::NameColumn).startsWith(QLatin1String("MSFT")));
    QTRY_VERIFY(!model.isLoading());
}

void TestLeadTableModel::aRowShowsAPlaceholderUntilItsPageArrives() {
    LeadTableModel model(m_db->database());
    QTRY_COMPARE(model.rowCount(), 10);
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
    // Relative on screen, exact in the tooltip.
    QVERIFY2(model.index(0, LeadTableModel::CreatedAtColumn)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .endsWith(QLatin1String("(2025-01-01 09:10 UTC)")),
             qPrintable(
                 model.index(0, LeadTableModel::CreatedAtColumn).data(Qt::ToolTipRole).toString()));
}

void TestLeadTableModel::filterShowsOnlyThatStorefront() {
    LeadTableModel model(m_db->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy counted(&model, &LeadTableModel::countChanged);
    LeadFilter filter;
    filter.storefront = Storefront::AppSource;
    model.setFilter(filter);
    QTRY_VERIFY(!model.isCounting());
    QCOMPARE(counted.last().first().toLongLong(), 5);
    QCOMPARE(model.rowCount(), 5);
    for (int row = 0; row < 5; ++row) {
        QCOMPARE(shown(model, row, LeadTableModel::StorefrontColumn), QStringLiteral("AppSource"));
    }

    filter.storefront = Storefront::AzureMarketplace;
    model.setFilter(filter);
    QTRY_COMPARE(model.rowCount(), 3);
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
    QTest::newRow("name as shown, A to Z")
        << int(LeadTableModel::NameColumn) << Qt::AscendingOrder
        << QStringList{QStringLiteral("Lead 1"), QStringLiteral("Lead 10"),
                       QStringLiteral("Lead 2")};
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
    QTRY_COMPARE(model.rowCount(), 10);
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
    QTRY_COMPARE(model.rowCount(), 10);
    // Ask for a page under one filter, then change the filter before it can arrive.
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("…"));
    LeadFilter filter;
    filter.storefront = Storefront::AzurePortal;
    model.setFilter(filter);
    QTRY_COMPARE(model.rowCount(), 2);
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
    QTRY_COMPARE(model.rowCount(), 1000);
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

void TestLeadTableModel::aHundredThousandLeadsStayWithinTheCache() {
    SampleLeadDatabase big;
    QVERIFY2(big.isReady(), qPrintable(big.error()));
    const GenerateResult generated = LeadGenerator(big.database()).generate(100000, 11);
    QVERIFY2(generated.ok, qPrintable(generated.error));

    // The window's own limits, not smaller test ones.
    LeadTableModel model(big.database());
    QTRY_VERIFY(!model.isCounting());
    QVERIFY(model.rowCount() > 99000);
    const int bound = model.pageSize() * model.maxCachedPages();
    // Down through the whole table a screen at a time, then jumps back and forth.
    QList<int> rows;
    for (int row = 0; row < model.rowCount(); row += 2477)
        rows << row;
    rows << model.rowCount() - 1 << 0 << model.rowCount() / 2 << model.rowCount() - 1;
    qint64 previousId = -1;
    for (int row : std::as_const(rows)) {
        QVERIFY(!shown(model, row, LeadTableModel::NameColumn).isNull());
        const qint64 id = model.index(row, 0).data(LeadTableModel::LeadIdRole).toLongLong();
        QVERIFY(id != previousId);
        previousId = id;
        QVERIFY2(
            model.cachedRowCount() <= bound,
            qPrintable(
                QStringLiteral("%1 rows cached, bound %2").arg(model.cachedRowCount()).arg(bound)));
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
    QTRY_COMPARE(model.rowCount(), 430);

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

void TestLeadTableModel::theCountArrivesLaterWithoutBlocking() {
    LeadTableModel model(m_db->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // A new model shows no rows rather than making its view wait for the first count.
    QVERIFY(model.isCounting());
    QCOMPARE(model.rowCount(), 0);
    QTRY_COMPARE(model.rowCount(), 10);
    QVERIFY(!model.isCounting());

    QSignalSpy started(&model, &LeadTableModel::countStarted);
    QSignalSpy counted(&model, &LeadTableModel::countChanged);
    LeadFilter filter;
    filter.storefront = Storefront::AzureMarketplace;
    model.setFilter(filter);
    // setFilter() returned before the count: the view keeps the previous number of rows,
    // as placeholders, until the answer comes.
    QCOMPARE(started.count(), 1);
    QCOMPARE(counted.count(), 0);
    QVERIFY(model.isCounting());
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.index(0, LeadTableModel::NameColumn).data().toString(), QStringLiteral("…"));

    QVERIFY(counted.wait());
    QCOMPARE(counted.first().first().toLongLong(), 3);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.totalCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(shown(model, row, LeadTableModel::StorefrontColumn),
                 QStringLiteral("Azure Marketplace"));
    }
}

void TestLeadTableModel::aCountForAnOlderFilterIsDropped() {
    LeadTableModel model(m_db->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), 10);

    QSignalSpy counted(&model, &LeadTableModel::countChanged);
    LeadFilter filter;
    filter.storefront = Storefront::AppSource;
    model.setFilter(filter);
    filter.storefront = Storefront::AzurePortal;
    model.setFilter(filter);
    // The reader answers in order, so had the AppSource count been let through it would
    // have come first.
    QTRY_VERIFY(!model.isCounting());
    QCOMPARE(counted.count(), 1);
    QCOMPARE(counted.first().first().toLongLong(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(shown(model, 1, LeadTableModel::StorefrontColumn), QStringLiteral("Azure portal"));
}

void TestLeadTableModel::sortingDoesNotCountAgain() {
    LeadTableModel model(m_db->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(shown(model, 0, LeadTableModel::NameColumn), QStringLiteral("Lead 10"));

    QSignalSpy started(&model, &LeadTableModel::countStarted);
    QSignalSpy counted(&model, &LeadTableModel::countChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.sort(LeadTableModel::ScoreColumn, Qt::DescendingOrder);
    // The same leads in another order: the rows stay, only their pages are read again.
    QCOMPARE(reset.count(), 1);
    QCOMPARE(started.count(), 0);
    QVERIFY(!model.isCounting());
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(shown(model, 0, LeadTableModel::ScoreColumn), QStringLiteral("72"));
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(started.count(), 0);
    QCOMPARE(counted.count(), 0);
}

void TestLeadTableModel::aFailedPageIsTriedAgain() {
    LeadTableModel model(m_db->database());
    // Pages of three: the last row's page is not among those read while the model settles.
    model.setCacheLimits(3, 3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), 10);
    QTRY_VERIFY(!model.isLoading());
    QSignalSpy retrying(&model, &LeadTableModel::retrying);
    QSignalSpy failed(&model, &LeadTableModel::errorOccurred);
    QSignalSpy cleared(&model, &LeadTableModel::errorCleared);

    QVERIFY(hideLeads(true));
    const QModelIndex name = model.index(9, LeadTableModel::NameColumn);
    QCOMPARE(name.data().toString(), QStringLiteral("…"));
    QVERIFY(retrying.wait());
    QVERIFY2(retrying.first().first().toString().contains(QStringLiteral("Could not load leads")),
             qPrintable(retrying.first().first().toString()));
    // Still on its way: the row keeps its placeholder while the try again is pending.
    QVERIFY(model.isLoading());
    QCOMPARE(name.data().toString(), QStringLiteral("…"));

    // The database comes back before the next try.
    QVERIFY(hideLeads(false));
    QCOMPARE(shown(model, 9, LeadTableModel::NameColumn), QStringLiteral("Lead 1"));
    QCOMPARE(retrying.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(cleared.count(), 1);
    QVERIFY(model.lastError().isEmpty());
}

void TestLeadTableModel::aPageThatKeepsFailingShowsAnErrorUntilARefresh() {
    LeadTableModel model(m_db->database());
    model.setCacheLimits(3, 3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), 10);
    QTRY_VERIFY(!model.isLoading());
    QSignalSpy retrying(&model, &LeadTableModel::retrying);
    QSignalSpy failed(&model, &LeadTableModel::errorOccurred);
    QSignalSpy cleared(&model, &LeadTableModel::errorCleared);
    QSignalSpy finished(&model, &LeadTableModel::loadingFinished);

    QVERIFY(hideLeads(true));
    const QModelIndex name = model.index(9, LeadTableModel::NameColumn);
    QCOMPARE(name.data().toString(), QStringLiteral("…"));
    // Tried once and then once after each delay, then given up: no "…" forever.
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QCOMPARE(retrying.count(), LeadTableModel::retryDelays().size());
    const QString message = failed.first().first().toString();
    QVERIFY2(message.startsWith(QStringLiteral("Could not load leads")), qPrintable(message));
    QCOMPARE(model.lastError(), message);
    QCOMPARE(name.data().toString(), QStringLiteral("Could not load"));
    QCOMPARE(name.data(Qt::ToolTipRole).toString(), message);
    QVERIFY(!model.isLoading());
    QVERIFY(finished.count() >= 1);
    // A given-up page is not read again by merely looking at it.
    QCOMPARE(name.data().toString(), QStringLiteral("Could not load"));
    QVERIFY(!model.isLoading());
    QCOMPARE(cleared.count(), 0);

    // Rows read before the failure stay readable.
    QCOMPARE(model.index(0, LeadTableModel::NameColumn).data().toString(),
             QStringLiteral("Lead 10"));

    QVERIFY(hideLeads(false));
    model.refresh();
    QCOMPARE(shown(model, 9, LeadTableModel::NameColumn), QStringLiteral("Lead 1"));
    QCOMPARE(cleared.count(), 1);
    QVERIFY(model.lastError().isEmpty());
    QCOMPARE(failed.count(), 1);
}

void TestLeadTableModel::aFailedCountIsReportedUntilARefresh() {
    QVERIFY(hideLeads(true));
    LeadTableModel model(m_db->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &LeadTableModel::errorOccurred);
    QSignalSpy cleared(&model, &LeadTableModel::errorCleared);

    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QVERIFY2(failed.first().first().toString().startsWith(QStringLiteral("Could not count")),
             qPrintable(failed.first().first().toString()));
    QVERIFY(!model.isCounting());
    QVERIFY(!model.isCountKnown());
    QCOMPARE(model.rowCount(), 0);

    QVERIFY(hideLeads(false));
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 10);
    QVERIFY(model.isCountKnown());
    QCOMPARE(cleared.count(), 1);
    QVERIFY(model.lastError().isEmpty());
}

void TestLeadTableModel::eachModelReadsOnItsOwnConnectionAndClosesIt() {
    const QStringList before = QSqlDatabase::connectionNames();
    auto first = std::make_unique<LeadTableModel>(m_db->database());
    QCOMPARE(shown(*first, 0, LeadTableModel::NameColumn), QStringLiteral("Lead 10"));
    const QStringList firstReader = connectionsSince(before);
    QCOMPARE(firstReader.size(), 1);

    auto second = std::make_unique<LeadTableModel>(m_db->database());
    QCOMPARE(shown(*second, 0, LeadTableModel::NameColumn), QStringLiteral("Lead 10"));
    const QStringList bothReaders = connectionsSince(before);
    QCOMPARE(bothReaders.size(), 2);

    // A model that goes leaves no connection behind; the other one keeps reading.
    first.reset();
    QCOMPARE(connectionsSince(before).size(), 1);
    QVERIFY(!QSqlDatabase::connectionNames().contains(firstReader.first()));
    second->refresh();
    QCOMPARE(shown(*second, 9, LeadTableModel::NameColumn), QStringLiteral("Lead 1"));
    second.reset();
    QVERIFY(connectionsSince(before).isEmpty());

    // A later reader, on a thread that may well sit where an ended one was, gets a name of
    // its own.
    LeadTableModel third(m_db->database());
    QCOMPARE(shown(third, 0, LeadTableModel::NameColumn), QStringLiteral("Lead 10"));
    const QStringList thirdReader = connectionsSince(before);
    QCOMPARE(thirdReader.size(), 1);
    QVERIFY(!bothReaders.contains(thirdReader.first()));
}

void TestLeadTableModel::threadsInSequenceNeverShareAConnectionName() {
    const Database db = m_db->database();
    QStringList names;
    for (int i = 0; i < 8; ++i) {
        QString name;
        qint64 count = -1;
        std::unique_ptr<QThread> thread(QThread::create([&] {
            count = LeadRepository(db).count(LeadFilter{});
            name = db.connection().connectionName();
            db.closeThreadConnection();
        }));
        thread->start();
        QVERIFY(thread->wait());
        // Each thread reads the leads on a connection no earlier thread had.
        QCOMPARE(count, 10);
        QVERIFY(!name.isEmpty());
        QVERIFY2(!names.contains(name), qPrintable(name));
        names << name;
    }
}

void TestLeadTableModel::anIdleReaderKeepsItsConnection() {
    const QStringList before = QSqlDatabase::connectionNames();
    LeadTableModel model(m_db->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(shown(model, 0, LeadTableModel::NameColumn), QStringLiteral("Lead 10"));
    const QStringList reader = connectionsSince(before);
    QCOMPARE(reader.size(), 1);

    // Names are never reused, so a reader thread that had ended between requests (as an idle
    // pool thread does) would answer under a new one.
    QVERIFY(m_db->addLead(Storefront::AppSource, 5) > 0);
    model.refresh();
    // Lead 11 is the sample's test lead.
    QCOMPARE(shown(model, 0, LeadTableModel::NameColumn), QStringLiteral("Lead 12"));
    QCOMPARE(model.rowCount(), 11);
    model.sort(LeadTableModel::ScoreColumn, Qt::AscendingOrder);
    QCOMPARE(shown(model, 0, LeadTableModel::ScoreColumn), QStringLiteral("5"));
    QCOMPARE(connectionsSince(before), reader);
}

void TestLeadTableModel::anUpdatedLeadRepaintsOnlyItsRow() {
    LeadTableModel model(m_db->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(shown(model, 3, LeadTableModel::OwnerColumn), QString());
    QTRY_VERIFY(!model.isLoading());
    const LeadVersion version = model.versionAt(3);
    QCOMPARE(version.id, model.leadAt(3)->id);
    QCOMPARE(model.rowOf(version.id), 3);
    QCOMPARE(model.versionAt(model.rowCount()).id, 0);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    Lead lead = *model.leadAt(3);
    lead.owner = QStringLiteral("sam");
    lead.version += 1;
    model.updateLead(lead);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 3);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 3);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.index(3, LeadTableModel::OwnerColumn).data().toString(), QStringLiteral("sam"));
    QCOMPARE(model.versionAt(3).version, version.version + 1);
    // An older copy arriving late does not win.
    Lead older = lead;
    older.owner = QStringLiteral("kim");
    older.version = version.version;
    model.updateLead(older);
    QCOMPARE(model.index(3, LeadTableModel::OwnerColumn).data().toString(), QStringLiteral("sam"));
    // A lead that is not on a cached page changes nothing.
    Lead stranger;
    stranger.id = 999999;
    model.updateLead(stranger);
    QCOMPARE(changed.size(), 1);
}

QTEST_MAIN(TestLeadTableModel)
void TestLeadTableModel::pastTheFirstTouchTarget_data() {
    QTest::addColumn<int>("hoursOld");
    QTest::addColumn<int>("followUps");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<bool>("isTest");
    QTest::addColumn<int>("target");
    QTest::addColumn<bool>("marked");
    const QString fresh = QStringLiteral("new");
    QTest::newRow("untouched a day and more") << 25 << 0 << fresh << false << 24 << true;
    QTest::newRow("untouched, within the day") << 23 << 0 << fresh << false << 24 << false;
    QTest::newRow("touched") << 25 << 1 << QStringLiteral("contacted") << false << 24 << false;
    QTest::newRow("closed untouched") << 90 << 0 << QStringLiteral("lost") << false << 24 << false;
    QTest::newRow("test lead") << 90 << 0 << fresh << true << 24 << false;
    QTest::newRow("a two-day target") << 25 << 0 << fresh << false << 48 << false;
}

void TestLeadTableModel::pastTheFirstTouchTarget() {
    QFETCH(int, hoursOld);
    QFETCH(int, followUps);
    QFETCH(QString, stage);
    QFETCH(bool, isTest);
    QFETCH(int, target);
    QFETCH(bool, marked);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Lead lead;
    lead.createdAt = now.addSecs(-qint64(hoursOld) * 3600);
    lead.followUps = followUps;
    QVERIFY(Stages::fromCanonicalName(stage, &lead.stage));
    lead.isTest = isTest;
    QCOMPARE(LeadTableModel::isSlaBreached(lead, target, now), marked);
}

#include "tst_leadtablemodel.moc"
