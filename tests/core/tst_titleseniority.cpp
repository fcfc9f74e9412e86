#include "core/domain/titleseniority.h"

#include <QTest>

// Job titles in the languages leads arrive in, read as the seniority a rep would see in them.
class TestTitleSeniority : public QObject {
    Q_OBJECT
private slots:
    void of_data();
    void of();
    void namesRoundTrip();
};

void TestTitleSeniority::of_data() {
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("seniority");
    auto row = [](const char *title, const char *seniority) {
        QTest::newRow(title) << QString::fromUtf8(title) << QString::fromLatin1(seniority);
    };
    row("Chief Executive Officer", "c-level");
    row("CTO", "c-level");
    row("Co-Founder & CEO", "c-level");
    row("Geschäftsführerin", "c-level");
    row("Algemeen directeur", "c-level");
    row("VP of Engineering", "vp");
    row("Vice President, Sales", "vp");
    row("SVP Marketing", "vp");
    row("Director of IT", "director");
    row("Head of Cloud Infrastructure", "director");
    row("Hoofd ICT", "director");
    row("Directeur informatique", "director");
    row("Leiter IT", "director");
    row("IT Manager", "manager");
    row("Engineering manager", "manager");
    row("Teamleider support", "manager");
    row("Productmanager", "manager");
    row("Gerente de TI", "manager");
    row("Software Engineer", "individual");
    row("Cloud Architect", "individual");
    row("Data Analyst", "individual");
    row("Product Owner", "individual");
    row("Student", "student");
    row("Intern", "student");
    row("Stagiair marketing", "student");
    row("Werkstudent IT", "student");
    row("", "unknown");
    row("  ", "unknown");
}

void TestTitleSeniority::of() {
    QFETCH(QString, title);
    QFETCH(QString, seniority);
    QCOMPARE(TitleSeniority::canonicalName(TitleSeniority::of(title)), seniority);
}

void TestTitleSeniority::namesRoundTrip() {
    for (Seniority s :
         {Seniority::CLevel, Seniority::VicePresident, Seniority::Director, Seniority::Manager,
          Seniority::IndividualContributor, Seniority::Student, Seniority::Unknown}) {
        Seniority back = Seniority::Unknown;
        QVERIFY(TitleSeniority::fromCanonicalName(TitleSeniority::canonicalName(s), &back));
        QCOMPARE(back, s);
        QVERIFY(!TitleSeniority::displayName(s).isEmpty());
    }
    Seniority unused;
    QVERIFY(!TitleSeniority::fromCanonicalName(QStringLiteral("boss"), &unused));
}

QTEST_GUILESS_MAIN(TestTitleSeniority)
#include "tst_titleseniority.moc"
