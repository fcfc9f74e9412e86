#include "core/domain/lead.h"
#include "core/domain/leadcolumns.h"
#include "core/domain/leaddiff.h"
#include "core/domain/opportunitydetails.h"
#include "core/domain/qualificationpolicy.h"

#include <QTest>
#include <QTimeZone>

// The steps from lead to opportunity without a database: which stages may take each step, what
// is refused and why, and the columns each step changes (what the timeline shows and an undo
// writes back).
class TestQualificationPolicy : public QObject {
    Q_OBJECT
private slots:
    void bantByDefault();
    void qualifyFromStage_data();
    void qualifyFromStage();
    void qualifyNeedsEveryPrerequisite();
    void qualifyRefusesDncAndTestLeads();
    void qualifyClearsAnOldDisqualification();
    void tickAndUntick();
    void configuredPrerequisites();
    void convertFromStage_data();
    void convertFromStage();
    void convertNeedsEveryDetail();
    void disqualify_data();
    void disqualify();
};

namespace {

const QDateTime now(QDate(2026, 12, 1), QTime(10, 0), QTimeZone::utc());

const QStringList bant = {QStringLiteral("budget"), QStringLiteral("authority"),
                          QStringLiteral("need"), QStringLiteral("timeline")};

Lead lead(Stage stage = Stage::Contacted) {
    Lead l;
    l.id = 42;
    l.email = QStringLiteral("ana@fabrikam.com");
    l.offerId = QStringLiteral("contoso.crm");
    l.stage = stage;
    l.nextFollowUpAt = now.addDays(2);
    return l;
}

// The lead after a step, as the versioned edit would store it; a failure names the problem.
Lead after(const Lead &before, const QualificationPolicy::Step &step) {
    Lead l = before;
    const QString problem = step.changes.applyTo(l);
    if (!problem.isEmpty())
        qWarning("%s", qPrintable(problem));
    return l;
}

OpportunityDetails details() {
    OpportunityDetails d;
    d.value = 25000;
    d.currency = QStringLiteral("EUR");
    d.expectedCloseAt = QDateTime(QDate(2027, 3, 31), QTime(0, 0), QTimeZone::utc());
    d.destination = QStringLiteral("co-sell");
    return d;
}

QStringList changedColumns(const Lead &before, const Lead &now) {
    QStringList out;
    for (const Activity &a : LeadDiff::changes(before, now))
        out << a.field;
    return out;
}

} // namespace

void TestQualificationPolicy::bantByDefault() {
    const QualificationPolicy policy;
    QCOMPARE(policy.items(), bant);
    QCOMPARE(policy.prerequisites().first().label, QStringLiteral("Budget"));
    QCOMPARE(policy.missing(Qualification()), bant);
}

void TestQualificationPolicy::qualifyFromStage_data() {
    QTest::addColumn<int>("stage");
    QTest::addColumn<QString>("refusal"); // "" when it qualifies
    QTest::newRow("new") << int(Stage::New) << QString();
    QTest::newRow("contacted") << int(Stage::Contacted) << QString();
    QTest::newRow("nurturing") << int(Stage::Nurturing) << QString();
    QTest::newRow("qualified again") << int(Stage::Qualified) << QString();
    QTest::newRow("opportunity") << int(Stage::Opportunity)
                                 << QStringLiteral("lead 42 is an opportunity already");
    QTest::newRow("won") << int(Stage::Won)
                         << QStringLiteral("lead 42 is won, a closed stage: it cannot be "
                                           "qualified");
    QTest::newRow("lost") << int(Stage::Lost) << QStringLiteral("lead 42 is lost, a closed stage");
    QTest::newRow("disqualified") << int(Stage::Disqualified)
                                  << QStringLiteral("lead 42 is disqualified, a closed stage");
}

void TestQualificationPolicy::qualifyFromStage() {
    QFETCH(int, stage);
    QFETCH(QString, refusal);
    const Lead before = lead(Stage(stage));
    const auto step = QualificationPolicy().qualify(before, bant, QStringLiteral("sam"), now);
    if (!refusal.isEmpty()) {
        QVERIFY2(step.refusal.startsWith(refusal), qPrintable(step.refusal));
        QVERIFY(step.changes.isEmpty());
        return;
    }
    QVERIFY2(step.ok(), qPrintable(step.refusal));
    const Lead l = after(before, step);
    QCOMPARE(l.stage, Stage::Qualified);
    QCOMPARE(l.qualification.items(),
             (QStringList{QStringLiteral("authority"), QStringLiteral("budget"),
                          QStringLiteral("need"), QStringLiteral("timeline")}));
    QCOMPARE(l.qualification.tickOf(QStringLiteral("need")).by, QStringLiteral("sam"));
    QCOMPARE(l.qualification.tickOf(QStringLiteral("need")).at, now);
    QCOMPARE(l.nextFollowUpAt, before.nextFollowUpAt);
}

void TestQualificationPolicy::qualifyNeedsEveryPrerequisite() {
    const QualificationPolicy policy;
    Lead before = lead();
    before.qualification.tick(QStringLiteral("budget"), QStringLiteral("kim"), now.addDays(-3));
    auto step = policy.qualify(before, {QStringLiteral("need")}, QStringLiteral("sam"), now);
    QCOMPARE(step.refusal, QStringLiteral("lead 42 cannot be qualified: authority and timeline "
                                          "are not ticked (--check authority,timeline)"));
    QVERIFY(step.changes.isEmpty());
    step = policy.qualify(
        before, {QStringLiteral("authority"), QStringLiteral(" Timeline "), QStringLiteral("need")},
        QStringLiteral("sam"), now);
    QVERIFY2(step.ok(), qPrintable(step.refusal));
    const Lead l = after(before, step);
    // The tick someone made earlier keeps its name and time.
    QCOMPARE(l.qualification.tickOf(QStringLiteral("budget")).by, QStringLiteral("kim"));
    QCOMPARE(l.qualification.tickOf(QStringLiteral("timeline")).by, QStringLiteral("sam"));
    QCOMPARE(changedColumns(before, l),
             (QStringList{QStringLiteral("stage"), QStringLiteral("qualification")}));
    step = policy.qualify(before, {QStringLiteral("money")}, QStringLiteral("sam"), now);
    QCOMPARE(step.refusal, QStringLiteral("lead 42: \"money\" is not a qualification prerequisite "
                                          "(budget, authority, need, timeline)"));
}

void TestQualificationPolicy::qualifyRefusesDncAndTestLeads() {
    Lead dnc = lead();
    dnc.doNotContact = true;
    auto step = QualificationPolicy().qualify(dnc, bant, QStringLiteral("sam"), now);
    QVERIFY2(step.refusal.contains(QLatin1String("do-not-contact")), qPrintable(step.refusal));
    QVERIFY2(step.refusal.contains(QLatin1String("reason dnc")), qPrintable(step.refusal));
    Lead test = lead();
    test.isTest = true;
    step = QualificationPolicy().qualify(test, bant, QStringLiteral("sam"), now);
    QVERIFY2(step.refusal.contains(QLatin1String("test lead")), qPrintable(step.refusal));
    step = QualificationPolicy().convert(test, details());
    QVERIFY2(step.refusal.contains(QLatin1String("test lead")), qPrintable(step.refusal));
}

void TestQualificationPolicy::qualifyClearsAnOldDisqualification() {
    // Disqualified once, reopened by hand, qualified now: the old reason no longer holds.
    Lead before = lead(Stage::Nurturing);
    before.disqualifyReason = QStringLiteral("no-budget");
    before.disqualifyNote = QStringLiteral("next fiscal year");
    const Lead l =
        after(before, QualificationPolicy().qualify(before, bant, QStringLiteral("sam"), now));
    QCOMPARE(l.stage, Stage::Qualified);
    QVERIFY(l.disqualifyReason.isEmpty());
    QVERIFY(l.disqualifyNote.isEmpty());
}

void TestQualificationPolicy::tickAndUntick() {
    const QualificationPolicy policy;
    const Lead before = lead(Stage::New);
    const auto ticked = policy.tick(before, {QStringLiteral("budget")}, QStringLiteral("sam"), now);
    QVERIFY2(ticked.ok(), qPrintable(ticked.refusal));
    const Lead l = after(before, ticked);
    QCOMPARE(l.stage, Stage::New); // ticking is not qualifying
    QCOMPARE(changedColumns(before, l), QStringList{QStringLiteral("qualification")});
    QVERIFY(l.qualification.isTicked(QStringLiteral("budget")));
    const Lead back = after(l, policy.untick(l, {QStringLiteral("budget")}));
    QVERIFY(back.qualification.isEmpty());
    QCOMPARE(LeadColumns::text(back, QStringLiteral("qualification")), QString());
    QVERIFY(!policy.untick(l, {QStringLiteral("bugdet")}).ok());
}

void TestQualificationPolicy::configuredPrerequisites() {
    const QualificationPolicy policy(
        {{QStringLiteral("need"), QStringLiteral("Need")},
         {QStringLiteral("security-review"), QStringLiteral("Security review passed")}});
    const Lead before = lead();
    auto step = policy.qualify(before, {QStringLiteral("need")}, QStringLiteral("sam"), now);
    QCOMPARE(step.refusal, QStringLiteral("lead 42 cannot be qualified: security-review is not "
                                          "ticked (--check security-review)"));
    step = policy.qualify(before, {QStringLiteral("budget")}, QStringLiteral("sam"), now);
    QVERIFY2(step.refusal.contains(QLatin1String("(need, security-review)")),
             qPrintable(step.refusal));
    step = policy.qualify(before, {QStringLiteral("need"), QStringLiteral("security-review")},
                          QStringLiteral("sam"), now);
    QCOMPARE(after(before, step).stage, Stage::Qualified);
}

void TestQualificationPolicy::convertFromStage_data() {
    QTest::addColumn<int>("stage");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("qualified") << int(Stage::Qualified) << QString();
    QTest::newRow("opportunity: details changed") << int(Stage::Opportunity) << QString();
    QTest::newRow("new") << int(Stage::New)
                         << QStringLiteral("lead 42 is new: qualify it before converting it to "
                                           "an opportunity");
    QTest::newRow("nurturing") << int(Stage::Nurturing)
                               << QStringLiteral("lead 42 is nurturing: qualify it");
    QTest::newRow("won") << int(Stage::Won) << QStringLiteral("lead 42 is won, a closed stage");
    QTest::newRow("disqualified") << int(Stage::Disqualified)
                                  << QStringLiteral("lead 42 is disqualified, a closed stage");
}

void TestQualificationPolicy::convertFromStage() {
    QFETCH(int, stage);
    QFETCH(QString, refusal);
    const Lead before = lead(Stage(stage));
    const auto step = QualificationPolicy().convert(before, details());
    if (!refusal.isEmpty()) {
        QVERIFY2(step.refusal.startsWith(refusal), qPrintable(step.refusal));
        return;
    }
    QVERIFY2(step.ok(), qPrintable(step.refusal));
    const Lead l = after(before, step);
    QCOMPARE(l.stage, Stage::Opportunity);
    QCOMPARE(l.opportunityValue, 25000.0);
    QCOMPARE(l.opportunityCurrency, QStringLiteral("EUR"));
    QCOMPARE(LeadColumns::text(l, QStringLiteral("expected_close_at")),
             QStringLiteral("2027-03-31T00:00:00Z"));
    QCOMPARE(l.destination, QStringLiteral("co-sell"));
}

void TestQualificationPolicy::convertNeedsEveryDetail() {
    OpportunityDetails d = details();
    d.value = 0;
    d.destination = QStringLiteral("crm");
    const auto step = QualificationPolicy().convert(lead(Stage::Qualified), d);
    QCOMPARE(step.refusal,
             QStringLiteral("lead 42 cannot be converted: value: 0 is not an amount above 0; "
                            "destination: \"crm\" is not own-crm, co-sell, marketplace"));
    QVERIFY(step.changes.isEmpty());
}

void TestQualificationPolicy::disqualify_data() {
    QTest::addColumn<int>("stage");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("no budget") << int(Stage::Contacted) << QStringLiteral("no-budget") << QString()
                               << QString();
    QTest::newRow("competitor, with a text")
        << int(Stage::Opportunity) << QStringLiteral("competitor")
        << QStringLiteral("went with Fabrikam") << QString();
    QTest::newRow("other with a text")
        << int(Stage::New) << QStringLiteral("other")
        << QStringLiteral("reseller, not an end customer") << QString();
    QTest::newRow("changing the reason")
        << int(Stage::Disqualified) << QStringLiteral("student") << QString() << QString();
    QTest::newRow("no reason") << int(Stage::New) << QString() << QString()
                               << QStringLiteral("lead 42 needs a reason to be disqualified: "
                                                 "no-budget, no-need, competitor, bad-data, "
                                                 "student, test-lead, dnc, other");
    QTest::newRow("blank reason") << int(Stage::New) << QStringLiteral("  ") << QString()
                                  << QStringLiteral("lead 42 needs a reason");
    QTest::newRow("unknown reason") << int(Stage::New) << QStringLiteral("rude") << QString()
                                    << QStringLiteral("lead 42: \"rude\" is not a reason to "
                                                      "disqualify");
    QTest::newRow("other without a text")
        << int(Stage::New) << QStringLiteral("other") << QStringLiteral(" ")
        << QStringLiteral("reason \"other\" needs a text saying why lead 42 is disqualified");
    QTest::newRow("won") << int(Stage::Won) << QStringLiteral("no-need") << QString()
                         << QStringLiteral("lead 42 is won, a closed stage: it cannot be "
                                           "disqualified");
}

void TestQualificationPolicy::disqualify() {
    QFETCH(int, stage);
    QFETCH(QString, reason);
    QFETCH(QString, text);
    QFETCH(QString, refusal);
    const Lead before = lead(Stage(stage));
    const auto step = QualificationPolicy().disqualify(before, reason, text);
    if (!refusal.isEmpty()) {
        QVERIFY2(step.refusal.startsWith(refusal), qPrintable(step.refusal));
        QVERIFY(step.changes.isEmpty());
        return;
    }
    QVERIFY2(step.ok(), qPrintable(step.refusal));
    const Lead l = after(before, step);
    QCOMPARE(l.stage, Stage::Disqualified);
    QCOMPARE(l.disqualifyReason, reason);
    QCOMPARE(l.disqualifyNote, text.trimmed());
    QVERIFY(!l.nextFollowUpAt.isValid()); // nobody is reminded to call a closed lead
}

QTEST_GUILESS_MAIN(TestQualificationPolicy)
#include "tst_qualificationpolicy.moc"
