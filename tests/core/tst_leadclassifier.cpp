#include "core/domain/lead.h"
#include "core/domain/leadclassifier.h"

#include <QTest>

// The marketplace's own flags: test leads, .edu privacy and do-not-contact.
class TestLeadClassifier : public QObject {
    Q_OBJECT
private slots:
    void testLeads_data();
    void testLeads();
    void privacy_data();
    void privacy();
    void doNotContact();
};

void TestLeadClassifier::testLeads_data() {
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("company");
    QTest::addColumn<bool>("isTest");
    QTest::newRow("first name") << QStringLiteral("MSFT_TEST_123456") << QStringLiteral("Test")
                                << QString() << QString() << true;
    QTest::newRow("last name") << QStringLiteral("Jo") << QStringLiteral("MSFT_TEST_9") << QString()
                               << QString() << true;
    QTest::newRow("email") << QString() << QString() << QStringLiteral("msft_test_42@contoso.com")
                           << QString() << true;
    QTest::newRow("company") << QString() << QString() << QString()
                             << QStringLiteral("MSFT_TEST_1 Corp") << true;
    QTest::newRow("real person") << QStringLiteral("Ana") << QStringLiteral("Silva")
                                 << QStringLiteral("ana@fabrikam.com") << QStringLiteral("Fabrikam")
                                 << false;
    QTest::newRow("similar but not the marker")
        << QStringLiteral("MSFT") << QStringLiteral("TEST") << QStringLiteral("msft.test@x.com")
        << QStringLiteral("MSFT TEST") << false;
}

void TestLeadClassifier::testLeads() {
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(QString, email);
    QFETCH(QString, company);
    QFETCH(bool, isTest);
    Lead lead;
    lead.firstName = first;
    lead.lastName = last;
    lead.email = email;
    lead.company = company;
    LeadClassifier::classify(lead);
    QCOMPARE(lead.isTest, isTest);
}

void TestLeadClassifier::privacy_data() {
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("restricted");
    QTest::newRow("us university") << QStringLiteral("student@stateu.edu") << true;
    QTest::newRow("upper case") << QStringLiteral("PROF@MIT.EDU") << true;
    QTest::newRow("nested edu") << QStringLiteral("x@uni.edu.au") << true;
    QTest::newRow("company") << QStringLiteral("a@education.com") << false;
    QTest::newRow("edu in local part") << QStringLiteral("edu@contoso.com") << false;
    QTest::newRow("no email") << QString() << false;
}

void TestLeadClassifier::privacy() {
    QFETCH(QString, email);
    QFETCH(bool, restricted);
    QCOMPARE(LeadClassifier::isPrivacyRestricted(email), restricted);
}

void TestLeadClassifier::doNotContact() {
    Lead dnc;
    dnc.action = QStringLiteral("DNC");
    LeadClassifier::classify(dnc);
    QVERIFY(dnc.doNotContact);
    Lead install;
    install.action = QStringLiteral("INS");
    LeadClassifier::classify(install);
    QVERIFY(!install.doNotContact);
}

QTEST_GUILESS_MAIN(TestLeadClassifier)
#include "tst_leadclassifier.moc"
