#include "core/domain/campaignrule.h"
#include "core/domain/lead.h"

#include <QTest>

// Which campaign the rules link a lead to by its storefront and action.
class TestCampaignRule : public QObject {
    Q_OBJECT
private slots:
    void campaignFor_data();
    void campaignFor();
};

void TestCampaignRule::campaignFor_data() {
    QTest::addColumn<QString>("storefront");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("campaign");
    QTest::newRow("AppSource contact me") << "appsource"
                                          << "PLT"
                                          << "Contact me";
    QTest::newRow("Azure Marketplace PLT") << "azure-marketplace"
                                           << "PLT"
                                           << "In demand";
    QTest::newRow("test drive anywhere") << "azure-marketplace"
                                         << "StartTestDrive"
                                         << "Test drive";
    QTest::newRow("storefront rule first") << "appsource"
                                           << "StartTestDrive"
                                           << "AppSource test drive";
    QTest::newRow("action letter case") << "appsource"
                                        << "plt"
                                        << "Contact me";
    QTest::newRow("no rule") << "azure-portal"
                             << "DNC"
                             << "";
}

void TestCampaignRule::campaignFor() {
    QFETCH(QString, storefront);
    QFETCH(QString, action);
    QFETCH(QString, campaign);
    const QList<CampaignRule> rules = {
        {1, QString(), QStringLiteral("StartTestDrive"), QStringLiteral("Test drive")},
        {2, QStringLiteral("appsource"), QStringLiteral("PLT"), QStringLiteral("Contact me")},
        {3, QStringLiteral("azure-marketplace"), QStringLiteral("PLT"),
         QStringLiteral("In demand")},
        {4, QStringLiteral("appsource"), QStringLiteral("StartTestDrive"),
         QStringLiteral("AppSource test drive")},
    };
    Lead lead;
    QVERIFY(Storefronts::fromCanonicalName(storefront, &lead.storefront));
    lead.action = action;
    QCOMPARE(CampaignRule::campaignFor(rules, lead), campaign);
}

QTEST_APPLESS_MAIN(TestCampaignRule)
#include "tst_campaignrule.moc"
