#include "core/domain/lead.h"
#include "core/scoring/rulescorer.h"

#include <QTest>
#include <QTimeZone>

Q_DECLARE_METATYPE(Lead)

// The score a rep sees on a lead: each default rule moves it the way its label says, and the
// explanation always adds up to the score.
class TestRuleScorer : public QObject {
    Q_OBJECT
private slots:
    void eachRuleMovesTheScore_data();
    void eachRuleMovesTheScore();
    void doNotContactIsZero_data();
    void doNotContactIsZero();
    void testLeadsAreNotScored();
    void explanationSumsToTheScore_data();
    void explanationSumsToTheScore();
    void gradesFollowTheModelsBands_data();
    void gradesFollowTheModelsBands();
    void sameTitleSameSeniority();
};

namespace {

const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc());

// A lead with an unknown action and title, long quiet, on which the work address (10), the phone
// (8), the company (5) and the country (5) score: every row changes one thing about it.
Lead plainLead() {
    Lead l;
    l.storefront = Storefront::Other;
    l.action = QStringLiteral("Unknown");
    l.email = QStringLiteral("kim@contoso.com");
    l.phone = QStringLiteral("+1 425 555 0100");
    l.company = QStringLiteral("Contoso");
    l.country = QStringLiteral("US");
    l.events = 1;
    l.lastEventAt = now.addDays(-200);
    return l;
}

bool hasLine(const ScoreResult &r, const QString &rule, int points) {
    for (const ScoreLine &l : r.lines)
        if (l.rule == rule && l.points == points)
            return true;
    return false;
}

} // namespace

void TestRuleScorer::eachRuleMovesTheScore_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("delta"); // from the plain lead's 28
    auto row = [](const char *name, const char *field, const char *value, const char *rule,
                  int points, int delta) {
        QTest::newRow(name) << QString::fromLatin1(field) << QString::fromUtf8(value)
                            << QString::fromLatin1(rule) << points << delta;
    };
    row("installed", "action", "INS", "action.INS", 25, 25);
    row("bought in the portal", "action", "Create", "action.Create", 25, 25);
    row("test drive", "action", "StartTestDrive", "action.StartTestDrive", 15, 15);
    row("contact me", "action", "PLT", "action.PLT", 10, 10);
    row("azure portal", "storefront", "azure-portal", "storefront.azure-portal", 5, 5);
    row("azure marketplace", "storefront", "azure-marketplace", "storefront.azure-marketplace", 3,
        3);
    row("appsource scores nothing of itself", "storefront", "appsource", "", 0, 0);
    row("c-level", "title", "Chief Technology Officer", "seniority.c-level", 20, 20);
    row("vp", "title", "VP of IT", "seniority.vp", 18, 18);
    row("director", "title", "Director of IT", "seniority.director", 15, 15);
    row("head of", "title", "Head of Cloud Infrastructure", "seniority.director", 15, 15);
    row("local director", "title", "Leiter IT", "seniority.director", 15, 15);
    row("manager", "title", "IT Manager", "seniority.manager", 8, 8);
    row("individual", "title", "Software Engineer", "seniority.individual", 2, 2);
    row("student", "title", "Student", "seniority.student", -15, -15);
    row("free-mail", "email", "kim@gmail.com", "email.free-mail", -5, -15);
    row("no email", "email", "", "email.missing", -10, -20);
    // These the plain lead has: without them it scores less.
    row("no phone", "phone", "", "contact.phone", 8, -8);
    row("no company", "company", "", "contact.company", 5, -5);
    row("not a target country", "country", "BR", "country.target", 5, -5);
    row("came back", "events", "2", "engagement.repeat", 15, 15);
    row("came back often", "events", "5", "engagement.repeat", 15, 15);
    row("active today", "days", "0", "recency.last-event", 10, 10);
    row("active 45 days ago", "days", "45", "recency.last-event", 5, 5);
    row("active 81 days ago", "days", "81", "recency.last-event", 1, 1);
    row("active 90 days ago", "days", "90", "", 0, 0);
}

void TestRuleScorer::eachRuleMovesTheScore() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, rule);
    QFETCH(int, points);
    QFETCH(int, delta);
    const RuleScorer scorer(ScoringModel::defaultModel());
    Lead l = plainLead();
    const ScoreResult before = scorer.score(l, now);
    const int plain = before.score;
    QCOMPARE(plain, 28);
    if (field == QLatin1String("action"))
        l.action = value;
    else if (field == QLatin1String("storefront"))
        QVERIFY(Storefronts::fromCanonicalName(value, &l.storefront));
    else if (field == QLatin1String("title"))
        l.title = value;
    else if (field == QLatin1String("email"))
        l.email = value;
    else if (field == QLatin1String("phone"))
        l.phone = value;
    else if (field == QLatin1String("company"))
        l.company = value;
    else if (field == QLatin1String("country"))
        l.country = value;
    else if (field == QLatin1String("events"))
        l.events = value.toInt();
    else if (field == QLatin1String("days"))
        l.lastEventAt = now.addDays(-value.toInt());
    const ScoreResult r = scorer.score(l, now);
    QCOMPARE(r.score, plain + delta);
    if (!rule.isEmpty() && delta == -points) { // the rule no longer fires
        QVERIFY2(hasLine(before, rule, points), qPrintable(before.explanationText()));
        QVERIFY2(!hasLine(r, rule, points), qPrintable(r.explanationText()));
    } else if (!rule.isEmpty()) {
        QVERIFY2(hasLine(r, rule, points), qPrintable(r.explanationText()));
    }
    QCOMPARE(ScoreExplanation::sum(r.lines), r.score);
}

void TestRuleScorer::doNotContactIsZero_data() {
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("flag");
    QTest::newRow("DNC action") << QStringLiteral("DNC") << true;
    QTest::newRow("marked do-not-contact after installing") << QStringLiteral("INS") << true;
}

void TestRuleScorer::doNotContactIsZero() {
    QFETCH(QString, action);
    QFETCH(bool, flag);
    Lead l = plainLead();
    l.action = action;
    l.doNotContact = flag;
    l.title = QStringLiteral("Chief Information Officer");
    l.phone = QStringLiteral("+1 425 555 0100");
    const ScoreResult r = RuleScorer(ScoringModel::defaultModel()).score(l, now);
    QCOMPARE(r.score, 0);
    QCOMPARE(r.grade, QStringLiteral("D"));
    // The rules that fired stay visible; one line takes the score to 0.
    QVERIFY(r.lines.size() >= 2);
    QCOMPARE(r.lines.last().rule, QStringLiteral("do-not-contact"));
    QCOMPARE(r.lines.last().points, -ScoreExplanation::sum(r.lines.mid(0, r.lines.size() - 1)));
    QCOMPARE(ScoreExplanation::sum(r.lines), 0);
}

void TestRuleScorer::testLeadsAreNotScored() {
    Lead l = plainLead();
    l.action = QStringLiteral("INS");
    l.isTest = true;
    const ScoreResult r = RuleScorer(ScoringModel::defaultModel()).score(l, now);
    QCOMPARE(r.score, 0);
    QVERIFY(r.grade.isEmpty());
    QVERIFY(r.lines.isEmpty());
    QVERIFY(r.explanationText().isEmpty());
}

void TestRuleScorer::explanationSumsToTheScore_data() {
    QTest::addColumn<Lead>("lead");
    QTest::addColumn<int>("score");
    QTest::addColumn<QString>("lastRule");
    Lead best = plainLead();
    best.action = QStringLiteral("Create");
    best.storefront = Storefront::AzurePortal;
    best.title = QStringLiteral("Chief Information Officer");
    best.phone = QStringLiteral("+1 425 555 0100");
    best.company = QStringLiteral("Contoso");
    best.country = QStringLiteral("US");
    best.events = 3;
    best.lastEventAt = now;
    QTest::newRow("capped at 100") << best << 100 << QStringLiteral("cap.max");
    Lead worst = plainLead();
    worst.title = QStringLiteral("Student");
    worst.email.clear();
    worst.phone.clear();
    QTest::newRow("raised to 0") << worst << 0 << QStringLiteral("cap.min");
    Lead middle = plainLead();
    middle.action = QStringLiteral("PLT");
    middle.title = QStringLiteral("IT Manager");
    middle.email = QStringLiteral("kim@outlook.com");
    QTest::newRow("in between") << middle << 31 << QStringLiteral("country.target");
}

void TestRuleScorer::explanationSumsToTheScore() {
    QFETCH(Lead, lead);
    QFETCH(int, score);
    QFETCH(QString, lastRule);
    const ScoringModel model = ScoringModel::defaultModel();
    const ScoreResult r = RuleScorer(model).score(lead, now);
    QCOMPARE(r.score, score);
    QCOMPARE(ScoreExplanation::sum(r.lines), score);
    QCOMPARE(r.lines.last().rule, lastRule);
    // The stored text is the same explanation, and reads back as it was.
    QCOMPARE(r.explanationText(), ScoreExplanation::toText(r.lines));
    QCOMPARE(ScoreExplanation::fromText(r.explanationText(), &model), r.lines);
}

void TestRuleScorer::gradesFollowTheModelsBands_data() {
    QTest::addColumn<int>("score");
    QTest::addColumn<QString>("grade");
    QTest::newRow("top of A") << 100 << QStringLiteral("A");
    QTest::newRow("A from 80") << 80 << QStringLiteral("A");
    QTest::newRow("just below A") << 79 << QStringLiteral("B");
    QTest::newRow("B from 60") << 60 << QStringLiteral("B");
    QTest::newRow("C from 20") << 20 << QStringLiteral("C");
    QTest::newRow("D below C") << 19 << QStringLiteral("D");
    QTest::newRow("zero") << 0 << QStringLiteral("D");
}

void TestRuleScorer::gradesFollowTheModelsBands() {
    QFETCH(int, score);
    QFETCH(QString, grade);
    // One rule giving exactly `score` points, under bands of 80, 60 and 20.
    ScoringModel model;
    model.gradeA = 80;
    model.gradeB = 60;
    model.gradeC = 20;
    ScoringRule r;
    r.id = QStringLiteral("contact.phone");
    r.kind = RuleKind::HasPhone;
    r.points = score;
    r.label = QStringLiteral("Phone number known");
    model.rules << r;
    Lead l = plainLead();
    l.phone = QStringLiteral("+31 20 555 0100");
    const ScoreResult result = RuleScorer(model).score(l, now);
    QCOMPARE(result.score, score);
    QCOMPARE(result.grade, grade);
}

void TestRuleScorer::sameTitleSameSeniority() {
    // The scorer remembers each title's seniority: a second lead with it scores the same.
    const RuleScorer scorer(ScoringModel::defaultModel());
    Lead l = plainLead();
    l.title = QStringLiteral("Directeur informatique");
    const int first = scorer.score(l, now).score;
    QCOMPARE(scorer.score(l, now).score, first);
    QCOMPARE(first, 43);
    l.title = QStringLiteral("Developer");
    QCOMPARE(scorer.score(l, now).score, 30);
}

QTEST_GUILESS_MAIN(TestRuleScorer)
#include "tst_rulescorer.moc"
