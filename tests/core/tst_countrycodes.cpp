#include "core/domain/countrycodes.h"

#include <QTest>

// Country names as CRMs and people write them, read as the ISO codes leads store.
class TestCountryCodes : public QObject {
    Q_OBJECT
private slots:
    void fromText_data();
    void fromText();
    void everyCodeReadsAsItself();
};

void TestCountryCodes::fromText_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    auto row = [](const char *text, const char *code) {
        QTest::newRow(text) << QString::fromUtf8(text) << QString::fromLatin1(code);
    };
    row("NL", "NL");
    row("nl", "NL");
    row(" de ", "DE");
    row("Netherlands", "NL");
    row("the netherlands", "NL");
    row("Germany", "DE");
    row("UNITED STATES", "US");
    row("USA", "US");
    row("US", "US");
    row("U.S.A.", "US");
    row("United States of America", "US");
    row("UK", "GB");
    row("Great Britain", "GB");
    row("England", "GB");
    row("United Kingdom", "GB");
    row("Korea, Republic of", "KR");
    row("South Korea", "KR");
    row("Viet Nam", "VN");
    row("Vietnam", "VN");
    row("Czech Republic", "CZ");
    row("Côte d'Ivoire", "CI");
    row("Cote dIvoire", "CI");
    row("Deutschland", "DE");
    row("Nederland", "NL");
    row("België", "BE");
    row("Belgie", "BE");
    row("Belgique", "BE");
    row("Österreich", "AT");
    row("Osterreich", "AT");
    row("Schweiz", "CH");
    row("Suisse", "CH");
    row("España", "ES");
    row("Espana", "ES");
    row("Italia", "IT");
    row("Polska", "PL");
    row("Sverige", "SE");
    row("Norge", "NO");
    row("Danmark", "DK");
    row("Suomi", "FI");
    row("Éire", "IE");
    row("日本", "JP");
    row("中国", "CN");
    row("Brasil", "BR");
    row("México", "MX");
    row("Türkiye", "TR");
    row("Turkey", "TR");
    row("New Zealand", "NZ");
    row("South Africa", "ZA");
    row("Kosovo", "XK");
    row("Atlantis", "");
    row("XX", "");
    row("EU", "");
    row("", "");
    row("--", "");
}

void TestCountryCodes::fromText() {
    QFETCH(QString, text);
    QFETCH(QString, code);
    QCOMPARE(CountryCodes::fromText(text), code);
}

void TestCountryCodes::everyCodeReadsAsItself() {
    int codes = 0;
    for (char a = 'A'; a <= 'Z'; ++a)
        for (char b = 'A'; b <= 'Z'; ++b) {
            const QString code = QString(QLatin1Char(a)) + QLatin1Char(b);
            if (!CountryCodes::isCode(code))
                continue;
            ++codes;
            QCOMPARE(CountryCodes::fromText(code.toLower()), code);
        }
    QVERIFY2(codes >= 245, qPrintable(QString::number(codes))); // ISO 3166 assigns 249
}

QTEST_GUILESS_MAIN(TestCountryCodes)
#include "tst_countrycodes.moc"
