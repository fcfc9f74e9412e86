#include "sampleleaddatabase.h"
#include "ui/models/storefrontlistmodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

// The storefront queues: what each row says, what it filters by, how it follows new leads,
// and that their counts are read off the caller's thread.
class TestStorefrontListModel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rowsShowEachStorefrontWithItsCount();
    void rowsCarryTheirFilter();
    void testLeadsAreNotCounted();
    void otherIsListedOnlyWithLeads();
    void refreshKeepsTheSelectedQueue();
    void countsArriveAfterTheQueues();
    void theNewestRefreshWins();
    void aFailedReadKeepsTheCountsAndIsReported();

private:
    QString text(int row) const { return m_model->index(row).data().toString(); }
    // Refreshes and waits for the fresh counts.
    bool refreshed();

    std::unique_ptr<SampleLeadDatabase> m_db;
    std::unique_ptr<StorefrontListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestStorefrontListModel::init() {
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
    QVERIFY(m_db->addLeads(Storefront::AppSource, 5));
    QVERIFY(m_db->addLeads(Storefront::AzureMarketplace, 3));
    QVERIFY(m_db->addLeads(Storefront::AzurePortal, 2));
    QVERIFY(m_db->addLead(Storefront::AppSource, 50, true) > 0);
    m_model = std::make_unique<StorefrontListModel>(m_db->database());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy counted(m_model.get(), &StorefrontListModel::countsChanged);
    QVERIFY(counted.wait());
}

bool TestStorefrontListModel::refreshed() {
    QSignalSpy counted(m_model.get(), &StorefrontListModel::countsChanged);
    m_model->refresh();
    return counted.wait();
}

void TestStorefrontListModel::cleanup() {
    m_tester.reset();
    m_model.reset();
    m_db.reset();
}

void TestStorefrontListModel::rowsShowEachStorefrontWithItsCount() {
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(text(0), QStringLiteral("All (10)"));
    QCOMPARE(text(1), QStringLiteral("AppSource (5)"));
    QCOMPARE(text(2), QStringLiteral("Azure Marketplace (3)"));
    QCOMPARE(text(3), QStringLiteral("Azure portal (2)"));
    QVERIFY(m_model->lastError().isEmpty());
}

void TestStorefrontListModel::rowsCarryTheirFilter() {
    const QStringList expected = {QString(), QStringLiteral("appsource"),
                                  QStringLiteral("azure-marketplace"),
                                  QStringLiteral("azure-portal")};
    for (int row = 0; row < expected.size(); ++row) {
        QCOMPARE(m_model->index(row).data(StorefrontListModel::StorefrontRole).toString(),
                 expected.at(row));
    }
    QVERIFY(!m_model->storefrontAt(0).has_value());
    QVERIFY(m_model->storefrontAt(1) == Storefront::AppSource);
    QVERIFY(m_model->storefrontAt(3) == Storefront::AzurePortal);
    QCOMPARE(m_model->rowOf(Storefront::AzureMarketplace), 2);
    QCOMPARE(m_model->rowOf(Storefront::Other), -1);
    QCOMPARE(m_model->index(1).data(StorefrontListModel::CountRole).toLongLong(), 5);
}

void TestStorefrontListModel::testLeadsAreNotCounted() {
    QVERIFY(m_db->addLead(Storefront::AzurePortal, 10, true) > 0);
    QVERIFY(refreshed());
    QCOMPARE(text(0), QStringLiteral("All (10)"));
    QCOMPARE(text(3), QStringLiteral("Azure portal (2)"));
}

void TestStorefrontListModel::otherIsListedOnlyWithLeads() {
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QVERIFY(m_db->addLead(Storefront::Other, 10) > 0);
    QVERIFY(refreshed());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(text(4), QStringLiteral("Other (1)"));
    QCOMPARE(text(0), QStringLiteral("All (11)"));
    QCOMPARE(m_model->index(4).data(StorefrontListModel::StorefrontRole).toString(),
             QStringLiteral("other"));
}

void TestStorefrontListModel::refreshKeepsTheSelectedQueue() {
    QItemSelectionModel selection(m_model.get());
    selection.setCurrentIndex(m_model->index(1), QItemSelectionModel::ClearAndSelect);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    QVERIFY(m_db->addLeads(Storefront::AppSource, 2, 60));
    QVERIFY(refreshed());

    QCOMPARE(reset.count(), 0);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(selection.currentIndex().row(), 1);
    QVERIFY(selection.isRowSelected(1, {}));
    QCOMPARE(text(1), QStringLiteral("AppSource (7)"));
    QCOMPARE(text(0), QStringLiteral("All (12)"));
}

void TestStorefrontListModel::countsArriveAfterTheQueues() {
    StorefrontListModel model(m_db->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy counted(&model, &StorefrontListModel::countsChanged);
    // The queues are there to pick from before the database has answered.
    QVERIFY(model.isCounting());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("All"));
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("AppSource"));
    QVERIFY(!model.index(1).data(StorefrontListModel::CountRole).isValid());
    QVERIFY(model.storefrontAt(2) == Storefront::AzureMarketplace);

    QVERIFY(counted.wait());
    QVERIFY(!model.isCounting());
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("All (10)"));
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("AppSource (5)"));
    QCOMPARE(model.index(1).data(StorefrontListModel::CountRole).toLongLong(), 5);
}

void TestStorefrontListModel::theNewestRefreshWins() {
    QSignalSpy counted(m_model.get(), &StorefrontListModel::countsChanged);
    m_model->refresh();
    QVERIFY(m_db->addLeads(Storefront::AzurePortal, 4, 60));
    m_model->refresh();
    // Answers come in order, so had the first been let through it would have come first.
    QTRY_VERIFY(!m_model->isCounting());
    QCOMPARE(counted.count(), 1);
    QCOMPARE(text(0), QStringLiteral("All (14)"));
    QCOMPARE(text(3), QStringLiteral("Azure portal (6)"));
}

void TestStorefrontListModel::aFailedReadKeepsTheCountsAndIsReported() {
    QSignalSpy failed(m_model.get(), &StorefrontListModel::errorOccurred);
    QSignalSpy cleared(m_model.get(), &StorefrontListModel::errorCleared);
    QSqlQuery q(m_db->database().connection());
    QVERIFY(q.exec(QStringLiteral("ALTER TABLE leads RENAME TO leads_hidden")));
    m_model->refresh();
    QVERIFY(failed.wait());
    QVERIFY2(failed.first().first().toString().startsWith(QStringLiteral("Could not count")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(m_model->lastError(), failed.first().first().toString());
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(text(0), QStringLiteral("All (10)"));

    QVERIFY(q.exec(QStringLiteral("ALTER TABLE leads_hidden RENAME TO leads")));
    QVERIFY(m_db->addLead(Storefront::AppSource, 20) > 0);
    QVERIFY(refreshed());
    QCOMPARE(cleared.count(), 1);
    QVERIFY(m_model->lastError().isEmpty());
    QCOMPARE(text(1), QStringLiteral("AppSource (6)"));
}

QTEST_GUILESS_MAIN(TestStorefrontListModel)
#include "tst_storefrontlistmodel.moc"
