#include "core/domain/personname.h"

#include <QTest>

// One name column split into the first and last name a greeting and de-duplication use.
class TestPersonName : public QObject {
    Q_OBJECT
private slots:
    void split_data();
    void split();
};

void TestPersonName::split_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    auto row = [](const char *text, const char *first, const char *last) {
        QTest::newRow(text) << QString::fromUtf8(text) << QString::fromUtf8(first)
                            << QString::fromUtf8(last);
    };
    row("Jan de Vries", "Jan", "de Vries");
    row("Vries, Jan de", "Jan de", "Vries");
    row("Lee, Ann", "Ann", "Lee");
    row("Ann Lee", "Ann", "Lee");
    row("  Ann   Lee  ", "Ann", "Lee");
    row("Mary Ann Smith", "Mary Ann", "Smith");
    row("Maria Anna van der Berg", "Maria Anna", "van der Berg");
    row("Ludwig van Beethoven", "Ludwig", "van Beethoven");
    row("Jan in 't Veld", "Jan", "in 't Veld");
    row("Maria da Silva", "Maria", "da Silva");
    row("Otto von Bismarck", "Otto", "von Bismarck");
    row("John Smith Jr.", "John", "Smith Jr.");
    row("Smith, Jr.", "", "Smith Jr.");
    row("Dr. Ann Lee", "Ann", "Lee");
    row("Mevr. Anna de Boer", "Anna", "de Boer");
    row("Dhr. Jansen", "", "Jansen");
    row("Dhr. van Dijk", "", "van Dijk");
    row("van Dijk", "", "van Dijk");
    row("Cher", "Cher", "");
    row("Mr", "Mr", "");
    row("José Álvarez", "José", "Álvarez");
    row("", "", "");
}

void TestPersonName::split() {
    QFETCH(QString, text);
    QFETCH(QString, first);
    QFETCH(QString, last);
    const PersonName name = PersonName::split(text);
    QCOMPARE(name.first, first);
    QCOMPARE(name.last, last);
}

QTEST_GUILESS_MAIN(TestPersonName)
#include "tst_personname.moc"
