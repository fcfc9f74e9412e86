#include "core/analytics/actioncategories.h"
#include "core/analytics/leadanalytics.h"
#include "core/nurture/leadnurturer.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadtrash.h"
#include "core/storage/leadwriter.h"
#include "core/storage/transaction.h"
#include "testdatabase.h"

#include <QTest>
#include <QTimeZone>

// The charts' numbers against SQLite and PostgreSQL, on a hand-built database whose every
// count is known: cumulative funnels from stage histories (skipped steps, steps back, lost
// leads), conversions, offers and actions, trend buckets at UTC boundaries, and drill-downs
// that select exactly the leads behind a bar.
class TestLeadAnalytics : public QObject {
    Q_OBJECT
private slots:
    void funnelIsCumulativeFromHistory_data() { TestDatabase::addBackendRows(); }
    void funnelIsCumulativeFromHistory();
    void offersAndActionsAddUpToStats_data() { TestDatabase::addBackendRows(); }
    void offersAndActionsAddUpToStats();
    void trendBucketsAtUtcBoundaries_data() { TestDatabase::addBackendRows(); }
    void trendBucketsAtUtcBoundaries();
    void scoresAndCampaigns_data() { TestDatabase::addBackendRows(); }
    void scoresAndCampaigns();
    void drillDownSelectsTheLeadsBehindABar_data() { TestDatabase::addBackendRows(); }
    void drillDownSelectsTheLeadsBehindABar();
    void firstTouchCountsLoggedTouches_data() { TestDatabase::addBackendRows(); }
    void firstTouchCountsLoggedTouches();
};

namespace {

QDateTime utc(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

struct Spec {
    Storefront storefront;
    const char *stage;
    QList<const char *> history; // stages in order, from the first change's old value
    const char *action;
    const char *offer;
    const char *campaign;
    const char *created;
    int score;
    const char *grade;
    bool isTest = false;
};

// Funnel (cumulative): AppSource 7/5/3/3/2, Azure Marketplace 3/3/3/1/0, Azure portal 1/0/0/0/0.
const QList<Spec> specs = {
    // AppSource
    {Storefront::AppSource, "new", {}, "PLT", "c.crm", "spring", "2026-01-31T23:59:59Z", 20, "D"},
    {Storefront::AppSource,
     "contacted",
     {"new", "contacted"},
     "INS",
     "c.crm",
     "spring",
     "2026-02-01T00:00:00Z",
     40,
     "C"},
    {Storefront::AppSource,
     "won",
     {"new", "contacted", "qualified", "opportunity", "won"},
     "INS",
     "c.crm",
     "",
     "2026-03-01T23:59:59Z",
     90,
     "A"},
    // lost after reaching opportunity
    {Storefront::AppSource,
     "lost",
     {"new", "contacted", "qualified", "opportunity", "lost"},
     "StartTestDrive",
     "c.bi",
     "spring",
     "2026-03-02T00:00:00Z",
     70,
     "A"},
    // won straight from new: skipped every step between
    {Storefront::AppSource,
     "won",
     {"new", "won"},
     "DNC",
     "c.bi",
     "",
     "2026-03-10T10:00:00Z",
     60,
     "B"},
    {Storefront::AppSource,
     "nurturing",
     {"new", "contacted", "nurturing"},
     "XYZ",
     "c.bi",
     "",
     "2026-03-11T10:00:00Z",
     30,
     "D"},
    {Storefront::AppSource,
     "disqualified",
     {"new", "disqualified"},
     "PLT",
     "c.crm",
     "",
     "2026-03-12T10:00:00Z",
     0,
     ""},
    // Azure Marketplace
    {Storefront::AzureMarketplace,
     "qualified",
     {},
     "INS",
     "c.saas",
     "fall",
     "2026-03-13T10:00:00Z",
     55,
     "B"},
    {Storefront::AzureMarketplace,
     "lost",
     {"qualified", "lost"},
     "Create",
     "c.saas",
     "fall",
     "2026-03-14T10:00:00Z",
     50,
     "B"},
    // moved back from opportunity to contacted
    {Storefront::AzureMarketplace,
     "contacted",
     {"new", "opportunity", "contacted"},
     "PLT",
     "c.saas",
     "",
     "2026-03-15T10:00:00Z",
     45,
     "C"},
    // Azure portal
    {Storefront::AzurePortal, "new", {}, "Create", "c.saas", "", "2026-03-16T10:00:00Z", 35, "C"},
    // a test lead: in no chart
    {Storefront::AppSource,
     "won",
     {"new", "won"},
     "INS",
     "c.crm",
     "spring",
     "2026-03-17T10:00:00Z",
     99,
     "A",
     true},
};

QList<qint64> fill(const Database &db) {
    QList<qint64> ids;
    Transaction tx(db);
    LeadWriter writer(db);
    int n = 0;
    for (const Spec &s : specs) {
        Lead l;
        l.storefront = s.storefront;
        Stages::fromCanonicalName(QString::fromLatin1(s.stage), &l.stage);
        l.action = QString::fromLatin1(s.action);
        l.offerId = QString::fromLatin1(s.offer);
        l.campaign = QString::fromLatin1(s.campaign);
        l.firstName = QStringLiteral("Lead%1").arg(++n);
        l.email = QStringLiteral("lead%1@example.com").arg(n);
        l.createdAt = utc(s.created);
        l.lastEventAt = l.createdAt;
        l.score = s.score;
        l.grade = QString::fromLatin1(s.grade);
        l.isTest = s.isTest;
        QList<Activity> history;
        for (qsizetype i = 1; i < s.history.size(); ++i) {
            Activity a;
            a.at = l.createdAt.addDays(i);
            a.actor = QStringLiteral("sam");
            a.kind = ActivityKind::Changed;
            a.field = QStringLiteral("stage");
            a.oldValue = QString::fromLatin1(s.history.at(i - 1));
            a.newValue = QString::fromLatin1(s.history.at(i));
            history << a;
        }
        const qint64 id = writer.insert(tx, l, {}, history);
        if (id <= 0)
            qWarning() << writer.lastError();
        ids << id;
    }
    if (!tx.commit())
        return {};
    return ids;
}

using Steps = FunnelReport::Steps;

} // namespace

void TestLeadAnalytics::funnelIsCumulativeFromHistory() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    QCOMPARE(fill(t->database()).size(), specs.size());
    LeadAnalytics analytics(t->database());
    const auto funnel = analytics.funnel({});
    QVERIFY2(funnel, qPrintable(analytics.lastError()));
    QCOMPARE(funnel->storefronts.value(QStringLiteral("appsource")), (Steps{7, 5, 3, 3, 2}));
    QCOMPARE(funnel->storefronts.value(QStringLiteral("azure-marketplace")),
             (Steps{3, 3, 3, 1, 0}));
    QCOMPARE(funnel->storefronts.value(QStringLiteral("azure-portal")), (Steps{1, 0, 0, 0, 0}));
    QCOMPARE(funnel->storefronts.value(QStringLiteral("other")), (Steps{0, 0, 0, 0, 0}));
    QCOMPARE(funnel->all, (Steps{11, 8, 6, 4, 2}));

    const Steps appsource = funnel->storefronts.value(QStringLiteral("appsource"));
    QCOMPARE(FunnelReport::conversion(appsource, FunnelStep::New, FunnelStep::Contacted),
             5.0 / 7.0);
    QCOMPARE(FunnelReport::conversion(appsource, FunnelStep::Opportunity, FunnelStep::Won),
             2.0 / 3.0);
    QCOMPARE(FunnelReport::conversion(appsource, FunnelStep::New, FunnelStep::Won), 2.0 / 7.0);
    QCOMPARE(FunnelReport::conversion(funnel->storefronts.value(QStringLiteral("other")),
                                      FunnelStep::New, FunnelStep::Won),
             0.0);

    // The filter narrows the funnel as it narrows the list.
    LeadFilter withTest;
    withTest.includeTest = true;
    QCOMPARE(analytics.funnel(withTest)->all, (Steps{12, 9, 7, 5, 3}));
    LeadFilter offer;
    offer.offerId = QStringLiteral("c.bi");
    QCOMPARE(analytics.funnel(offer)->all, (Steps{3, 3, 2, 2, 1}));
}

void TestLeadAnalytics::offersAndActionsAddUpToStats() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    QCOMPARE(fill(t->database()).size(), specs.size());
    LeadAnalytics analytics(t->database());
    const auto offers = analytics.offers({});
    QVERIFY2(offers, qPrintable(analytics.lastError()));
    const auto stats = LeadRepository(t->database()).stats({});
    QVERIFY(stats);
    QCOMPARE(offers->total(), stats->total);
    QMap<QString, qint64> byAction;
    for (const auto &o : offers->offers)
        for (auto it = o.byAction.cbegin(); it != o.byAction.cend(); ++it)
            byAction[it.key()] += it.value();
    QMap<QString, qint64> expected;
    for (auto it = stats->byAction.cbegin(); it != stats->byAction.cend(); ++it)
        expected[ActionCategories::of(it.key())] += it.value();
    QCOMPARE(byAction, expected);
    QCOMPARE(byAction.value(QStringLiteral("other")), 1); // XYZ kept apart from the five

    // Most leads first: c.crm 4 and c.saas 4 (by id), then c.bi 3.
    QCOMPARE(offers->offers.size(), 3);
    const OfferPerformance::Offer saas = offers->offers.at(1);
    QCOMPARE(saas.offerId, QStringLiteral("c.saas"));
    QCOMPARE(saas.leads, 4);
    QCOMPARE(saas.qualified, 3);
    QCOMPARE(saas.won, 0);
    QCOMPARE(saas.averageScore, (55 + 50 + 45 + 35) / 4.0);
    const OfferPerformance::Offer bi = offers->offers.at(2);
    QCOMPARE(bi.offerId, QStringLiteral("c.bi"));
    QCOMPARE(bi.qualifiedShare(), 2.0 / 3.0);
    QCOMPARE(bi.wonShare(), 1.0 / 3.0);

    OfferPerformance sorted = *offers;
    sorted.sort(OfferPerformance::SortBy::Conversion);
    QCOMPARE(sorted.offers.first().offerId, QStringLiteral("c.bi"));
    sorted.sort(OfferPerformance::SortBy::AverageScore); // 53.3, 46.25, 37.5
    QCOMPARE(sorted.offers.first().offerId, QStringLiteral("c.bi"));
    QCOMPARE(sorted.offers.last().offerId, QStringLiteral("c.crm"));
}

void TestLeadAnalytics::trendBucketsAtUtcBoundaries() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    QCOMPARE(fill(t->database()).size(), specs.size());
    LeadAnalytics analytics(t->database());
    const auto months =
        analytics.trend({}, LeadTrend::Interval::Month, LeadTrend::By::Storefront, 2);
    QVERIFY2(months, qPrintable(analytics.lastError()));
    QCOMPARE(months->buckets.size(), 3);
    QCOMPARE(months->buckets.at(0).start, QDate(2026, 1, 1));
    QCOMPARE(months->buckets.at(0).total, 1); // 23:59:59 on 31 January
    QCOMPARE(months->buckets.at(1).total, 1); // midnight on 1 February
    QCOMPARE(months->buckets.at(2).total, 9);
    QCOMPARE(months->buckets.at(2).byKey.value(QStringLiteral("azure-marketplace")), 3);
    QCOMPARE(months->buckets.at(2).movingAverage, 5.0); // (1 + 9) / 2
    QCOMPARE(months->total(), 11);

    const auto weeks = analytics.trend({}, LeadTrend::Interval::Week, LeadTrend::By::Action);
    QVERIFY(weeks);
    // Sunday 1 March 23:59:59 is in the week of Monday 23 February; Monday 2 March starts one.
    QDate feb23(2026, 2, 23), mar2(2026, 3, 2);
    qint64 inFeb23 = -1, inMar2 = -1;
    for (const auto &b : weeks->buckets) {
        QCOMPARE(b.start.dayOfWeek(), 1);
        if (b.start == feb23)
            inFeb23 = b.total;
        if (b.start == mar2)
            inMar2 = b.byKey.value(QStringLiteral("StartTestDrive"));
    }
    QCOMPARE(inFeb23, 1);
    QCOMPARE(inMar2, 1);
    // Every week from the first to the last, quiet ones as zeros.
    QCOMPARE(weeks->buckets.first().start, QDate(2026, 1, 26));
    QCOMPARE(weeks->buckets.size(), 8);
}

void TestLeadAnalytics::scoresAndCampaigns() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    QCOMPARE(fill(t->database()).size(), specs.size());
    LeadAnalytics analytics(t->database());
    const auto scores = analytics.scores({});
    QVERIFY2(scores, qPrintable(analytics.lastError()));
    QCOMPARE(scores->grades.size(), 5);
    QCOMPARE(scores->grades.at(0).grade, QStringLiteral("A"));
    QCOMPARE(scores->grades.at(0).count, 2);
    QCOMPARE(scores->grades.at(0).averageScore, 80.0);
    QCOMPARE(scores->grades.at(2).byStorefront.value(QStringLiteral("azure-portal")), 1);
    QCOMPARE(scores->grades.at(4).grade, QString());
    QCOMPARE(scores->grades.at(4).count, 1);
    QCOMPARE(scores->total(), 11);

    const auto campaigns = analytics.campaigns({});
    QVERIFY(campaigns);
    QCOMPARE(campaigns->campaigns.size(), 3);
    QCOMPARE(campaigns->campaigns.at(0).campaign, QString()); // 6 without a campaign
    QCOMPARE(campaigns->campaigns.at(0).leads, 6);
    const auto spring = campaigns->campaigns.at(1);
    QCOMPARE(spring.campaign, QStringLiteral("spring"));
    QCOMPARE(spring.leads, 3);
    QCOMPARE(spring.qualified, 1); // the lead lost after opportunity
    QCOMPARE(spring.won, 0);
    QCOMPARE(campaigns->campaigns.at(2).qualified, 2); // fall: one qualified, one lost after it

    // Nobody has logged a touch on these leads: the chart has nothing to show yet.
    QVERIFY(analytics.firstTouch({}));
    QVERIFY(!analytics.firstTouch({})->available());
}

void TestLeadAnalytics::drillDownSelectsTheLeadsBehindABar() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const QList<qint64> ids = fill(t->database());
    QCOMPARE(ids.size(), specs.size());
    LeadAnalytics analytics(t->database());
    const LeadRepository repo(t->database());
    auto idsOf = [&](const LeadFilter &f) {
        QList<qint64> out;
        for (const Lead &l : repo.list(f, LeadSort{QStringLiteral("id"), false}, 100))
            out << l.id;
        return out;
    };

    // AppSource's qualified step: the won lead, the one lost after opportunity, the one won
    // straight from new.
    const auto qualified =
        analytics.funnelStepLeads({}, QStringLiteral("appsource"), FunnelStep::Qualified);
    QVERIFY2(qualified, qPrintable(analytics.lastError()));
    QCOMPARE(idsOf(*qualified), (QList<qint64>{ids.at(2), ids.at(3), ids.at(4)}));
    // Every step of every storefront holds as many leads as the funnel says.
    const auto funnel = analytics.funnel({});
    for (auto it = funnel->storefronts.cbegin(); it != funnel->storefronts.cend(); ++it) {
        for (FunnelStep step : FunnelSteps::all()) {
            const auto f = analytics.funnelStepLeads({}, it.key(), step);
            QVERIFY(f);
            QCOMPARE(repo.count(*f), FunnelReport::at(*it, step));
        }
    }
    // Nobody reached won on the portal: the drill-down is empty, not everything.
    QCOMPARE(
        repo.count(*analytics.funnelStepLeads({}, QStringLiteral("azure-portal"), FunnelStep::Won)),
        0);

    const auto offers = analytics.offers({});
    for (const auto &o : offers->offers) {
        for (const QString &action : ActionCategories::all()) {
            const auto f = analytics.offerLeads({}, o.offerId, action);
            QVERIFY(f);
            QCOMPARE(repo.count(*f), o.byAction.value(action));
        }
        QCOMPARE(repo.count(*analytics.offerLeads({}, o.offerId, {})), o.leads);
    }

    for (const auto by : {LeadTrend::By::Storefront, LeadTrend::By::Action}) {
        const auto weeks = analytics.trend({}, LeadTrend::Interval::Week, by);
        for (const auto &b : weeks->buckets) {
            QCOMPARE(repo.count(*analytics.trendLeads({}, *weeks, b.start, {})), b.total);
            for (const QString &key : weeks->keys)
                QCOMPARE(repo.count(*analytics.trendLeads({}, *weeks, b.start, key)),
                         b.byKey.value(key));
        }
    }

    const auto scores = analytics.scores({});
    for (const auto &g : scores->grades)
        QCOMPARE(repo.count(*analytics.gradeLeads({}, g.grade)), g.count);
    const auto campaigns = analytics.campaigns({});
    for (const auto &c : campaigns->campaigns)
        QCOMPARE(repo.count(*analytics.campaignLeads({}, c.campaign)), c.leads);
}

void TestLeadAnalytics::firstTouchCountsLoggedTouches() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const QDateTime arrived(QDate(2026, 11, 2), QTime(9, 0), QTimeZone::utc());
    auto lead = [&](const char *name, Storefront storefront) {
        Lead l;
        l.storefront = storefront;
        l.action = QStringLiteral("PLT");
        l.offerId = QStringLiteral("contoso.analytics");
        l.firstName = QLatin1String(name);
        l.lastName = QStringLiteral("Visser");
        l.email = QLatin1String(name) + QStringLiteral("@fabrikam.com");
        l.createdAt = arrived;
        l.lastEventAt = arrived;
        return TestDatabase::insertLead(db, l);
    };
    const qint64 quick = lead("anna", Storefront::AppSource);
    const qint64 sameDay = lead("bram", Storefront::AppSource);
    const qint64 late = lead("cees", Storefront::AzureMarketplace);
    lead("dirk", Storefront::AzureMarketplace); // nobody has called yet
    LeadNurturer nurturer(db);
    Touch called;
    called.outcome = QStringLiteral("talked");
    auto touch = [&](qint64 id, qint64 afterSeconds) {
        nurturer.setNow(arrived.addSecs(afterSeconds));
        const UpdateResult r =
            nurturer.logTouch(id, 0, called, std::nullopt, QStringLiteral("sam"));
        QVERIFY2(r.ok(), qPrintable(r.error));
    };
    touch(quick, 30 * 60);
    touch(sameDay, 5 * 3600);
    touch(late, 3 * 24 * 3600);

    const LeadAnalytics analytics(db);
    const std::optional<FirstTouchReport> all = analytics.firstTouch({});
    QVERIFY2(all, qPrintable(analytics.lastError()));
    QVERIFY(all->available());
    QCOMPARE(all->touched, 3);
    QCOMPARE(all->targetHours, 24);
    QCOMPARE(all->pastTarget, 1); // three days
    QCOMPARE(all->waiting, 1);
    QCOMPARE(all->buckets.size(), 7);
    QCOMPARE(all->buckets.at(0).label, QStringLiteral("under 1 h"));
    QCOMPARE(all->buckets.at(0).count, 1);
    QCOMPARE(all->buckets.at(2).label, QStringLiteral("4 h–8 h"));
    QCOMPARE(all->buckets.at(2).count, 1);
    QCOMPARE(all->buckets.at(5).label, QStringLiteral("2 days–7 days"));
    QCOMPARE(all->buckets.at(5).count, 1);

    // The same filter as every chart: Azure Marketplace alone.
    LeadFilter azure;
    azure.storefront = Storefront::AzureMarketplace;
    const std::optional<FirstTouchReport> some = analytics.firstTouch(azure);
    QVERIFY(some);
    QCOMPARE(some->touched, 1);
    QCOMPARE(some->pastTarget, 1);
    QCOMPARE(some->waiting, 1);

    // A lead in the trash is in no chart; back from it, it counts with its first touch again.
    LeadTrash trash(db);
    QVERIFY(trash.remove({late}, QStringLiteral("sam")).first().ok());
    QCOMPARE(analytics.firstTouch({})->pastTarget, 0);
    QCOMPARE(analytics.firstTouch({})->touched, 2);
    QVERIFY(trash.restore({late}, QStringLiteral("sam")).first().ok());
    const std::optional<FirstTouchReport> back = analytics.firstTouch({});
    QCOMPARE(back->touched, 3);
    QCOMPARE(back->pastTarget, 1);
    QCOMPARE(back->buckets.at(5).count, 1);
    QCOMPARE(back->waiting, 1);
}

QTEST_GUILESS_MAIN(TestLeadAnalytics)
#include "tst_leadanalytics.moc"
