#include "core/domain/cadence.h"
#include "core/domain/leadcolumns.h"
#include "core/io/leadgenerator.h"
#include "core/scoring/scoreexplanation.h"
#include "core/storage/followupplanstore.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadrepository.h"
#include "testdatabase.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <atomic>

// LeadGenerator: deterministic demo data whose mix looks like a real publisher's lead flow.
class TestLeadGenerator : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void sameSeedSameLeads_data();
    void sameSeedSameLeads();
    void otherSeedDiffers();
    void sameLeadsOnBothBackends();

    void generatesTheCount();
    void storefrontMix();
    void testLeadShare();
    void doNotContactShare();
    void returningCustomers();
    void allOffersOnTheirStorefront();
    void datesSpanTwoYearsWithGrowth();
    void fewerLeadsOnWeekends();
    void seniorTitlesWinMoreThanStudents();
    void corporateMailWinsMoreThanFreeMail();
    void leadsArriveScoredAcrossAllGrades();
    void workedLeadsHaveLoggedFirstTouches();
    void searchFindsTheGeneratedLeads();

    void addsToAnExistingLibrary();
    void cancelAddsNothing_data();
    void cancelAddsNothing();

private:
    std::unique_ptr<TestDatabase> m_mix; // 20,000 leads shared by the mix tests
    GenerateResult m_mixResult;
    QList<Lead> m_leads;
};

namespace {

const qint64 mixCount = 20000;
// The newest lead's time for every run: results do not depend on today's date.
QDateTime endOfRange() {
    return QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
}

qint64 countAll(const Database &db) {
    LeadFilter f;
    f.includeTest = true;
    return LeadRepository(db).count(f);
}

GenerateResult generate(const Database &db, qint64 count, quint64 seed,
                        const std::atomic_bool *cancel = nullptr,
                        std::function<void(qint64, qint64)> progress = {}) {
    LeadGenerator g(db);
    g.setEnd(endOfRange());
    if (cancel)
        g.setCancelFlag(cancel);
    if (progress)
        g.setProgressHandler(std::move(progress));
    return g.generate(count, seed);
}

// The first difference between two lists of leads, column by column; empty when identical.
QString firstDifference(const QList<Lead> &a, const QList<Lead> &b) {
    if (a.size() != b.size())
        return QStringLiteral("%1 leads against %2").arg(a.size()).arg(b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        for (const QString &column : LeadColumns::all()) {
            const QString x = LeadColumns::text(a.at(i), column);
            const QString y = LeadColumns::text(b.at(i), column);
            if (x != y)
                return QStringLiteral("lead %1, column %2: \"%3\" against \"%4\"")
                    .arg(i + 1)
                    .arg(column, x, y);
        }
    }
    return {};
}

QString historyDifference(const Database &da, const Database &db, const QList<Lead> &leads) {
    const LeadHistory ra(da);
    const LeadHistory rb(db);
    for (const Lead &l : leads) {
        const QList<LeadEvent> ea = ra.events(l.id);
        const QList<LeadEvent> eb = rb.events(l.id);
        if (ea.size() != eb.size())
            return QStringLiteral("lead %1: %2 events against %3")
                .arg(l.id)
                .arg(ea.size())
                .arg(eb.size());
        for (qsizetype i = 0; i < ea.size(); ++i)
            if (ea.at(i).leadSource != eb.at(i).leadSource ||
                ea.at(i).occurredAt != eb.at(i).occurredAt)
                return QStringLiteral("lead %1: event %2 differs").arg(l.id).arg(i + 1);
        const QList<Activity> aa = ra.activities(l.id);
        const QList<Activity> ab = rb.activities(l.id);
        if (aa.size() != ab.size())
            return QStringLiteral("lead %1: %2 activities against %3")
                .arg(l.id)
                .arg(aa.size())
                .arg(ab.size());
        for (qsizetype i = 0; i < aa.size(); ++i)
            if (aa.at(i).at != ab.at(i).at || aa.at(i).newValue != ab.at(i).newValue)
                return QStringLiteral("lead %1: activity %2 differs").arg(l.id).arg(i + 1);
    }
    return {};
}

double share(qint64 part, qint64 whole) {
    return whole == 0 ? 0.0 : 100.0 * double(part) / double(whole);
}

QString domainOf(const QString &email) {
    return email.mid(email.lastIndexOf(QLatin1Char('@')) + 1).toLower();
}

bool isFreeMail(const QString &email) {
    static const QSet<QString> freeMail = {
        QStringLiteral("gmail.com"),   QStringLiteral("outlook.com"),
        QStringLiteral("hotmail.com"), QStringLiteral("yahoo.com"),
        QStringLiteral("proton.me"),   QStringLiteral("icloud.com"),
        QStringLiteral("live.com"),    QStringLiteral("aol.com"),
        QStringLiteral("gmx.de"),      QStringLiteral("protonmail.com")};
    return freeMail.contains(domainOf(email));
}

bool isSenior(const QString &title) {
    return title.startsWith(QLatin1String("Chief")) || title.startsWith(QLatin1String("VP")) ||
           title.startsWith(QLatin1String("Vice President")) ||
           title.startsWith(QLatin1String("Director")) ||
           QStringList{QStringLiteral("CEO"), QStringLiteral("CTO"), QStringLiteral("CIO"),
                       QStringLiteral("CFO")}
               .contains(title);
}

bool isStudent(const QString &title) {
    return title == QLatin1String("Student") || title == QLatin1String("Intern");
}

// Won share of real, contactable leads old enough to have run their course.
struct WinRate {
    qint64 leads = 0;
    qint64 won = 0;
    double rate() const { return leads == 0 ? 0.0 : double(won) / double(leads); }
};

template <typename Pred> WinRate winRate(const QList<Lead> &leads, Pred pred) {
    WinRate r;
    const QDateTime settled = endOfRange().addDays(-120);
    for (const Lead &l : leads) {
        if (l.isTest || l.doNotContact || l.createdAt >= settled || !pred(l))
            continue;
        ++r.leads;
        if (l.stage == Stage::Won)
            ++r.won;
    }
    return r;
}

} // namespace

void TestLeadGenerator::initTestCase() {
    m_mix = TestDatabase::create(QStringLiteral("sqlite"));
    QVERIFY2(m_mix->ok(), qPrintable(m_mix->problem()));
    QVERIFY2(m_mix->migrate(), qPrintable(m_mix->problem()));
    m_mixResult = generate(m_mix->database(), mixCount, 20260101);
    QVERIFY2(m_mixResult.ok, qPrintable(m_mixResult.error));
    m_leads = TestDatabase::allLeads(m_mix->database());
}

void TestLeadGenerator::sameSeedSameLeads_data() {
    TestDatabase::addBackendRows();
}

void TestLeadGenerator::sameSeedSameLeads() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(a, backend);
    LB_TEST_DATABASE(b, backend);

    const GenerateResult ra = generate(a->database(), 300, 42);
    QVERIFY2(ra.ok, qPrintable(ra.error));
    const GenerateResult rb = generate(b->database(), 300, 42);
    QVERIFY2(rb.ok, qPrintable(rb.error));
    QCOMPARE(ra.generated, 300);
    QCOMPARE(rb.generated, 300);

    const QList<Lead> la = TestDatabase::allLeads(a->database());
    const QList<Lead> lb = TestDatabase::allLeads(b->database());
    QCOMPARE(la.size(), 300);
    const QString diff = firstDifference(la, lb);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    const QString history = historyDifference(a->database(), b->database(), la);
    QVERIFY2(history.isEmpty(), qPrintable(history));
}

void TestLeadGenerator::otherSeedDiffers() {
    LB_TEST_DATABASE(a, QStringLiteral("sqlite"));
    LB_TEST_DATABASE(b, QStringLiteral("sqlite"));
    QVERIFY(generate(a->database(), 300, 42).ok);
    QVERIFY(generate(b->database(), 300, 43).ok);
    const QList<Lead> la = TestDatabase::allLeads(a->database());
    const QList<Lead> lb = TestDatabase::allLeads(b->database());
    QCOMPARE(la.size(), lb.size());
    qsizetype differentPeople = 0;
    for (qsizetype i = 0; i < la.size(); ++i)
        if (la.at(i).email != lb.at(i).email || la.at(i).createdAt != lb.at(i).createdAt)
            ++differentPeople;
    QVERIFY2(differentPeople > la.size() * 9 / 10,
             qPrintable(
                 QStringLiteral("only %1 of %2 leads differ").arg(differentPeople).arg(la.size())));
}

void TestLeadGenerator::sameLeadsOnBothBackends() {
    LB_TEST_DATABASE(pg, QStringLiteral("postgresql"));
    LB_TEST_DATABASE(lite, QStringLiteral("sqlite"));
    const GenerateResult rp = generate(pg->database(), 300, 7);
    QVERIFY2(rp.ok, qPrintable(rp.error));
    const GenerateResult rl = generate(lite->database(), 300, 7);
    QVERIFY2(rl.ok, qPrintable(rl.error));
    const QList<Lead> lp = TestDatabase::allLeads(pg->database());
    const QList<Lead> ll = TestDatabase::allLeads(lite->database());
    QCOMPARE(lp.size(), 300);
    const QString diff = firstDifference(lp, ll);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestLeadGenerator::generatesTheCount() {
    QCOMPARE(m_mixResult.generated, mixCount);
    QVERIFY(!m_mixResult.cancelled);
    QCOMPARE(qint64(m_leads.size()), mixCount);
    QCOMPARE(countAll(m_mix->database()), mixCount);
}

void TestLeadGenerator::storefrontMix() {
    QHash<Storefront, qint64> by;
    for (const Lead &l : std::as_const(m_leads))
        ++by[l.storefront];
    const qint64 n = m_leads.size();
    const QList<std::pair<Storefront, double>> expected = {{Storefront::AppSource, 45},
                                                           {Storefront::AzureMarketplace, 40},
                                                           {Storefront::AzurePortal, 15}};
    for (const auto &[storefront, percent] : expected) {
        const double got = share(by.value(storefront), n);
        QVERIFY2(std::abs(got - percent) <= 5.0,
                 qPrintable(QStringLiteral("%1: %2% of leads, expected %3% ± 5")
                                .arg(Storefronts::canonicalName(storefront))
                                .arg(got, 0, 'f', 1)
                                .arg(percent)));
    }
    QCOMPARE(by.value(Storefront::Other), 0);
}

void TestLeadGenerator::testLeadShare() {
    qint64 tests = 0;
    for (const Lead &l : std::as_const(m_leads))
        if (l.isTest)
            ++tests;
    const double got = share(tests, m_leads.size());
    QVERIFY2(got >= 0.2 && got <= 1.0, qPrintable(QStringLiteral("%1% test leads").arg(got)));
    // Test leads are not prospects: the default count leaves them out.
    QCOMPARE(LeadRepository(m_mix->database()).count(LeadFilter()), qint64(m_leads.size()) - tests);
}

void TestLeadGenerator::doNotContactShare() {
    qint64 dnc = 0;
    for (const Lead &l : std::as_const(m_leads))
        if (l.doNotContact)
            ++dnc;
    const double got = share(dnc, m_leads.size());
    QVERIFY2(got >= 2.0 && got <= 6.0, qPrintable(QStringLiteral("%1% do-not-contact").arg(got)));
}

void TestLeadGenerator::returningCustomers() {
    qint64 returning = 0;
    const LeadRepository repo(m_mix->database());
    qint64 checked = 0;
    for (const Lead &l : std::as_const(m_leads)) {
        if (l.events <= 1)
            continue;
        ++returning;
        // The lead's history holds one event per marketplace touch.
        if (checked++ < 20)
            QCOMPARE(LeadHistory(m_mix->database()).events(l.id).size(), qsizetype(l.events));
    }
    const double got = share(returning, m_leads.size());
    QVERIFY2(got >= 1.5 && got <= 5.0,
             qPrintable(QStringLiteral("%1% of leads with more than one event").arg(got)));
}

void TestLeadGenerator::allOffersOnTheirStorefront() {
    QHash<QString, qint64> byOffer;
    QSet<QString> appSourceOffers, azureOffers;
    for (const Lead &l : std::as_const(m_leads)) {
        ++byOffer[l.offerId];
        if (l.storefront == Storefront::AppSource)
            appSourceOffers.insert(l.offerId);
        else
            azureOffers.insert(l.offerId);
    }
    QCOMPARE(byOffer.size(), 12);
    for (auto it = byOffer.cbegin(); it != byOffer.cend(); ++it)
        QVERIFY2(
            share(it.value(), m_leads.size()) >= 2.0,
            qPrintable(QStringLiteral("offer %1 has only %2 leads").arg(it.key()).arg(it.value())));
    // AppSource apps and services are not sold on Azure Marketplace, and the other way round.
    QVERIFY2(!appSourceOffers.intersects(azureOffers),
             qPrintable(QStringList(appSourceOffers.intersect(azureOffers).values())
                            .join(QStringLiteral(", "))));
}

void TestLeadGenerator::datesSpanTwoYearsWithGrowth() {
    const QDateTime start = endOfRange().addMonths(-24);
    qint64 firstHalfYear = 0, lastHalfYear = 0;
    QList<qint64> perMonth(24, 0);
    for (const Lead &l : std::as_const(m_leads)) {
        QVERIFY(l.createdAt.isValid());
        QVERIFY2(l.createdAt >= start && l.createdAt <= endOfRange(),
                 qPrintable(LeadColumns::isoUtc(l.createdAt)));
        QVERIFY(l.lastEventAt >= l.createdAt);
        QVERIFY(l.lastEventAt <= endOfRange());
        if (l.createdAt < start.addMonths(6))
            ++firstHalfYear;
        if (l.createdAt >= endOfRange().addMonths(-6))
            ++lastHalfYear;
        for (int m = 23; m >= 0; --m) {
            if (l.createdAt >= start.addMonths(m)) {
                ++perMonth[m];
                break;
            }
        }
    }
    // Every month of the two years has leads.
    for (int m = 0; m < 24; ++m)
        QVERIFY2(perMonth.at(m) > mixCount / 24 / 3,
                 qPrintable(
                     QStringLiteral("month %1 has only %2 leads").arg(m + 1).arg(perMonth.at(m))));
    QVERIFY2(lastHalfYear > firstHalfYear * 13 / 10,
             qPrintable(QStringLiteral("first six months %1 leads, last six months %2")
                            .arg(firstHalfYear)
                            .arg(lastHalfYear)));
}

void TestLeadGenerator::fewerLeadsOnWeekends() {
    const QDate first = endOfRange().date().addDays(-730);
    QList<qint64> days(8, 0);
    for (QDate d = first; d < endOfRange().date(); d = d.addDays(1))
        ++days[d.dayOfWeek()];
    QList<qint64> leads(8, 0);
    for (const Lead &l : std::as_const(m_leads))
        ++leads[l.createdAt.toUTC().date().dayOfWeek()];
    qint64 weekdayLeads = 0, weekdayDays = 0, weekendLeads = 0, weekendDays = 0;
    for (int dow = 1; dow <= 7; ++dow) {
        if (dow >= 6) {
            weekendLeads += leads.at(dow);
            weekendDays += days.at(dow);
        } else {
            weekdayLeads += leads.at(dow);
            weekdayDays += days.at(dow);
        }
    }
    const double weekday = double(weekdayLeads) / double(weekdayDays);
    const double weekend = double(weekendLeads) / double(weekendDays);
    QVERIFY2(weekend < weekday * 0.7,
             qPrintable(QStringLiteral("%1 leads per weekend day, %2 per weekday")
                            .arg(weekend, 0, 'f', 1)
                            .arg(weekday, 0, 'f', 1)));
    // Saturday and Sunday each are quieter than every weekday.
    for (int weekendDay : {6, 7})
        for (int dow = 1; dow <= 5; ++dow)
            QVERIFY2(double(leads.at(weekendDay)) / double(days.at(weekendDay)) <
                         double(leads.at(dow)) / double(days.at(dow)),
                     qPrintable(
                         QStringLiteral("day %1 is busier than day %2").arg(weekendDay).arg(dow)));
}

void TestLeadGenerator::seniorTitlesWinMoreThanStudents() {
    const WinRate senior = winRate(m_leads, [](const Lead &l) { return isSenior(l.title); });
    const WinRate student = winRate(m_leads, [](const Lead &l) { return isStudent(l.title); });
    QVERIFY2(senior.leads > 500 && student.leads > 200,
             qPrintable(QStringLiteral("too few leads to compare: %1 senior, %2 students")
                            .arg(senior.leads)
                            .arg(student.leads)));
    QVERIFY2(senior.won > 0, "no senior lead was ever won");
    QVERIFY2(senior.rate() > 2 * student.rate() && senior.rate() > student.rate() + 0.15,
             qPrintable(QStringLiteral("won: %1% of C-level/VP/Director leads, %2% of "
                                       "students and interns")
                            .arg(100 * senior.rate(), 0, 'f', 1)
                            .arg(100 * student.rate(), 0, 'f', 1)));
}

void TestLeadGenerator::corporateMailWinsMoreThanFreeMail() {
    const WinRate corporate = winRate(m_leads, [](const Lead &l) {
        return !isFreeMail(l.email) && !l.privacyRestricted && !l.email.isEmpty();
    });
    const WinRate free = winRate(m_leads, [](const Lead &l) { return isFreeMail(l.email); });
    QVERIFY2(corporate.leads > 1000 && free.leads > 500,
             qPrintable(QStringLiteral("too few leads to compare: %1 corporate, %2 free-mail")
                            .arg(corporate.leads)
                            .arg(free.leads)));
    QVERIFY2(corporate.rate() > free.rate() + 0.1,
             qPrintable(QStringLiteral("won: %1% of corporate-mail leads, %2% of free-mail leads")
                            .arg(100 * corporate.rate(), 0, 'f', 1)
                            .arg(100 * free.rate(), 0, 'f', 1)));
}

void TestLeadGenerator::searchFindsTheGeneratedLeads() {
    // A large run builds its search index beside the other indexes: it finds exactly the
    // leads whose name, email, company or title hold the words, accented names included.
    QSqlQuery q(m_mix->database().connection());
    QVERIFY2(q.exec(QStringLiteral(
                 "INSERT INTO leads_fts(leads_fts, rank) VALUES ('integrity-check', 1)")),
             qPrintable(q.lastError().text()));
    auto firstOf = [this](QString Lead::*field, bool accented = false) {
        for (const Lead &l : std::as_const(m_leads)) {
            const QString &value = l.*field;
            const bool hasAccent = std::any_of(value.cbegin(), value.cend(),
                                               [](QChar c) { return c.unicode() > 127; });
            if (value.size() >= 3 && (!accented || hasAccent))
                return value;
        }
        return QString();
    };
    for (const QString &word :
         {firstOf(&Lead::lastName), firstOf(&Lead::lastName, true), firstOf(&Lead::company),
          firstOf(&Lead::title), firstOf(&Lead::email).section(QLatin1Char('@'), 1),
          QStringLiteral("Director")}) {
        QVERIFY(!word.isEmpty());
        // Every word of the text in one of the fields, as the search matches them.
        const QStringList words = word.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const auto expected = std::count_if(m_leads.cbegin(), m_leads.cend(), [&](const Lead &l) {
            const QString all =
                QStringList{l.firstName, l.lastName, l.email, l.company, l.title}.join(
                    QLatin1Char(' '));
            return std::all_of(words.cbegin(), words.cend(), [&all](const QString &w) {
                return all.contains(w, Qt::CaseInsensitive);
            });
        });
        QVERIFY(expected > 0);
        LeadFilter f;
        f.search = word;
        f.includeTest = true;
        QCOMPARE(LeadRepository(m_mix->database()).count(f), qint64(expected));
    }
}

void TestLeadGenerator::addsToAnExistingLibrary() {
    // A second demo batch with another seed goes on top of the first: the generator must not
    // produce a person-and-offer that is already in the library.
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const GenerateResult first = generate(t->database(), mixCount, 1);
    QVERIFY2(first.ok, qPrintable(first.error));
    const GenerateResult second = generate(t->database(), mixCount, 2);
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(second.generated, mixCount);
    QCOMPARE(countAll(t->database()), 2 * mixCount);
}

void TestLeadGenerator::cancelAddsNothing_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("beforeStart");
    for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        QTest::addRow("%s: before the start", qPrintable(backend)) << backend << true;
        QTest::addRow("%s: during the run", qPrintable(backend)) << backend << false;
    }
}

void TestLeadGenerator::cancelAddsNothing() {
    QFETCH(QString, backend);
    QFETCH(bool, beforeStart);
    LB_TEST_DATABASE(t, backend);
    const GenerateResult first = generate(t->database(), 50, 1);
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(countAll(t->database()), 50);

    std::atomic_bool cancel(beforeStart);
    int progressCalls = 0;
    const GenerateResult r = generate(t->database(), 2500, 2, &cancel, [&](qint64, qint64) {
        ++progressCalls;
        cancel = true;
    });
    QVERIFY(r.cancelled);
    QVERIFY(!r.ok);
    if (!beforeStart)
        QVERIFY2(progressCalls > 0, "the run never reported progress, so it was never "
                                    "cancelled midway");
    QCOMPARE(countAll(t->database()), 50);

    // The library still works: a later run adds its leads.
    const GenerateResult again = generate(t->database(), 20, 3);
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(countAll(t->database()), 70);
}

void TestLeadGenerator::leadsArriveScoredAcrossAllGrades() {
    QMap<QString, qint64> leads, won, closed;
    for (const Lead &l : std::as_const(m_leads)) {
        if (l.isTest) {
            QVERIFY(l.grade.isEmpty());
            continue;
        }
        QCOMPARE(l.scoreModelVersion, 1);
        QCOMPARE(ScoreExplanation::sum(ScoreExplanation::fromText(l.scoreExplanation)), l.score);
        ++leads[l.grade];
        if (l.stage == Stage::Won || l.stage == Stage::Lost) {
            ++closed[l.grade];
            won[l.grade] += l.stage == Stage::Won ? 1 : 0;
        }
    }
    QCOMPARE(leads.keys(), (QStringList{QStringLiteral("A"), QStringLiteral("B"),
                                        QStringLiteral("C"), QStringLiteral("D")}));
    // Every grade is a real share of the queue, and a better grade wins more often.
    double previous = 1.0;
    for (const QString &g : leads.keys()) {
        QVERIFY2(leads.value(g) > mixCount / 20,
                 qPrintable(QStringLiteral("grade %1: %2 leads").arg(g).arg(leads.value(g))));
        const double rate = double(won.value(g)) / double(std::max<qint64>(1, closed.value(g)));
        QVERIFY2(rate < previous, qPrintable(QStringLiteral("grade %1 wins %2").arg(g).arg(rate)));
        previous = rate;
    }
}

void TestLeadGenerator::workedLeadsHaveLoggedFirstTouches() {
    // The demo's first-touch chart and Due queue have something to show: every lead a rep
    // has worked was touched, first within a day mostly, late sometimes.
    const FollowUpPlanStore plans(m_mix->database());
    const LeadHistory history(m_mix->database());
    qint64 worked = 0, withinADay = 0, late = 0, planned = 0, enrolled = 0;
    const Cadence contactMe = Cadence::defaults().at(0);
    const Cadence trial = Cadence::defaults().at(1);
    QCOMPARE(contactMe.name, QStringLiteral("Contact me"));
    for (const Lead &l : std::as_const(m_leads)) {
        if (l.stage == Stage::New || l.doNotContact || l.isTest) {
            QCOMPARE(l.followUps, 0);
            continue;
        }
        ++worked;
        QVERIFY(l.followUps > 0);
        const FollowUpPlan plan = *plans.plan(l.id);
        QVERIFY2(plan.firstTouchAt > l.createdAt,
                 qPrintable(QStringLiteral("lead %1: first touch %2, created %3")
                                .arg(l.id)
                                .arg(plan.firstTouchAt.toString(Qt::ISODate),
                                     l.createdAt.toString(Qt::ISODate))));
        QCOMPARE(plan.firstTouchSeconds, l.createdAt.secsTo(plan.firstTouchAt));
        (plan.firstTouchSeconds <= 24 * 3600 ? withinADay : late) += 1;
        if (l.nextFollowUpAt.isValid()) {
            ++planned;
            QVERIFY(!plan.kind.isEmpty());
        }
        if (!plan.cadence.isEmpty()) { // its next follow-up is the cadence's next touch
            ++enrolled;
            const Cadence cadence = plan.cadence == contactMe.name ? contactMe : trial;
            QCOMPARE(l.nextFollowUpAt,
                     plan.cadenceStartedAt.addDays(cadence.touches.at(plan.cadenceStep).day));
            QCOMPARE(plan.kind,
                     TouchKinds::canonicalName(cadence.touches.at(plan.cadenceStep).kind));
        }
        if (worked <= 50) { // the timeline says so too
            const QList<Activity> activities = history.activities(l.id);
            const auto touch =
                std::find_if(activities.cbegin(), activities.cend(),
                             [](const Activity &a) { return a.kind == ActivityKind::Touch; });
            QVERIFY2(touch != activities.cend(), qPrintable(QString::number(l.id)));
            QCOMPARE(touch->at, plan.firstTouchAt);
            QVERIFY(!touch->newValue.toString().isEmpty());
        }
    }
    QVERIFY(worked > mixCount / 4);
    QVERIFY(planned > 0);
    QVERIFY2(enrolled > planned / 10, qPrintable(QString::number(enrolled)));
    QVERIFY2(withinADay > worked / 3 && late > worked / 10,
             qPrintable(QStringLiteral("%1 within a day, %2 late").arg(withinADay).arg(late)));
}

QTEST_GUILESS_MAIN(TestLeadGenerator)
#include "tst_leadgenerator.moc"
