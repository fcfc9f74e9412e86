#include "core/domain/leadcolumns.h"
#include "core/nurture/leadnurturer.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "sampleleaddatabase.h"
#include "ui/duequeuepanel.h"
#include "ui/models/duequeuemodel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

// The Due queue a rep works through: their overdue and today's follow-ups, oldest first, overdue
// ones saying so in words; never a do-not-contact, closed, test or colleague's lead; read again
// after a change; Enter opens the lead.
class TestDueQueueModel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void overdueAndTodayOldestFirst();
    void readsAgainAfterAChange();
    void enterOpensTheLead();

private:
    qint64 addDue(const QDateTime &due, const QString &owner = QStringLiteral("sam"));
    void set(qint64 id, const QString &column, const QVariant &value);

    std::unique_ptr<SampleLeadDatabase> m_db;
    const QDateTime m_now{QDate(2026, 12, 1), QTime(15, 0), QTimeZone::utc()};
};

qint64 TestDueQueueModel::addDue(const QDateTime &due, const QString &owner) {
    const qint64 id = m_db->addLead(Storefront::AppSource, 50);
    set(id, QStringLiteral("owner"), owner);
    set(id, QStringLiteral("next_follow_up_at"), LeadColumns::isoUtc(due));
    return id;
}

void TestDueQueueModel::set(qint64 id, const QString &column, const QVariant &value) {
    const UpdateResult r =
        LeadWriter(m_db->database()).update(id, 0, LeadChanges().set(column, value), {});
    QVERIFY2(r.ok(), qPrintable(r.error));
}

void TestDueQueueModel::init() {
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
}

void TestDueQueueModel::cleanup() {
    m_db.reset();
}

void TestDueQueueModel::overdueAndTodayOldestFirst() {
    const qint64 later = addDue(m_now.addSecs(2 * 3600));    // 17:00 today
    const qint64 oldest = addDue(m_now.addDays(-3));         // three days late
    const qint64 morning = addDue(m_now.addSecs(-5 * 3600)); // 10:00 today
    addDue(m_now.addDays(1));                                // tomorrow
    addDue(m_now.addDays(-1), QStringLiteral("ines"));       // a colleague's
    const qint64 dnc = addDue(m_now.addDays(-1));
    set(dnc, QStringLiteral("do_not_contact"), true);
    const qint64 won = addDue(m_now.addDays(-1));
    set(won, QStringLiteral("stage"), QStringLiteral("won"));
    QVERIFY(LeadNurturer(m_db->database())
                .schedule(oldest, 0, m_now.addDays(-3), TouchKind::Meeting, QStringLiteral("sam"))
                .ok());

    DueQueueModel model(m_db->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([this] { return m_now; });
    QSignalSpy loaded(&model, &DueQueueModel::loaded);
    model.setOwner(QStringLiteral("sam"));
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 3);
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(DueQueueModel::LeadIdRole).toLongLong();
    QCOMPARE(ids, (QList<qint64>{oldest, morning, later}));
    QCOMPARE(model.overdueCount(), 1);
    const QModelIndex due = model.index(0, DueQueueModel::DueColumn);
    QVERIFY2(due.data().toString().startsWith(QStringLiteral("Overdue")),
             qPrintable(due.data().toString()));
    QVERIFY(!due.data(Qt::DecorationRole).isNull());
    QVERIFY(model.index(0, 0).data(DueQueueModel::OverdueRole).toBool());
    QVERIFY(!model.index(1, 0).data(DueQueueModel::OverdueRole).toBool());
    QVERIFY2(model.index(1, DueQueueModel::DueColumn)
                 .data()
                 .toString()
                 .startsWith(QStringLiteral("Today")),
             qPrintable(model.index(1, DueQueueModel::DueColumn).data().toString()));
    QVERIFY(model.index(1, DueQueueModel::DueColumn).data(Qt::DecorationRole).isNull());
    QCOMPARE(model.index(0, DueQueueModel::KindColumn).data().toString(),
             QStringLiteral("Meeting"));
    QCOMPARE(model.index(0, DueQueueModel::NameColumn).data().toString(),
             LeadRepository(m_db->database()).lead(oldest)->fullName());
}

void TestDueQueueModel::readsAgainAfterAChange() {
    const qint64 a = addDue(m_now.addDays(-1));
    addDue(m_now.addSecs(-3600));
    DueQueueModel model(m_db->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([this] { return m_now; });
    QSignalSpy loaded(&model, &DueQueueModel::loaded);
    model.setOwner(QStringLiteral("sam"));
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 2);
    // Done with it: next week's follow-up leaves today's queue.
    set(a, QStringLiteral("next_follow_up_at"), LeadColumns::isoUtc(m_now.addDays(7)));
    model.refreshSoon();
    model.refreshSoon(); // a burst of edits makes one read
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 1);
    QTest::qWait(400);
    QCOMPARE(loaded.size(), 2);
}

void TestDueQueueModel::enterOpensTheLead() {
    addDue(m_now.addDays(-2));
    const qint64 second = addDue(m_now.addDays(-1));
    DueQueuePanel panel(m_db->database(), QStringLiteral("sam"));
    panel.model()->setClock([this] { return m_now; });
    QSignalSpy loaded(panel.model(), &DueQueueModel::loaded);
    panel.model()->refresh();
    panel.resize(600, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTRY_COMPARE(panel.model()->rowCount(), 2);
    QTRY_VERIFY(!panel.model()->isLoading());
    QVERIFY2(panel.findChild<QLabel *>(QStringLiteral("dueQueueSummary"))
                 ->text()
                 .contains(QStringLiteral("2 follow-ups due for sam, 2 overdue")),
             qPrintable(panel.findChild<QLabel *>(QStringLiteral("dueQueueSummary"))->text()));
    QList<qint64> chosen;
    connect(&panel, &DueQueuePanel::leadChosen, this, [&](const Lead &lead) { chosen << lead.id; });
    QTableView *view = panel.view();
    view->setFocus();
    view->setCurrentIndex(panel.model()->index(1, 0));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(chosen, QList<qint64>{second});
}

QTEST_MAIN(TestDueQueueModel)
#include "tst_duequeuemodel.moc"
