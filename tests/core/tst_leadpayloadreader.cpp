#include "core/io/leadpayloadreader.h"

#include <QBuffer>
#include <QTest>

// LeadPayloadReader: what the marketplace POSTs to a publisher's HTTPS endpoint, saved to a
// file, read as records under the payload's field names.
class TestLeadPayloadReader : public QObject {
    Q_OBJECT
private slots:
    void records_data();
    void records();
    void positions();
    void notAnObject();
    void unreadable_data();
    void unreadable();
};

namespace {

using Records = QList<QStringList>;

const QStringList knownHeader = {
    QStringLiteral("FirstName"),  QStringLiteral("LastName"),   QStringLiteral("Email"),
    QStringLiteral("Phone"),      QStringLiteral("Country"),    QStringLiteral("Company"),
    QStringLiteral("Title"),      QStringLiteral("LeadSource"), QStringLiteral("ActionCode"),
    QStringLiteral("OfferTitle"), QStringLiteral("Description")};

QStringList row(std::initializer_list<const char *> cells) {
    QStringList out;
    for (const char *c : cells)
        out << QString::fromUtf8(c);
    return out;
}

Records readAll(LeadPayloadReader &reader, QStringList *errors = nullptr) {
    Records out;
    while (reader.next()) {
        out << reader.fields();
        if (errors)
            *errors << reader.error();
    }
    return out;
}

QByteArray payload(const char *first, const char *email, const char *extra = "") {
    return QByteArray(R"({"UserDetails":{"FirstName":")") + first +
           R"(","LastName":"Doe","Email":")" + email +
           R"(","Phone":"+31 6 1234 5678","Country":"NL","Company":"Contoso","Title":"CTO"},)"
           R"("LeadSource":"AzureMarketplace-INS|contoso.offer","ActionCode":"INS",)"
           R"("OfferTitle":"Contoso Cloud","Description":"Wants a demo")" +
           extra + "}";
}

} // namespace

void TestLeadPayloadReader::records_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Records>("records");

    const QStringList ann =
        row({"Ann", "Doe", "ann@contoso.com", "+31 6 1234 5678", "NL", "Contoso", "CTO",
             "AzureMarketplace-INS|contoso.offer", "INS", "Contoso Cloud", "Wants a demo"});
    QTest::newRow("single object")
        << payload("Ann", "ann@contoso.com") << Records{knownHeader, ann};
    QStringList bob = ann;
    bob[0] = QStringLiteral("Bob");
    bob[2] = QStringLiteral("bob@contoso.com");
    QTest::newRow("array") << "[\n  " + payload("Ann", "ann@contoso.com") + ",\n  " +
                                  payload("Bob", "bob@contoso.com") + "\n]\n"
                           << Records{knownHeader, ann, bob};
    QTest::newRow("empty array") << QByteArray(" [ ] ") << Records{knownHeader};

    // Keys Microsoft may add, at either level, are kept as columns of their own; numbers,
    // booleans and nested values as their JSON text.
    QStringList withExtras = knownHeader;
    // First seen: Ann's extra keys (in alphabetical order), then Bob's.
    withExtras << QStringLiteral("Consent") << QStringLiteral("Score") << QStringLiteral("Tags")
               << QStringLiteral("Zip");
    QStringList annExtras = ann;
    annExtras << QStringLiteral("{\"marketing\":true}") << QStringLiteral("31612345678")
              << QStringLiteral("[\"a\",1]") << QString();
    QStringList bobExtras = bob;
    bobExtras << QString() << QStringLiteral("2.5") << QString() << QStringLiteral("1011");
    QTest::newRow("extra keys kept")
        << "[" +
               payload("Ann", "ann@contoso.com",
                       R"(,"Score":31612345678,"Consent":{"marketing":true},"Tags":["a",1])") +
               "," +
               payload("Bob", "bob@contoso.com", R"(,"Score":2.5,"Tags":null)")
                   .replace(R"("Title":"CTO")", R"("Title":"CTO","Zip":"1011")") +
               "]"
        << Records{withExtras, annExtras, bobExtras};

    QTest::newRow("UTF-8 names and a BOM")
        << QByteArray("\xEF\xBB\xBF") +
               QStringLiteral(R"({"UserDetails":{"FirstName":"Jürgen","LastName":"Müller",)"
                              R"("Company":"東京商事"},"ActionCode":"INS"})")
                   .toUtf8()
        << Records{knownHeader,
                   row({"Jürgen", "Müller", "", "", "", "東京商事", "", "", "INS", "", ""})};
    QTest::newRow("field names in another case")
        << QByteArray(R"({"email":"ann@contoso.com","actionCode":"PLT"})")
        << Records{knownHeader,
                   row({"", "", "ann@contoso.com", "", "", "", "", "", "PLT", "", ""})};
}

void TestLeadPayloadReader::records() {
    QFETCH(QByteArray, input);
    QFETCH(Records, records);
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    LeadPayloadReader reader(&buffer);
    QStringList errors;
    QCOMPARE(readAll(reader, &errors), records);
    QCOMPARE(reader.unreadable(), QString());
    QCOMPARE(errors, QStringList(records.size(), QString()));
    QCOMPARE(reader.bytesRead(), input.size());
}

void TestLeadPayloadReader::positions() {
    QByteArray input = "[\n" + payload("Ann", "ann@contoso.com") + ",\n\n  " +
                       payload("Bob", "bob@contoso.com") + "]";
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    LeadPayloadReader reader(&buffer);
    QVERIFY(reader.next());
    QCOMPARE(reader.line(), 0);
    QCOMPARE(reader.bytesRead(), 2);
    QVERIFY(reader.next());
    QCOMPARE(reader.line(), 1);
    QCOMPARE(reader.textLine(), 2);
    QVERIFY(reader.next());
    QCOMPARE(reader.line(), 2);
    QCOMPARE(reader.textLine(), 4);
    QCOMPARE(reader.fields().at(0), QStringLiteral("Bob"));
    QVERIFY(!reader.next());
}

void TestLeadPayloadReader::notAnObject() {
    QByteArray input = "[" + payload("Ann", "ann@contoso.com") + R"(, 42, "x", [1], null, )" +
                       payload("Bob", "bob@contoso.com") + "]";
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    LeadPayloadReader reader(&buffer);
    QStringList errors;
    const Records records = readAll(reader, &errors);
    QCOMPARE(records.size(), 7);
    QCOMPARE(errors,
             (QStringList{QString(), QString(), QStringLiteral("is a number, not a lead object"),
                          QStringLiteral("is a string, not a lead object"),
                          QStringLiteral("is an array, not a lead object"),
                          QStringLiteral("is null, not a lead object"), QString()}));
    QCOMPARE(records.last().at(0), QStringLiteral("Bob")); // the payloads after it still read
}

void TestLeadPayloadReader::unreadable_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("is empty: it holds no lead payload");
    QTest::newRow("only blanks") << QByteArray(" \n\t\n")
                                 << QStringLiteral("is empty: it holds no lead payload");
    QTest::newRow("syntax error") << QByteArray("[\n  {\"UserDetails\": {\"FirstName\": \"Ann\"},\n"
                                                "  \"ActionCode\" \"INS\"}\n]")
                                  << QStringLiteral("is not valid JSON: missing name separator at "
                                                    "line 3, column 17 (byte 58)");
    QTest::newRow("unterminated") << QByteArray("{\"ActionCode\": \"INS\"")
                                  << QStringLiteral("is not valid JSON: unterminated string at "
                                                    "line 1, column 21 (byte 20)");
    QTest::newRow("a number at the top")
        << QByteArray(" 42")
        << QStringLiteral("is no lead payload JSON: that starts with { or [, "
                          "this with \"42\"");
    QTest::newRow("CSV") << QByteArray("Email,FirstName\nann@contoso.com,Ann\n")
                         << QStringLiteral("is no lead payload JSON: that starts with { or [, "
                                           "this with \"Email,Firs\"");
    // A leading zero ends the number; the parser then stops where a comma or } belongs.
    QTest::newRow("leading zero") << QByteArray("[{\"Phone\": 0612}]")
                                  << QStringLiteral("is not valid JSON: unterminated object at "
                                                    "line 1, column 14 (byte 13)");
}

void TestLeadPayloadReader::unreadable() {
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    LeadPayloadReader reader(&buffer);
    QVERIFY(!reader.next());
    QCOMPARE(reader.unreadable(), message);
    QVERIFY(!reader.next());
}

QTEST_GUILESS_MAIN(TestLeadPayloadReader)
#include "tst_leadpayloadreader.moc"
