#include "core/domain/dedupkey.h"
#include "core/domain/lead.h"

#include <QTest>

// De-duplication keys: one person's interest in one offer.
class TestDedupKey : public QObject {
    Q_OBJECT
private slots:
    void sameLead_data();
    void sameLead();
    void nothingIdentifies();
    void normalise_data();
    void normalise();
    void identityIsTheKeysTogether_data();
    void identityIsTheKeysTogether();
};

namespace {
Lead make(const QString &email, const QString &first, const QString &last, const QString &company,
          const QString &offer) {
    Lead l;
    l.email = email;
    l.firstName = first;
    l.lastName = last;
    l.company = company;
    l.offerId = offer;
    return l;
}
} // namespace

void TestDedupKey::sameLead_data() {
    QTest::addColumn<Lead>("a");
    QTest::addColumn<Lead>("b");
    QTest::addColumn<bool>("same");
    const QString offer = QStringLiteral("contoso.app");
    QTest::newRow("email case and spaces")
        << make(QStringLiteral(" Ana@Fabrikam.com "), {}, {}, {}, offer)
        << make(QStringLiteral("ana@fabrikam.com"), QStringLiteral("Ana"), {}, {}, offer) << true;
    QTest::newRow("same email, other offer")
        << make(QStringLiteral("ana@fabrikam.com"), {}, {}, {}, offer)
        << make(QStringLiteral("ana@fabrikam.com"), {}, {}, {}, QStringLiteral("contoso.vm"))
        << false;
    QTest::newRow("no email: name and company normalised")
        << make({}, QStringLiteral("José "), QStringLiteral("García"),
                QStringLiteral("Fabrikam, Inc."), offer)
        << make({}, QStringLiteral("JOSÉ"), QStringLiteral(" garcía"),
                QStringLiteral("fabrikam  inc"), offer)
        << true;
    QTest::newRow("no email: other company")
        << make({}, QStringLiteral("Ana"), QStringLiteral("Silva"), QStringLiteral("Fabrikam"),
                offer)
        << make({}, QStringLiteral("Ana"), QStringLiteral("Silva"), QStringLiteral("Contoso"),
                offer)
        << false;
    QTest::newRow("email vs no email")
        << make(QStringLiteral("ana@fabrikam.com"), QStringLiteral("Ana"), {}, {}, offer)
        << make({}, QStringLiteral("Ana"), {}, {}, offer) << false;
}

void TestDedupKey::sameLead() {
    QFETCH(Lead, a);
    QFETCH(Lead, b);
    QFETCH(bool, same);
    QVERIFY(!DedupKey::of(a).isEmpty());
    QCOMPARE(DedupKey::of(a) == DedupKey::of(b), same);
}

void TestDedupKey::nothingIdentifies() {
    Lead l = make({}, {}, {}, {}, QStringLiteral("contoso.app"));
    l.phone = QStringLiteral("+1 555 0100");
    QVERIFY(DedupKey::of(l).isEmpty());
}

void TestDedupKey::normalise_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normal");
    QTest::newRow("plain") << QStringLiteral("Ana") << QStringLiteral("ana");
    QTest::newRow("punctuation dropped, spaces collapsed")
        << QStringLiteral("  Fabrikam,   Inc.\t(EU) ") << QStringLiteral("fabrikam inc eu");
    QTest::newRow("apostrophe and hyphen join")
        << QStringLiteral("Jean-Luc O'Neil") << QStringLiteral("jeanluc oneil");
    QTest::newRow("digits kept") << QStringLiteral("Contoso 365 Ltd")
                                 << QStringLiteral("contoso 365 ltd");
    QTest::newRow("line breaks are spaces")
        << QStringLiteral("Ana\r\nSilva") << QStringLiteral("ana silva");
    QTest::newRow("only punctuation") << QStringLiteral(" -.- ") << QString();
    QTest::newRow("accents folded")
        << QStringLiteral("JOSÉ García") << QStringLiteral("josé garcía");
    QTest::newRow("compatibility forms")
        << QStringLiteral("\uFF21na \uFB01nance") << QStringLiteral("ana finance");
}

void TestDedupKey::normalise() {
    QFETCH(QString, text);
    QFETCH(QString, normal);
    QCOMPARE(DedupKey::normalise(text), normal);
}

void TestDedupKey::identityIsTheKeysTogether_data() {
    QTest::addColumn<Lead>("lead");
    const QString offer = QStringLiteral(" Contoso.App ");
    QTest::newRow("email and name")
        << make(QStringLiteral(" Ana@Fabrikam.com "), QStringLiteral("Ana"),
                QStringLiteral("Silva"), QStringLiteral("Fabrikam"), offer);
    QTest::newRow("name only") << make({}, QStringLiteral("José"), QStringLiteral("García"), {},
                                       offer);
    QTest::newRow("last name only") << make({}, {}, QStringLiteral("O'Neil"), {}, offer);
    QTest::newRow("company only") << make({}, {}, {}, QStringLiteral("Fabrikam, Inc."), offer);
    QTest::newRow("email only") << make(QStringLiteral("ana@fabrikam.com"), {}, {}, {}, offer);
    QTest::newRow("nothing") << make({}, {}, {}, {}, offer);
    QTest::newRow("punctuation for a name") << make(
        QStringLiteral("ana@fabrikam.com"), QStringLiteral("--"), QStringLiteral("."), {}, offer);
}

void TestDedupKey::identityIsTheKeysTogether() {
    QFETCH(Lead, lead);
    const DedupKey::Identity identity = DedupKey::identity(lead);
    QCOMPARE(identity.key, DedupKey::of(lead));
    QCOMPARE(identity.nameHash, DedupKey::nameHash(lead));
    QCOMPARE(identity.hasName, DedupKey::hasName(lead));
}

QTEST_GUILESS_MAIN(TestDedupKey)
#include "tst_dedupkey.moc"
