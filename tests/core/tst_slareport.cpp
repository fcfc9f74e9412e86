#include "core/nurture/leadnurturer.h"
#include "core/storage/leadrepository.h"
#include "core/storage/slareport.h"
#include "testdatabase.h"

#include <QTest>
#include <QTimeZone>

// The first-touch SLA against SQLite and PostgreSQL: which leads are past the target, per rep,
// and as a lead filter; the target kept in the database.
class TestSlaReport : public QObject {
    Q_OBJECT
private slots:
    void breaches_data() { TestDatabase::addBackendRows(); }
    void breaches();
};

namespace {
const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc());

qint64 add(const Database &db, const char *email, const char *owner, int hoursAgo,
           Stage stage = Stage::New, int followUps = 0) {
    Lead l;
    l.storefront = Storefront::AppSource;
    l.action = QStringLiteral("PLT");
    l.offerId = QStringLiteral("contoso.analytics");
    l.email = QLatin1String(email);
    l.owner = QLatin1String(owner);
    l.createdAt = now.addSecs(-3600 * hoursAgo);
    l.lastEventAt = l.createdAt;
    l.stage = stage;
    l.followUps = followUps;
    return TestDatabase::insertLead(db, l);
}

bool touchAt(const Database &db, qint64 id, const QDateTime &at) {
    LeadNurturer n(db);
    n.setNow(at);
    Touch t;
    t.kind = TouchKind::Call;
    t.outcome = QStringLiteral("spoke");
    return n.logTouch(id, 0, t, std::nullopt, QStringLiteral("sam")).ok();
}
} // namespace

void TestSlaReport::breaches() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const qint64 quick = add(db, "quick@a.com", "sam", 50);     // touched 2 h after creation
    const qint64 late = add(db, "late@a.com", "sam", 50);       // touched 30 h after
    const qint64 waiting = add(db, "waiting@a.com", "sam", 30); // untouched, past 24 h
    add(db, "fresh@a.com", "sam", 3);                           // untouched, not yet past
    const qint64 ines = add(db, "ines@a.com", "ines", 40);      // untouched, past
    add(db, "lost@a.com", "sam", 80, Stage::Lost);              // closed: no longer waiting
    add(db, "imported@a.com", "sam", 80, Stage::Contacted, 2);  // touched, when unknown
    QVERIFY(touchAt(db, quick, now.addSecs(-48 * 3600)));
    QVERIFY(touchAt(db, late, now.addSecs(-20 * 3600)));

    SlaReport report(db);
    QCOMPARE(report.targetHours(), 24);
    LeadFilter filter;
    filter.slaBreached = true;
    filter.slaNow = now;
    QList<qint64> ids;
    const LeadRepository leads(db);
    for (const Lead &l : leads.page(filter, LeadSort{QStringLiteral("id"), false}, nullptr, 100))
        ids << l.id;
    QCOMPARE(ids, (QList<qint64>{late, waiting, ines}));

    const QList<RepSla> reps = report.perRep(now);
    QVERIFY2(report.lastError().isEmpty(), qPrintable(report.lastError()));
    QCOMPARE(reps.size(), 2);
    QCOMPARE(reps.at(0).owner, QStringLiteral("ines"));
    QCOMPARE(reps.at(0).breached, 1);
    QCOMPARE(reps.at(1).owner, QStringLiteral("sam"));
    QCOMPARE(reps.at(1).leads, 6);
    QCOMPARE(reps.at(1).touched, 3);
    QCOMPARE(reps.at(1).breached, 2);
    QCOMPARE(reps.at(1).averageHours, 16.0); // (2 + 30) / 2

    // A looser target: only the lead waiting 40 hours is past 36.
    QVERIFY(report.setTargetHours(36));
    QCOMPARE(SlaReport(db).targetHours(), 36);
    filter.slaTargetHours = 36;
    ids.clear();
    for (const Lead &l : leads.page(filter, LeadSort{QStringLiteral("id"), false}, nullptr, 100))
        ids << l.id;
    QCOMPARE(ids, (QList<qint64>{ines}));
    QVERIFY(!report.setTargetHours(0));
}

QTEST_MAIN(TestSlaReport)
#include "tst_slareport.moc"
