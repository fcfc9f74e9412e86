#include "core/domain/lead.h"
#include "core/nurture/emailtemplate.h"

#include <QTest>
#include <QUrlQuery>

// An email touch's mailto: link: placeholders filled from the lead, text percent-encoded, and
// no link for a do-not-contact lead or one without an address.
class TestEmailTemplate : public QObject {
    Q_OBJECT
private slots:
    void placeholders_data();
    void placeholders();
    void mailtoLink();
    void refusals();
};

namespace {
Lead person() {
    Lead l;
    l.id = 12;
    l.storefront = Storefront::AzureMarketplace;
    l.firstName = QStringLiteral("Zoë");
    l.company = QStringLiteral("Fabrikam & Co");
    l.offerTitle = QStringLiteral("Contoso Analytics");
    l.email = QStringLiteral("zoe@fabrikam.com");
    return l;
}
} // namespace

void TestEmailTemplate::placeholders_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("filled");
    QTest::newRow("all") << "{FirstName} at {Company}: {OfferTitle} on {Storefront}, {Owner}"
                         << "Zoë at Fabrikam & Co: Contoso Analytics on Azure Marketplace, sam";
    QTest::newRow("twice") << "{FirstName}, {FirstName}"
                           << "Zoë, Zoë";
    QTest::newRow("unknown kept") << "{Budget}"
                                  << "{Budget}";
}

void TestEmailTemplate::placeholders() {
    QFETCH(QString, text);
    QFETCH(QString, filled);
    QCOMPARE(EmailTemplate::fill(text, person(), QStringLiteral("sam")), filled);
}

void TestEmailTemplate::mailtoLink() {
    const EmailTemplate t{QStringLiteral("{OfferTitle} for {Company}"),
                          QStringLiteral("Hello {FirstName},\nregards, {Owner}")};
    QString refusal;
    const QUrl url = t.mailto(person(), QStringLiteral("sam"), &refusal);
    QVERIFY2(url.isValid(), qPrintable(refusal));
    QCOMPARE(url.scheme(), QStringLiteral("mailto"));
    QCOMPARE(url.path(), QStringLiteral("zoe@fabrikam.com"));
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("subject"), QUrl::FullyDecoded),
             QStringLiteral("Contoso Analytics for Fabrikam & Co"));
    QCOMPARE(query.queryItemValue(QStringLiteral("body"), QUrl::FullyDecoded),
             QStringLiteral("Hello Zoë,\nregards, sam"));
    // The & of the company name does not split the query.
    QVERIFY(url.toString(QUrl::FullyEncoded).contains(QStringLiteral("Fabrikam%20%26%20Co")));
}

void TestEmailTemplate::refusals() {
    Lead dnc = person();
    dnc.doNotContact = true;
    QString refusal;
    QVERIFY(!EmailTemplate::standard().mailto(dnc, QStringLiteral("sam"), &refusal).isValid());
    QCOMPARE(refusal, QStringLiteral("lead 12 is do-not-contact: no email can be sent"));
    Lead noAddress = person();
    noAddress.email.clear();
    QVERIFY(
        !EmailTemplate::standard().mailto(noAddress, QStringLiteral("sam"), &refusal).isValid());
    QCOMPARE(refusal, QStringLiteral("lead 12 has no email address"));
}

QTEST_APPLESS_MAIN(TestEmailTemplate)
#include "tst_emailtemplate.moc"
