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

QTEST_GUILESS_MAIN(TestDedupKey)
#include "tst_dedupkey.moc"
