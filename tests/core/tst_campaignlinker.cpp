#include "core/nurture/campaignlinker.h"
#include "core/storage/campaignrepository.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadrepository.h"
#include "testdatabase.h"

#include <QTest>
#include <QTimeZone>

// Campaigns against SQLite and PostgreSQL: the shipped campaigns and rules, campaigns added by
// hand, leads linked by the rules with a timeline line each, and the campaign texts leads carry
// made into campaigns.
class TestCampaignLinker : public QObject {
    Q_OBJECT
private slots:
    void autoLinkByRules_data() { TestDatabase::addBackendRows(); }
    void autoLinkByRules();
    void addAndSync_data() { TestDatabase::addBackendRows(); }
    void addAndSync();
};

namespace {
qint64 add(const Database &db, const char *email, Storefront storefront, const char *action,
           const char *campaign = "") {
    Lead l;
    l.storefront = storefront;
    l.action = QLatin1String(action);
    l.offerId = QStringLiteral("contoso.analytics");
    l.email = QLatin1String(email);
    l.campaign = QLatin1String(campaign);
    l.createdAt = QDateTime::currentDateTimeUtc();
    l.lastEventAt = l.createdAt;
    return TestDatabase::insertLead(db, l);
}
} // namespace

void TestCampaignLinker::autoLinkByRules() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const qint64 contactMe = add(db, "a@a.com", Storefront::AppSource, "PLT");
    const qint64 testDrive = add(db, "b@a.com", Storefront::AzureMarketplace, "StartTestDrive");
    const qint64 kept = add(db, "c@a.com", Storefront::AppSource, "PLT", "ignite-2026");
    const qint64 unmatched = add(db, "d@a.com", Storefront::Other, "DNC");
    const CampaignLinker::Result r = CampaignLinker(db).linkByRules(QStringLiteral("sam"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.linked, 2);
    QCOMPARE(r.unmatched, 1);
    const LeadRepository leads(db);
    QCOMPARE(leads.lead(contactMe)->campaign, QStringLiteral("appsource-contact-me"));
    QCOMPARE(leads.lead(testDrive)->campaign, QStringLiteral("test-drive"));
    QCOMPARE(leads.lead(kept)->campaign, QStringLiteral("ignite-2026"));
    QVERIFY(leads.lead(unmatched)->campaign.isEmpty());
    bool line = false;
    for (const Activity &a : LeadHistory(db).activities(contactMe))
        line |= a.field == QLatin1String("campaign") && a.actor == QLatin1String("sam") &&
                a.newValue.toString() == QLatin1String("appsource-contact-me");
    QVERIFY(line);
    // An edited rule links the next leads its way.
    CampaignRepository campaigns(db);
    const qsizetype rulesBefore = campaigns.rules().size();
    Campaign event;
    event.name = QStringLiteral("Partner summit");
    event.kind = CampaignKind::Event;
    QVERIFY2(campaigns.add(event, QStringLiteral("sam")), qPrintable(campaigns.lastError()));
    QVERIFY2(campaigns.setRule({0, QString(), QStringLiteral("DNC"), event.name}),
             qPrintable(campaigns.lastError()));
    QVERIFY(CampaignLinker(db).linkByRules(QStringLiteral("sam")).ok);
    QCOMPARE(leads.lead(unmatched)->campaign, event.name);
    QVERIFY(!campaigns.setRule({0, QString(), QStringLiteral("INS"), QStringLiteral("Nope")}));
    QCOMPARE(campaigns.lastError(), QStringLiteral("no campaign named \"Nope\""));
    // A rule for a storefront that does not exist would never link a lead.
    QVERIFY(!campaigns.setRule({0, QStringLiteral("azure"), QStringLiteral("PLT"), event.name}));
    QVERIFY2(campaigns.lastError().startsWith(QLatin1String("\"azure\" is not a storefront")),
             qPrintable(campaigns.lastError()));
    QCOMPARE(campaigns.rules().size(), rulesBefore + 1);
}

void TestCampaignLinker::addAndSync() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    CampaignRepository campaigns(db);
    const QList<Campaign> shipped = campaigns.all();
    QCOMPARE(shipped.size(), 6);
    QVERIFY(campaigns.find(QStringLiteral("appsource-contact-me")));
    QCOMPARE(campaigns.find(QStringLiteral("appsource-contact-me"))->kind, CampaignKind::ContactMe);
    Campaign c;
    c.name = QStringLiteral("Ignite 2026");
    c.storefront = QStringLiteral("azure-marketplace");
    c.kind = CampaignKind::Event;
    c.budget = 12000;
    QVERIFY2(campaigns.add(c, QStringLiteral("sam")), qPrintable(campaigns.lastError()));
    QVERIFY(!campaigns.add(c, QStringLiteral("sam")));
    QCOMPARE(campaigns.lastError(),
             QStringLiteral("a campaign named \"Ignite 2026\" exists already"));
    c.name = QStringLiteral("Elsewhere");
    c.storefront = QStringLiteral("amazon");
    QVERIFY(!campaigns.add(c, QStringLiteral("sam")));
    // A campaign that ends before it starts is refused, and not stored.
    c.name = QStringLiteral("Backwards");
    c.storefront.clear();
    c.startsAt = QDateTime(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::utc());
    c.endsAt = QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc());
    QVERIFY(!campaigns.add(c, QStringLiteral("sam")));
    QCOMPARE(campaigns.lastError(),
             QStringLiteral("campaign \"Backwards\" ends (2026-11-01T00:00:00Z) before it starts "
                            "(2026-12-01T00:00:00Z)"));
    QVERIFY(!campaigns.find(QStringLiteral("Backwards")));
    c.startsAt = {};
    c.endsAt = {};
    // Imported leads bring campaign texts of their own: sync makes them campaigns, with counts.
    add(db, "a@a.com", Storefront::AppSource, "PLT", "webinar-march");
    add(db, "b@a.com", Storefront::AppSource, "INS", "webinar-march");
    add(db, "c@a.com", Storefront::AppSource, "INS", "Ignite 2026");
    QCOMPARE(campaigns.sync(QStringLiteral("sam")), 1);
    QCOMPARE(campaigns.sync(QStringLiteral("sam")), 0);
    const std::optional<Campaign> webinar = campaigns.find(QStringLiteral("webinar-march"));
    QVERIFY(webinar);
    QCOMPARE(webinar->kind, CampaignKind::Other);
    QCOMPARE(webinar->leads, 2);
    QCOMPARE(campaigns.find(QStringLiteral("Ignite 2026"))->budget, 12000.0);
    LeadFilter filter;
    filter.campaign = QStringLiteral("webinar-march");
    QCOMPARE(LeadRepository(db).count(filter), 2);
}

QTEST_MAIN(TestCampaignLinker)
#include "tst_campaignlinker.moc"
