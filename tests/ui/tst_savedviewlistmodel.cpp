#include "sampleleaddatabase.h"
#include "ui/models/savedviewlistmodel.h"

#include "core/storage/savedviewrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

// The saved views as the left panel lists them: the database's own four first, then create,
// rename and delete landing in the database and in the list, and a clash that is reported.
class TestSavedViewListModel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void listsTheDefaultViews();
    void createRenameDelete();
    void aNameInUseIsReportedAndNothingChanges();

private:
    QStringList names() const {
        QStringList list;
        for (int row = 0; row < m_model->rowCount(); ++row)
            list << m_model->index(row).data().toString();
        return list;
    }
    QStringList storedNames() const {
        QStringList list;
        const std::optional<QList<SavedView>> views = SavedViewRepository(m_db->database()).list();
        for (const SavedView &v : views.value_or(QList<SavedView>()))
            list << v.name;
        return list;
    }

    std::unique_ptr<SampleLeadDatabase> m_db;
    std::unique_ptr<SavedViewListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSavedViewListModel::init() {
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
    m_model = std::make_unique<SavedViewListModel>(m_db->database());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestSavedViewListModel::cleanup() {
    m_tester.reset();
    m_model.reset();
    m_db.reset();
}

void TestSavedViewListModel::listsTheDefaultViews() {
    QTRY_COMPARE(m_model->rowCount(), 4);
    QCOMPARE(names(), (QStringList{QStringLiteral("My new leads"), QStringLiteral("Due today"),
                                   QString::fromUtf8("Hot \u2014 grade A"),
                                   QStringLiteral("Do not contact")}));
    const qint64 id = m_model->index(2).data(SavedViewListModel::ViewIdRole).toLongLong();
    QVERIFY(id > 0);
    QCOMPARE(m_model->viewAt(2).id, id);
    QCOMPARE(m_model->rowOf(id), 2);
}

void TestSavedViewListModel::createRenameDelete() {
    QTRY_COMPARE(m_model->rowCount(), 4);
    QSignalSpy created(m_model.get(), &SavedViewListModel::viewCreated);
    SavedView view;
    view.name = QStringLiteral("Big ones");
    view.filter = QJsonObject{{QStringLiteral("min_score"), 80}};
    view.sort = LeadSort{QStringLiteral("score"), true};
    view.columns = {QStringLiteral("name"), QStringLiteral("score")};
    m_model->create(view);
    QTRY_COMPARE(created.size(), 1);
    const SavedView stored = created.first().first().value<SavedView>();
    QCOMPARE(names().last(), QStringLiteral("Big ones"));
    QCOMPARE(m_model->viewAt(4).filter, view.filter);
    QCOMPARE(m_model->viewAt(4).columns, view.columns);
    QCOMPARE(storedNames().last(), QStringLiteral("Big ones"));

    m_model->rename(m_model->viewAt(4).id, QStringLiteral("Bigger ones"));
    QTRY_COMPARE(names().last(), QStringLiteral("Bigger ones"));
    QCOMPARE(storedNames().last(), QStringLiteral("Bigger ones"));

    m_model->remove(m_model->viewAt(0).id);
    QTRY_COMPARE(m_model->rowCount(), 4);
    QCOMPARE(names().first(), QStringLiteral("Due today"));
    QVERIFY(!storedNames().contains(QStringLiteral("My new leads")));
    QVERIFY(stored.id > 0);
}

void TestSavedViewListModel::aNameInUseIsReportedAndNothingChanges() {
    QTRY_COMPARE(m_model->rowCount(), 4);
    QSignalSpy failed(m_model.get(), &SavedViewListModel::errorOccurred);
    SavedView view;
    view.name = QStringLiteral("Due today");
    m_model->create(view);
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("Due today")),
             qPrintable(failed.first().first().toString()));
    m_model->rename(m_model->viewAt(0).id, QStringLiteral("Do not contact"));
    QTRY_COMPARE(failed.size(), 2);
    QCOMPARE(names().first(), QStringLiteral("My new leads"));
    QCOMPARE(storedNames().size(), 4);
}

QTEST_MAIN(TestSavedViewListModel)
#include "tst_savedviewlistmodel.moc"
