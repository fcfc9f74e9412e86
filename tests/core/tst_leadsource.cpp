#include "core/domain/leadsource.h"

#include <QTest>

// LeadSource parsing: every documented source and action, unknown codes, and garbage.
class TestLeadSource : public QObject {
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void neverLosesInput_data();
    void neverLosesInput();
};

void TestLeadSource::parse_data() {
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("storefront");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("offer");
    QTest::addColumn<bool>("wellFormed");

    const QString offer = QStringLiteral("contoso.analytics-saas");
    const QList<std::pair<QString, QString>> sources = {
        {QStringLiteral("AzureMarketplace"), QStringLiteral("azure-marketplace")},
        {QStringLiteral("AzurePortal"), QStringLiteral("azure-portal")},
        {QStringLiteral("AppSource"), QStringLiteral("appsource")},
        {QStringLiteral("SPZA"), QStringLiteral("appsource")}};
    const QStringList actions = {QStringLiteral("INS"), QStringLiteral("PLT"),
                                 QStringLiteral("DNC"), QStringLiteral("Create"),
                                 QStringLiteral("StartTestDrive")};
    for (const auto &[source, storefront] : sources) {
        for (const QString &action : actions) {
            const QString raw = source + QLatin1Char('-') + action + QLatin1Char('|') + offer;
            QTest::newRow(qPrintable(raw)) << raw << storefront << action << offer << true;
        }
    }
    QTest::newRow("unknown action kept verbatim")
        << QStringLiteral("AppSource-NewThing|fabrikam.crm") << QStringLiteral("appsource")
        << QStringLiteral("NewThing") << QStringLiteral("fabrikam.crm") << true;
    QTest::newRow("source in other case")
        << QStringLiteral("azuremarketplace-INS|a.b") << QStringLiteral("azure-marketplace")
        << QStringLiteral("INS") << QStringLiteral("a.b") << true;
    QTest::newRow("spaces around parts")
        << QStringLiteral("  AzurePortal - Create | a.b ") << QStringLiteral("azure-portal")
        << QStringLiteral("Create") << QStringLiteral("a.b") << true;
    QTest::newRow("offer id with dashes")
        << QStringLiteral("AppSource-INS|contoso.my-app-v2") << QStringLiteral("appsource")
        << QStringLiteral("INS") << QStringLiteral("contoso.my-app-v2") << true;
    QTest::newRow("unknown source") << QStringLiteral("Teams-INS|a.b") << QStringLiteral("other")
                                    << QStringLiteral("INS") << QStringLiteral("a.b") << false;
    QTest::newRow("no offer") << QStringLiteral("AppSource-INS") << QStringLiteral("appsource")
                              << QStringLiteral("INS") << QString() << false;
    QTest::newRow("no action") << QStringLiteral("AppSource|a.b") << QStringLiteral("appsource")
                               << QString() << QStringLiteral("a.b") << false;
    QTest::newRow("empty") << QString() << QStringLiteral("other") << QString() << QString()
                           << false;
    QTest::newRow("garbage") << QStringLiteral("%%%|||---") << QStringLiteral("other") << QString()
                             << QStringLiteral("||---") << false;
}

void TestLeadSource::parse() {
    QFETCH(QString, raw);
    QFETCH(QString, storefront);
    QFETCH(QString, action);
    QFETCH(QString, offer);
    QFETCH(bool, wellFormed);

    const LeadSource ls = LeadSource::parse(raw);
    QCOMPARE(Storefronts::canonicalName(ls.storefront), storefront);
    QCOMPARE(ls.action, action);
    QCOMPARE(ls.offerId, offer);
    QCOMPARE(ls.wellFormed, wellFormed);
    QCOMPARE(ls.raw, raw);
}

void TestLeadSource::neverLosesInput_data() {
    QTest::addColumn<QString>("raw");
    QTest::newRow("binary-ish") << QString::fromUtf8("\x01\x02-\x7f|\xc3\xa9");
    QTest::newRow("only separators") << QStringLiteral("-|");
    QTest::newRow("long") << QString(10000, QLatin1Char('x'));
    QTest::newRow("unicode") << QStringLiteral("Ăppßource-INS|日本.オファー");
}

void TestLeadSource::neverLosesInput() {
    QFETCH(QString, raw);
    const LeadSource ls = LeadSource::parse(raw);
    QCOMPARE(ls.raw, raw);
    QCOMPARE(ls.storefront, Storefront::Other);
    QVERIFY(!ls.wellFormed);
}

QTEST_GUILESS_MAIN(TestLeadSource)
#include "tst_leadsource.moc"
