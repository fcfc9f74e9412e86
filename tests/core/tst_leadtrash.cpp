#include "core/nurture/leadnurturer.h"
#include "core/storage/duequeue.h"
#include "core/storage/followupplanstore.h"
#include "core/storage/leadtrash.h"
#include "testdatabase.h"

#include <QTest>
#include <QTimeZone>

// The trash against SQLite and PostgreSQL: a deleted lead comes back with its follow-up plan,
// so its cadence, next follow-up and first touch (the SLA's measure) are as before the delete.
class TestLeadTrash : public QObject {
    Q_OBJECT
private slots:
    void restoreBringsBackTheFollowUpPlan_data() { TestDatabase::addBackendRows(); }
    void restoreBringsBackTheFollowUpPlan();
    void leadWithoutPlanComesBackWithout_data() { TestDatabase::addBackendRows(); }
    void leadWithoutPlanComesBackWithout();
};

namespace {

const QDateTime now(QDate(2026, 12, 1), QTime(15, 0), QTimeZone::utc());

qint64 add(const Database &db, const char *email) {
    Lead l;
    l.storefront = Storefront::AppSource;
    l.action = QStringLiteral("PLT");
    l.offerId = QStringLiteral("contoso.crm");
    l.email = QLatin1String(email);
    l.owner = QStringLiteral("sam");
    l.createdAt = now.addDays(-2);
    l.lastEventAt = l.createdAt;
    return TestDatabase::insertLead(db, l);
}

} // namespace

void TestLeadTrash::restoreBringsBackTheFollowUpPlan() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const qint64 id = add(db, "ana@contoso.com");
    QVERIFY(id > 0);
    LeadNurturer nurturer(db);
    nurturer.setNow(now.addDays(-1));
    QVERIFY(nurturer.enroll({id}, QStringLiteral("Contact me"), QStringLiteral("sam")).at(0).ok());
    Touch call;
    call.kind = TouchKind::Email;
    call.outcome = QStringLiteral("sent");
    const UpdateResult logged = nurturer.logTouch(id, 0, call, std::nullopt, QStringLiteral("sam"));
    QVERIFY2(logged.ok(), qPrintable(logged.error));
    const FollowUpPlan before = *FollowUpPlanStore(db).plan(id);
    QCOMPARE(before.cadence, QStringLiteral("Contact me"));
    QCOMPARE(before.cadenceStep, 1);
    QVERIFY(before.firstTouchAt.isValid());

    LeadTrash trash(db);
    QVERIFY(trash.remove({id}, QStringLiteral("sam")).at(0).ok());
    QVERIFY(FollowUpPlanStore(db).plan(id)->isEmpty());
    const UpdateResult back = trash.restore({id}, QStringLiteral("kim")).at(0);
    QVERIFY2(back.ok(), qPrintable(back.error));
    const FollowUpPlan after = *FollowUpPlanStore(db).plan(id);
    QCOMPARE(after, before);
    // The rep sees it in the Due queue again when its call falls due.
    const QList<DueFollowUp> due = DueQueue(db).of(QStringLiteral("sam"), now.addDays(2));
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.first().lead.id, id);
    QCOMPARE(due.first().cadence, QStringLiteral("Contact me"));
    QCOMPARE(due.first().kind, QStringLiteral("call"));
}

void TestLeadTrash::leadWithoutPlanComesBackWithout() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const qint64 id = add(db, "bo@fabrikam.com");
    LeadTrash trash(db);
    QVERIFY(trash.remove({id}, QStringLiteral("sam")).at(0).ok());
    const UpdateResult back = trash.restore({id}, QStringLiteral("sam")).at(0);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QVERIFY(FollowUpPlanStore(db).plan(id)->isEmpty());
}

QTEST_GUILESS_MAIN(TestLeadTrash)
#include "tst_leadtrash.moc"
