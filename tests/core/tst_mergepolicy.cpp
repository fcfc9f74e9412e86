#include "core/domain/lead.h"
#include "core/domain/leaddiff.h"
#include "core/domain/mergepolicy.h"

#include <QTest>
#include <QTimeZone>

// How a later marketplace record shapes its lead, without a database: what is filled, what
// moves, and what the team owns and a record never touches.
class TestMergePolicy : public QObject {
    Q_OBJECT
private slots:
    void createdTakesTheRecordTime();
    void fillsOnlyEmptyFields();
    void newestRecordSaysWhereTheCustomerIs();
    void olderRecordMovesCreationBack();
    void dncMarksButNeverMovesTheStage();
    void teamFieldsUntouched();
    void diffNamesEveryChangedColumn();
    void clearedDoNotContactStaysCleared();
    void samePersonOnlyWhenUnambiguous();
};

namespace {

QDateTime day(int d) {
    return QDateTime(QDate(2026, 5, 1).addDays(d), QTime(9, 0), QTimeZone::utc());
}

Lead stored() {
    Lead l;
    l.id = 7;
    l.storefront = Storefront::AppSource;
    l.action = QStringLiteral("PLT");
    l.offerId = QStringLiteral("contoso.crm");
    l.firstName = QStringLiteral("Ana");
    l.email = QStringLiteral("ana@fabrikam.com");
    l.createdAt = day(10);
    l.lastEventAt = day(10);
    l.events = 1;
    return l;
}

} // namespace

void TestMergePolicy::createdTakesTheRecordTime() {
    Lead incoming = stored();
    incoming.createdAt = {};
    incoming.lastEventAt = {};
    incoming.events = 0;
    incoming.email = QStringLiteral("ana@uni.edu");
    const Lead l = MergePolicy::created(incoming, day(3));
    QCOMPARE(l.createdAt, day(3));
    QCOMPARE(l.lastEventAt, day(3));
    QCOMPARE(l.events, 1);
    QVERIFY(l.privacyRestricted);
    // A complete lead (an export read back) keeps its own times and counters.
    Lead exported = stored();
    exported.events = 4;
    exported.createdAt = day(1);
    exported.lastEventAt = day(8);
    const Lead kept = MergePolicy::created(exported, day(8));
    QCOMPARE(kept.events, 4);
    QCOMPARE(kept.createdAt, day(1));
    QCOMPARE(kept.lastEventAt, day(8));
}

void TestMergePolicy::fillsOnlyEmptyFields() {
    Lead incoming = stored();
    incoming.email = QStringLiteral("ANA@other.com");
    incoming.firstName = QStringLiteral("Anabela");
    incoming.phone = QStringLiteral("+351 21 000");
    incoming.company = QStringLiteral("Fabrikam");
    const Lead l = MergePolicy::merged(stored(), incoming, day(12));
    QCOMPARE(l.email, QStringLiteral("ana@fabrikam.com"));
    QCOMPARE(l.firstName, QStringLiteral("Ana"));
    QCOMPARE(l.phone, QStringLiteral("+351 21 000"));
    QCOMPARE(l.company, QStringLiteral("Fabrikam"));
    QCOMPARE(l.events, 2);
}

void TestMergePolicy::newestRecordSaysWhereTheCustomerIs() {
    Lead install = stored();
    install.action = QStringLiteral("INS");
    install.storefront = Storefront::AzureMarketplace;
    const Lead l = MergePolicy::merged(stored(), install, day(15));
    QCOMPARE(l.action, QStringLiteral("INS"));
    QCOMPARE(l.storefront, Storefront::AzureMarketplace);
    QCOMPARE(l.lastEventAt, day(15));
    QCOMPARE(l.createdAt, day(10));
}

void TestMergePolicy::olderRecordMovesCreationBack() {
    Lead older = stored();
    older.action = QStringLiteral("StartTestDrive");
    const Lead l = MergePolicy::merged(stored(), older, day(2));
    QCOMPARE(l.createdAt, day(2));
    QCOMPARE(l.lastEventAt, day(10));
    QCOMPARE(l.action, QStringLiteral("PLT")); // an older touch is not where they are now
}

void TestMergePolicy::dncMarksButNeverMovesTheStage() {
    Lead working = stored();
    working.stage = Stage::Qualified;
    Lead dnc = stored();
    dnc.action = QStringLiteral("DNC");
    const Lead l = MergePolicy::merged(working, dnc, day(20));
    QVERIFY(l.doNotContact);
    QCOMPARE(l.stage, Stage::Qualified);
}

void TestMergePolicy::teamFieldsUntouched() {
    Lead worked = stored();
    worked.stage = Stage::Opportunity;
    worked.owner = QStringLiteral("sam");
    worked.score = 77;
    worked.followUps = 5;
    worked.nextFollowUpAt = day(30);
    Lead incoming = stored();
    incoming.owner = QStringLiteral("kim");
    incoming.score = 10;
    incoming.stage = Stage::Lost;
    const Lead l = MergePolicy::merged(worked, incoming, day(21));
    QCOMPARE(l.stage, Stage::Opportunity);
    QCOMPARE(l.owner, QStringLiteral("sam"));
    QCOMPARE(l.score, 77);
    QCOMPARE(l.followUps, 5);
    QCOMPARE(l.nextFollowUpAt, day(30));
}

void TestMergePolicy::diffNamesEveryChangedColumn() {
    const Lead before = stored();
    Lead after = before;
    after.score = 40;
    after.doNotContact = true;
    after.nextFollowUpAt = day(2);
    const QList<Activity> lines = LeadDiff::changes(before, after);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0).field, QStringLiteral("score"));
    QCOMPARE(lines.at(0).oldValue, QVariant(0));
    QCOMPARE(lines.at(0).newValue, QVariant(40));
    QCOMPARE(lines.at(1).field, QStringLiteral("next_follow_up_at"));
    QCOMPARE(lines.at(1).oldValue, QVariant(QString()));
    QCOMPARE(lines.at(1).newValue, QVariant(QStringLiteral("2026-05-03T09:00:00Z")));
    QCOMPARE(lines.at(2).field, QStringLiteral("do_not_contact"));
    QCOMPARE(lines.at(2).newValue, QVariant(true));
    QVERIFY(LeadDiff::changes(before, before).isEmpty());
}

void TestMergePolicy::clearedDoNotContactStaysCleared() {
    // The lead came in as DNC; a rep found out it may be contacted and cleared the flag.
    Lead cleared = stored();
    cleared.action = QStringLiteral("DNC");
    cleared.doNotContact = false;
    Lead olderInstall = stored();
    olderInstall.action = QStringLiteral("INS");
    QVERIFY(!MergePolicy::merged(cleared, olderInstall, day(1)).doNotContact);
    // A new DNC record asks again.
    Lead dnc = stored();
    dnc.action = QStringLiteral("DNC");
    QVERIFY(MergePolicy::merged(cleared, dnc, day(30)).doNotContact);
}

void TestMergePolicy::samePersonOnlyWhenUnambiguous() {
    Lead incoming = stored();
    incoming.email.clear();
    incoming.lastName = QStringLiteral("Silva");
    incoming.company = QStringLiteral("Fabrikam");
    Lead ana = incoming;
    ana.id = 1;
    ana.email = QStringLiteral("ana@fabrikam.com");
    Lead other = ana;
    other.id = 2;
    other.firstName = QStringLiteral("Bea"); // the same hash bucket would still be another name
    QCOMPARE(MergePolicy::samePerson(incoming, {ana, other})->id, 1);
    Lead twin = ana;
    twin.id = 3;
    twin.email = QStringLiteral("ana.silva@fabrikam.com");
    QVERIFY(!MergePolicy::samePerson(incoming, {ana, twin}));
    QVERIFY(!MergePolicy::samePerson(incoming, {}));
}

QTEST_GUILESS_MAIN(TestMergePolicy)
#include "tst_mergepolicy.moc"
