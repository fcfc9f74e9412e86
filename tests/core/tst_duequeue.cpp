#include "core/nurture/leadnurturer.h"
#include "core/storage/duequeue.h"
#include "core/storage/migrator.h"
#include "testdatabase.h"

#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <functional>

// The Due queue against SQLite and PostgreSQL: a rep's overdue and today's follow-ups, oldest
// first, without test, closed, do-not-contact or other reps' leads, read on an index.
class TestDueQueue : public QObject {
    Q_OBJECT
private slots:
    void contentsAndOrder_data() { TestDatabase::addBackendRows(); }
    void contentsAndOrder();
    void readOnTheOwnerIndex();
};

namespace {

const QDateTime now(QDate(2026, 12, 1), QTime(15, 0), QTimeZone::utc());

qint64 add(const Database &db, const char *email, const QDateTime &due,
           const std::function<void(Lead &)> &shape = {}) {
    Lead l;
    l.storefront = Storefront::AzureMarketplace;
    l.action = QStringLiteral("INS");
    l.offerId = QStringLiteral("contoso.analytics");
    l.email = QLatin1String(email);
    l.owner = QStringLiteral("sam");
    l.stage = Stage::Contacted;
    l.createdAt = now.addDays(-10);
    l.lastEventAt = l.createdAt;
    l.nextFollowUpAt = due;
    if (shape)
        shape(l);
    return TestDatabase::insertLead(db, l);
}

} // namespace

void TestDueQueue::contentsAndOrder() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const qint64 today = add(db, "today@a.com", now.addSecs(3 * 3600)); // 18:00 today
    const qint64 old = add(db, "old@a.com", now.addDays(-3));
    const qint64 morning = add(db, "morning@a.com", now.addSecs(-6 * 3600)); // 09:00 today
    add(db, "tomorrow@a.com", now.addDays(1));
    add(db, "none@a.com", QDateTime());
    add(db, "test@a.com", now.addDays(-1), [](Lead &l) { l.isTest = true; });
    add(db, "won@a.com", now.addDays(-1), [](Lead &l) { l.stage = Stage::Won; });
    add(db, "dnc@a.com", now.addDays(-1), [](Lead &l) { l.doNotContact = true; });
    add(db, "ines@a.com", now.addDays(-1), [](Lead &l) { l.owner = QStringLiteral("ines"); });
    QVERIFY2(LeadNurturer(db)
                 .schedule(old, 0, now.addDays(-3), TouchKind::Meeting, QStringLiteral("sam"))
                 .ok(),
             "scheduling a meeting");

    const DueQueue queue(db);
    const QList<DueFollowUp> due = queue.of(QStringLiteral("sam"), now);
    QVERIFY2(queue.lastError().isEmpty(), qPrintable(queue.lastError()));
    QList<qint64> ids;
    for (const DueFollowUp &d : due)
        ids << d.lead.id;
    QCOMPARE(ids, (QList<qint64>{old, morning, today}));
    QVERIFY(due.at(0).overdue);
    QCOMPARE(due.at(0).kind, QStringLiteral("meeting"));
    QVERIFY(!due.at(1).overdue);
    QVERIFY(!due.at(2).overdue);
    QCOMPARE(queue.of(QStringLiteral("ines"), now).size(), 1);
    QCOMPARE(queue.of(QStringLiteral("sam"), now, 1).size(), 1);
}

void TestDueQueue::readOnTheOwnerIndex() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    QSqlQuery q(t->database().connection());
    QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") +
                   QString(DueQueue::sql())
                       .replace(QStringLiteral("owner = ?"), QStringLiteral("owner = 'sam'"))
                       .replace(QStringLiteral("next_follow_up_at < ?"),
                                QStringLiteral("next_follow_up_at < '2026-12-02'"))));
    QStringList plan;
    while (q.next())
        plan << q.value(3).toString();
    const QString text = plan.join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QStringLiteral("USING INDEX leads_due")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("TEMP B-TREE")), qPrintable(text)); // no sort
}

QTEST_MAIN(TestDueQueue)
#include "tst_duequeue.moc"
