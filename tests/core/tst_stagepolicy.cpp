#include "core/domain/lead.h"
#include "core/domain/stagepolicy.h"

#include <QTest>
#include <QTimeZone>

Q_DECLARE_METATYPE(Stage)

// The stage rules a person meets when moving a lead: forward is free, backward needs a note
// (unless it takes back the latest move), closing ends the follow-up, do-not-contact leads get
// no outreach.
class TestStagePolicy : public QObject {
    Q_OBJECT
private slots:
    void moves_data();
    void moves();
    void undoOfTheLatestMoveNeedsNoNote();
    void closingEndsTheFollowUpAndCadence();
    void doNotContactGetsNoOutreach_data();
    void doNotContactGetsNoOutreach();
};

namespace {
Lead lead(Stage stage, bool dnc = false) {
    Lead l;
    l.id = 7;
    l.stage = stage;
    l.doNotContact = dnc;
    return l;
}

Activity stageLine(const char *from, const char *to, const char *actor = "dana") {
    Activity a;
    a.actor = QLatin1String(actor);
    a.kind = ActivityKind::Changed;
    a.field = QStringLiteral("stage");
    a.oldValue = QLatin1String(from);
    a.newValue = QLatin1String(to);
    return a;
}
const QString dana = QStringLiteral("dana");
} // namespace

void TestStagePolicy::moves_data() {
    QTest::addColumn<Stage>("from");
    QTest::addColumn<Stage>("to");
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("refusal");
    const QString none;
    QTest::newRow("forward") << Stage::New << Stage::Qualified << none << none;
    QTest::newRow("to won") << Stage::Opportunity << Stage::Won << none << none;
    QTest::newRow("back without note")
        << Stage::Qualified << Stage::Contacted << none
        << QStringLiteral(
               "lead 7: moving back from qualified to contacted needs a note saying why");
    QTest::newRow("back with note")
        << Stage::Qualified << Stage::Contacted << QStringLiteral("budget frozen") << none;
    QTest::newRow("reopen without note")
        << Stage::Lost << Stage::Nurturing << QStringLiteral("  ")
        << QStringLiteral("lead 7: moving back from lost to nurturing needs a note saying why");
    QTest::newRow("disqualified without a reason")
        << Stage::Contacted << Stage::Disqualified << QStringLiteral("not for us")
        << QStringLiteral("lead 7 needs a reason to be disqualified: disqualify it with one of "
                          "no-budget, no-need, competitor, bad-data, student, test-lead, dnc, "
                          "other");
}

void TestStagePolicy::moves() {
    QFETCH(Stage, from);
    QFETCH(Stage, to);
    QFETCH(QString, note);
    QFETCH(QString, refusal);
    Lead after = lead(to);
    QCOMPARE(StagePolicy::refusal(lead(from), after, {}, note, std::nullopt, dana), refusal);
}

void TestStagePolicy::undoOfTheLatestMoveNeedsNoNote() {
    // qualified -> opportunity -> disqualified, then the disqualification taken back.
    QList<Activity> lines{stageLine("qualified", "opportunity"),
                          stageLine("opportunity", "disqualified")};
    std::optional<StagePolicy::Move> latest = StagePolicy::latestMove(lines);
    QVERIFY(latest);
    QCOMPARE(latest->to, Stage::Disqualified);
    QCOMPARE(StagePolicy::refusal(lead(Stage::Disqualified), lead(Stage::Opportunity), {}, {},
                                  latest, dana),
             QString());
    // Once taken back, the move before it is the one an undo may take back: not a jump further.
    lines << stageLine("disqualified", "opportunity");
    latest = StagePolicy::latestMove(lines);
    QCOMPARE(latest->from, Stage::Qualified);
    QCOMPARE(StagePolicy::refusal(lead(Stage::Opportunity), lead(Stage::Qualified), {}, {}, latest,
                                  dana),
             QString());
    QVERIFY(!StagePolicy::refusal(lead(Stage::Opportunity), lead(Stage::New), {}, {}, latest, dana)
                 .isEmpty());
    // Someone else's move is not an undo: taking it back is a decision that needs its reason.
    latest = StagePolicy::latestMove({stageLine("contacted", "qualified", "alex")});
    QCOMPARE(latest->actor, QStringLiteral("alex"));
    QCOMPARE(StagePolicy::refusal(lead(Stage::Qualified), lead(Stage::Contacted), {}, {}, latest,
                                  QStringLiteral("alex")),
             QString());
    QCOMPARE(
        StagePolicy::refusal(lead(Stage::Qualified), lead(Stage::Contacted), {}, {}, latest, dana),
        QStringLiteral("lead 7: moving back from qualified to contacted needs a note saying "
                       "why"));
}

void TestStagePolicy::closingEndsTheFollowUpAndCadence() {
    Lead before = lead(Stage::Nurturing);
    before.nextFollowUpAt = QDateTime(QDate(2026, 12, 3), QTime(9, 0), QTimeZone::utc());
    FollowUpPlan plan;
    plan.kind = QStringLiteral("call");
    plan.cadence = QStringLiteral("Contact me");
    plan.cadenceStep = 3;
    Lead after = before;
    after.stage = Stage::Won;
    StagePolicy::settle(before, after, plan);
    QVERIFY(!after.nextFollowUpAt.isValid());
    QVERIFY(plan.kind.isEmpty());
    QVERIFY(plan.cadence.isEmpty());
    QCOMPARE(plan.cadenceStep, 0);
    // An open lead keeps both.
    FollowUpPlan kept;
    kept.kind = QStringLiteral("email");
    Lead open = before;
    open.stage = Stage::Qualified;
    StagePolicy::settle(before, open, kept);
    QCOMPARE(open.nextFollowUpAt, before.nextFollowUpAt);
    QCOMPARE(kept.kind, QStringLiteral("email"));
}

void TestStagePolicy::doNotContactGetsNoOutreach_data() {
    QTest::addColumn<Stage>("to");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("schedule");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("contacted") << Stage::Contacted << QString() << false
                               << QStringLiteral("lead 7 is do-not-contact: it cannot move to "
                                                 "contacted");
    QTest::newRow("nurturing") << Stage::Nurturing << QString() << false
                               << QStringLiteral("lead 7 is do-not-contact: it cannot move to "
                                                 "nurturing");
    QTest::newRow("disqualified") << Stage::Disqualified << QString() << false << QString();
    QTest::newRow("call") << Stage::New << QStringLiteral("call") << true
                          << QStringLiteral("lead 7 is do-not-contact: no call can be scheduled "
                                            "(a task can)");
    QTest::newRow("no kind") << Stage::New << QString() << true
                             << QStringLiteral("lead 7 is do-not-contact: no outreach can be "
                                               "scheduled (a task can)");
    QTest::newRow("task") << Stage::New << QStringLiteral("task") << true << QString();
}

void TestStagePolicy::doNotContactGetsNoOutreach() {
    QFETCH(Stage, to);
    QFETCH(QString, kind);
    QFETCH(bool, schedule);
    QFETCH(QString, refusal);
    const Lead before = lead(Stage::New, true);
    Lead after = before;
    after.stage = to;
    if (to == Stage::Disqualified)
        after.disqualifyReason = QStringLiteral("dnc");
    if (schedule)
        after.nextFollowUpAt = QDateTime(QDate(2026, 12, 3), QTime(9, 0), QTimeZone::utc());
    FollowUpPlan plan;
    plan.kind = kind;
    QCOMPARE(StagePolicy::refusal(before, after, plan, {}, std::nullopt, dana), refusal);
}

QTEST_APPLESS_MAIN(TestStagePolicy)
#include "tst_stagepolicy.moc"
