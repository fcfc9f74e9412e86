#include "core/domain/leadcolumns.h"
#include "core/nurture/leadnurturer.h"
#include "core/storage/followupplanstore.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadqualifier.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "testdatabase.h"

#include <QTest>
#include <QTimeZone>

// Nurturing against SQLite and PostgreSQL: logging a touch counts it and schedules the next,
// a cadence schedules each touch in turn and stops on a reply or when the lead closes,
// do-not-contact leads get no outreach, and every step leaves its lines in the timeline.
class TestLeadNurturer : public QObject {
    Q_OBJECT
private slots:
    void touchCountsAndSchedules_data() { TestDatabase::addBackendRows(); }
    void touchCountsAndSchedules();
    void cadenceSchedulesEachTouch_data() { TestDatabase::addBackendRows(); }
    void cadenceSchedulesEachTouch();
    void responseEndsTheCadence_data() { TestDatabase::addBackendRows(); }
    void responseEndsTheCadence();
    void closingEndsTheCadence_data() { TestDatabase::addBackendRows(); }
    void closingEndsTheCadence();
    void doNotContactRefusals_data() { TestDatabase::addBackendRows(); }
    void doNotContactRefusals();
    void closedAndTestLeadsGetNoTouchOrFollowUp_data() { TestDatabase::addBackendRows(); }
    void closedAndTestLeadsGetNoTouchOrFollowUp();
    void backwardMoveNeedsANote_data() { TestDatabase::addBackendRows(); }
    void backwardMoveNeedsANote();
};

namespace {

const QDateTime day0(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc());

Lead person(Stage stage = Stage::New, bool dnc = false) {
    Lead l;
    l.storefront = Storefront::AppSource;
    l.action = dnc ? QStringLiteral("DNC") : QStringLiteral("PLT");
    l.offerId = QStringLiteral("contoso.analytics");
    l.firstName = QStringLiteral("Ana");
    l.lastName = QStringLiteral("Silva");
    l.email = QStringLiteral("ana.silva@fabrikam.com");
    l.company = QStringLiteral("Fabrikam");
    l.owner = QStringLiteral("sam");
    l.stage = stage;
    l.doNotContact = dnc;
    l.createdAt = day0.addSecs(-3600);
    l.lastEventAt = l.createdAt;
    return l;
}

Touch touch(TouchKind kind, const char *outcome) {
    Touch t;
    t.kind = kind;
    t.outcome = QLatin1String(outcome);
    return t;
}

// The timeline's lines: "actor kind field old -> new note".
QStringList timeline(const Database &db, qint64 id) {
    QStringList out;
    for (const Activity &a : LeadHistory(db).activities(id))
        if (a.actor != QLatin1String("system"))
            out << QStringLiteral("%1 %2 %3 %4 -> %5 %6")
                       .arg(a.actor, ActivityKinds::canonicalName(a.kind), a.field,
                            LeadColumns::valueText(a.oldValue), LeadColumns::valueText(a.newValue),
                            a.note)
                       .simplified();
    return out;
}

} // namespace

void TestLeadNurturer::touchCountsAndSchedules() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const qint64 id = TestDatabase::insertLead(t->database(), person());
    LeadNurturer nurturer(t->database());
    nurturer.setNow(day0);
    const QDateTime friday(QDate(2026, 12, 4), QTime(14, 0), QTimeZone::utc());
    const UpdateResult r = nurturer.logTouch(id, 0, touch(TouchKind::Call, "left a voicemail"),
                                             NurturePolicy::NextFollowUp{friday, TouchKind::Email},
                                             QStringLiteral("sam"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.lead->followUps, 1);
    QCOMPARE(r.lead->stage, Stage::Contacted); // a new lead reached out to
    QCOMPARE(r.lead->nextFollowUpAt, friday);
    const FollowUpPlan plan = *FollowUpPlanStore(t->database()).plan(id);
    QCOMPARE(plan.kind, QStringLiteral("email"));
    QCOMPARE(plan.firstTouchAt, day0);
    QCOMPARE(plan.firstTouchSeconds, 3600);
    const QStringList lines = timeline(t->database(), id);
    QVERIFY2(lines.contains(QStringLiteral("sam touch call -> left a voicemail")),
             qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY(lines.contains(QStringLiteral("sam changed follow_ups 0 -> 1")));
    QVERIFY(lines.contains(QStringLiteral("sam changed stage new -> contacted")));
    QVERIFY(
        lines.contains(QStringLiteral("sam changed next_follow_up_at -> 2026-12-04T14:00:00Z")));
    QVERIFY(lines.contains(QStringLiteral("sam changed next_follow_up_kind -> email")));

    // The follow-up done, with nothing asked for next: none is left; the first touch stays.
    nurturer.setNow(friday);
    const UpdateResult second =
        nurturer.logTouch(id, r.lead->version, touch(TouchKind::Email, "sent the deck"),
                          std::nullopt, QStringLiteral("ines"));
    QVERIFY2(second.ok(), qPrintable(second.error));
    QCOMPARE(second.lead->followUps, 2);
    QVERIFY(!second.lead->nextFollowUpAt.isValid());
    QCOMPARE(FollowUpPlanStore(t->database()).plan(id)->firstTouchAt, day0);
    // A note is no outreach: it counts, and leaves the follow-up alone.
    LeadWriter(t->database())
        .update(id, 0, LeadChanges().set(QStringLiteral("next_follow_up_at"), friday.addDays(3)),
                QStringLiteral("sam"));
    const UpdateResult note =
        nurturer.logTouch(id, 0, touch(TouchKind::Note, "read the pricing page"), std::nullopt,
                          QStringLiteral("sam"));
    QVERIFY2(note.ok(), qPrintable(note.error));
    QCOMPARE(note.lead->followUps, 3);
    QCOMPARE(note.lead->nextFollowUpAt, friday.addDays(3));
    // A stale version is a conflict and stores nothing.
    const UpdateResult stale = nurturer.logTouch(id, r.lead->version, touch(TouchKind::Call, "x"),
                                                 std::nullopt, QStringLiteral("sam"));
    QCOMPARE(stale.status, UpdateResult::Status::Conflict);
    QCOMPARE(LeadRepository(t->database()).lead(id)->followUps, 3);
}

void TestLeadNurturer::cadenceSchedulesEachTouch() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const qint64 id = TestDatabase::insertLead(t->database(), person());
    LeadNurturer nurturer(t->database());
    nurturer.setNow(day0);
    const QList<UpdateResult> enrolled =
        nurturer.enroll({id}, QStringLiteral("contact me"), QStringLiteral("sam"));
    QVERIFY2(enrolled.first().ok(), qPrintable(enrolled.first().error));
    QCOMPARE(enrolled.first().lead->nextFollowUpAt, day0); // day 0: an email now
    QCOMPARE(FollowUpPlanStore(t->database()).plan(id)->kind, QStringLiteral("email"));
    QVERIFY(
        timeline(t->database(), id).contains(QStringLiteral("sam changed cadence -> Contact me")));
    // Each touch logged on its day schedules the next: day 2 call, day 5 email, day 9 call.
    const QList<std::pair<int, const char *>> expected = {{2, "call"}, {5, "email"}, {9, "call"}};
    QDateTime now = day0;
    for (const auto &[day, kind] : expected) {
        const UpdateResult r = nurturer.logTouch(id, 0, touch(TouchKind::Email, "no answer"),
                                                 std::nullopt, QStringLiteral("sam"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.lead->nextFollowUpAt, day0.addDays(day));
        QCOMPARE(FollowUpPlanStore(t->database()).plan(id)->kind, QLatin1String(kind));
        now = day0.addDays(day);
        nurturer.setNow(now);
    }
    QCOMPARE(LeadRepository(t->database()).lead(id)->followUps, 3);
    // The last touch ends the cadence.
    FollowUpPlan plan = *FollowUpPlanStore(t->database()).plan(id);
    plan.cadenceStep = 7;
    QVERIFY(FollowUpPlanStore(t->database()).save(id, plan));
    const UpdateResult last = nurturer.logTouch(id, 0, touch(TouchKind::Call, "no answer"),
                                                std::nullopt, QStringLiteral("sam"));
    QVERIFY2(last.ok(), qPrintable(last.error));
    QVERIFY(!last.lead->nextFollowUpAt.isValid());
    QVERIFY(FollowUpPlanStore(t->database()).plan(id)->cadence.isEmpty());
}

void TestLeadNurturer::responseEndsTheCadence() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const qint64 id = TestDatabase::insertLead(t->database(), person());
    LeadNurturer nurturer(t->database());
    nurturer.setNow(day0);
    QVERIFY(nurturer.enroll({id}, QStringLiteral("Trial and install"), QStringLiteral("sam"))
                .first()
                .ok());
    const UpdateResult r = nurturer.logTouch(id, 0, touch(TouchKind::Email, "Responded"),
                                             std::nullopt, QStringLiteral("sam"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(!r.lead->nextFollowUpAt.isValid());
    QVERIFY(FollowUpPlanStore(t->database()).plan(id)->cadence.isEmpty());
    QVERIFY(timeline(t->database(), id)
                .contains(QStringLiteral("sam changed cadence Trial and install ->")));
    // An unknown cadence enrols no one.
    const UpdateResult unknown =
        nurturer.enroll({id}, QStringLiteral("Nope"), QStringLiteral("sam")).first();
    QCOMPARE(unknown.status, UpdateResult::Status::Invalid);
    QCOMPARE(unknown.error, QStringLiteral("no cadence named \"Nope\""));
}

void TestLeadNurturer::closingEndsTheCadence() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const qint64 id = TestDatabase::insertLead(t->database(), person(Stage::Contacted));
    LeadNurturer nurturer(t->database());
    nurturer.setNow(day0);
    QVERIFY(
        nurturer.enroll({id}, QStringLiteral("Contact me"), QStringLiteral("sam")).first().ok());
    const UpdateResult lost =
        LeadWriter(t->database())
            .update(id, 0, LeadChanges().set(QStringLiteral("stage"), QStringLiteral("lost")),
                    QStringLiteral("sam"));
    QVERIFY2(lost.ok(), qPrintable(lost.error));
    QVERIFY(!lost.lead->nextFollowUpAt.isValid());
    const FollowUpPlan plan = *FollowUpPlanStore(t->database()).plan(id);
    QVERIFY(plan.cadence.isEmpty());
    QVERIFY(plan.kind.isEmpty());
    // A closed lead joins no cadence; disqualifying (the qualifier's step) still closes.
    const UpdateResult again =
        nurturer.enroll({id}, QStringLiteral("Contact me"), QStringLiteral("sam")).first();
    QCOMPARE(again.status, UpdateResult::Status::Invalid);
    QCOMPARE(again.error,
             QStringLiteral("lead %1 is closed (lost): it cannot join a cadence").arg(id));
    const qint64 other = TestDatabase::insertLead(t->database(), [] {
        Lead l = person(Stage::Contacted);
        l.email = QStringLiteral("bo@fabrikam.com");
        return l;
    }());
    QVERIFY(
        nurturer.enroll({other}, QStringLiteral("Contact me"), QStringLiteral("sam")).first().ok());
    const UpdateResult out =
        LeadQualifier(t->database())
            .disqualify(other, 0, QStringLiteral("no-budget"), QString(), QStringLiteral("sam"));
    QVERIFY2(out.ok(), qPrintable(out.error));
    QVERIFY(FollowUpPlanStore(t->database()).plan(other)->cadence.isEmpty());
}

void TestLeadNurturer::doNotContactRefusals() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const qint64 id = TestDatabase::insertLead(t->database(), person(Stage::New, true));
    LeadNurturer nurturer(t->database());
    nurturer.setNow(day0);
    const UpdateResult call =
        nurturer.schedule(id, 0, day0.addDays(1), TouchKind::Call, QStringLiteral("sam"));
    QCOMPARE(call.status, UpdateResult::Status::Invalid);
    QCOMPARE(
        call.error,
        QStringLiteral("lead %1 is do-not-contact: no call can be scheduled (a task can)").arg(id));
    const UpdateResult contacted =
        LeadWriter(t->database())
            .update(id, 0, LeadChanges().set(QStringLiteral("stage"), QStringLiteral("contacted")),
                    QStringLiteral("sam"));
    QCOMPARE(contacted.status, UpdateResult::Status::Invalid);
    QCOMPARE(contacted.error,
             QStringLiteral("lead %1 is do-not-contact: it cannot move to contacted").arg(id));
    QCOMPARE(
        nurturer.enroll({id}, QStringLiteral("Contact me"), QStringLiteral("sam")).first().status,
        UpdateResult::Status::Invalid);
    const Lead unchanged = *LeadRepository(t->database()).lead(id);
    QCOMPARE(unchanged.stage, Stage::New);
    QVERIFY(!unchanged.nextFollowUpAt.isValid());
    // A task of one's own is no outreach.
    const UpdateResult task =
        nurturer.schedule(id, 0, day0.addDays(1), TouchKind::Task, QStringLiteral("sam"));
    QVERIFY2(task.ok(), qPrintable(task.error));
    QCOMPARE(FollowUpPlanStore(t->database()).plan(id)->kind, QStringLiteral("task"));
}

void TestLeadNurturer::closedAndTestLeadsGetNoTouchOrFollowUp() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const qint64 won = TestDatabase::insertLead(t->database(), person(Stage::Won));
    Lead test = person(Stage::New);
    test.email = QStringLiteral("msft_test_ana@contoso.com");
    test.isTest = true;
    const qint64 testLead = TestDatabase::insertLead(t->database(), test);
    const qint64 dnc = TestDatabase::insertLead(t->database(), [] {
        Lead l = person(Stage::New, true);
        l.email = QStringLiteral("dnc@contoso.com");
        return l;
    }());
    LeadNurturer nurturer(t->database());
    nurturer.setNow(day0);
    // What the window does not offer these leads, no other way in takes either.
    const UpdateResult call =
        nurturer.schedule(won, 0, day0.addDays(1), TouchKind::Call, QStringLiteral("sam"));
    QCOMPARE(call.status, UpdateResult::Status::Invalid);
    QCOMPARE(call.error,
             QStringLiteral("lead %1 is closed (won): it gets no follow-up until it is reopened")
                 .arg(won));
    const QList<std::pair<qint64, QString>> refused = {
        {won, QStringLiteral("lead %1 is closed (won): it gets no touches")},
        {testLead, QStringLiteral("lead %1 is a test lead: it gets no touches")},
        {dnc, QStringLiteral("lead %1 is do-not-contact: it gets no touches")}};
    for (const auto &[id, message] : refused) {
        const Lead before = *LeadRepository(t->database()).lead(id);
        const UpdateResult r = nurturer.logTouch(id, 0, touch(TouchKind::Call, "left a voicemail"),
                                                 std::nullopt, QStringLiteral("sam"));
        QCOMPARE(r.status, UpdateResult::Status::Invalid);
        QCOMPARE(r.error, message.arg(id));
        const Lead after = *LeadRepository(t->database()).lead(id);
        QCOMPARE(after.version, before.version);
        QCOMPARE(after.followUps, before.followUps);
    }
    // Reopened, the lead is followed up again.
    QVERIFY(LeadWriter(t->database())
                .update(won, 0,
                        LeadChanges()
                            .set(QStringLiteral("stage"), QStringLiteral("qualified"))
                            .setNote(QStringLiteral("the deal fell through")),
                        QStringLiteral("sam"))
                .ok());
    QVERIFY(
        nurturer.schedule(won, 0, day0.addDays(1), TouchKind::Call, QStringLiteral("sam")).ok());
}

void TestLeadNurturer::backwardMoveNeedsANote() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const qint64 id = TestDatabase::insertLead(t->database(), person(Stage::Qualified));
    LeadWriter writer(t->database());
    const UpdateResult refused = writer.update(
        id, 0, LeadChanges().set(QStringLiteral("stage"), QStringLiteral("contacted")),
        QStringLiteral("sam"));
    QCOMPARE(refused.status, UpdateResult::Status::Invalid);
    QCOMPARE(refused.error,
             QStringLiteral("lead %1: moving back from qualified to contacted needs a note saying "
                            "why")
                 .arg(id));
    const UpdateResult moved =
        writer.update(id, 0,
                      LeadChanges()
                          .set(QStringLiteral("stage"), QStringLiteral("contacted"))
                          .setNote(QStringLiteral("budget frozen until Q3")),
                      QStringLiteral("sam"));
    QVERIFY2(moved.ok(), qPrintable(moved.error));
    const QStringList lines = timeline(t->database(), id);
    QVERIFY(lines.contains(QStringLiteral("sam changed stage qualified -> contacted")));
    QVERIFY(lines.contains(QStringLiteral("sam note -> budget frozen until Q3")));
    // Forward again is free; taking that move back at once is an undo and needs no note.
    const UpdateResult forward = writer.update(
        id, 0, LeadChanges().set(QStringLiteral("stage"), QStringLiteral("opportunity")),
        QStringLiteral("sam"));
    QVERIFY2(forward.ok(), qPrintable(forward.error));
    const UpdateResult undo = writer.update(
        id, 0, LeadChanges().set(QStringLiteral("stage"), QStringLiteral("contacted")),
        QStringLiteral("sam"));
    QVERIFY2(undo.ok(), qPrintable(undo.error));
}

QTEST_MAIN(TestLeadNurturer)
#include "tst_leadnurturer.moc"
