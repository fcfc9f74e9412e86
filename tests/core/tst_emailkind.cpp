#include "core/domain/emailkind.h"

#include <QTest>

// Email addresses read as a work address, a free-mail address or none at all.
class TestEmailKind : public QObject {
    Q_OBJECT
private slots:
    void of_data();
    void of();
};

void TestEmailKind::of_data() {
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("kind");
    auto row = [](const char *email, const char *kind) {
        QTest::newRow(email) << QString::fromUtf8(email) << QString::fromLatin1(kind);
    };
    row("anna@contoso.com", "corporate");
    row("j.jansen@gemeente.nl", "corporate");
    row("student@stateu.edu", "corporate");
    row("someone@gmail.com", "free-mail");
    row("Someone@GMAIL.com ", "free-mail");
    row("x@outlook.com", "free-mail");
    row("x@hotmail.nl", "free-mail");
    row("x@gmx.de", "free-mail");
    row("x@proton.me", "free-mail");
    row("", "missing");
    row("not an address", "missing");
    row("@contoso.com", "missing");
    row("anna@", "missing");
}

void TestEmailKind::of() {
    QFETCH(QString, email);
    QFETCH(QString, kind);
    QCOMPARE(EmailKinds::canonicalName(EmailKinds::of(email)), kind);
    EmailKind back = EmailKind::Missing;
    QVERIFY(EmailKinds::fromCanonicalName(kind, &back));
    QCOMPARE(back, EmailKinds::of(email));
}

QTEST_GUILESS_MAIN(TestEmailKind)
#include "tst_emailkind.moc"
