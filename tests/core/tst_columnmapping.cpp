#include "core/io/columnmapping.h"

#include <QJsonArray>
#include <QTest>

// Proposing which lead field each column of a file fills: every known layout, Storage
// Explorer's type columns, duplicates, a LeadSource column found by its values, the date order,
// and saved profiles.
class TestColumnMapping : public QObject {
    Q_OBJECT
private slots:
    void detect_data();
    void detect();
    void notes_data();
    void notes();
    void leadSourceFoundByValues();
    void dateOrder_data();
    void dateOrder();
    void missingIdentity_data();
    void missingIdentity();
    void profileRoundTrip();
    void profileOnAnotherFile();
    void profileMissingHeader();
    void profileUnknownTarget();
};

using Order = ColumnMapping::DateOrder;
Q_DECLARE_METATYPE(ColumnMapping::DateOrder)

namespace {
QStringList split(const char *text) {
    return QString::fromUtf8(text).split(QLatin1Char(','));
}
QStringList targetsOf(const ColumnMapping &m) {
    QStringList t;
    for (const ColumnMapping::Column &c : m.columns)
        t << (c.target.isEmpty() ? QStringLiteral("-") : c.target);
    return t;
}
} // namespace

void TestColumnMapping::detect_data() {
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QStringList>("targets"); // "-": ignored

    QTest::newRow("microsoft")
        << split("LeadSource,ActionCode,OfferTitle,FirstName,LastName,Email,Phone,Country,Company,"
                 "Title,Description,CreatedTime")
        << QStringLiteral("microsoft")
        << split("lead_source,action,offer_title,first_name,last_name,email,phone,country,"
                 "company,title,description,created_at");
    QTest::newRow("microsoft: Timestamp is the created time when nothing else is")
        << split("Email,Timestamp") << QStringLiteral("microsoft") << split("email,created_at");
    QTest::newRow("azure table")
        << split("PartitionKey,RowKey,Timestamp,ActionCode,ActionCode@type,CustomerInfo,"
                 "Description,LeadSource,OfferTitle,CreatedTime,CreatedTime@type")
        << QStringLiteral("azure-table")
        << split("extra,extra,extra,action,-,customer_info,description,lead_source,offer_title,"
                 "created_at,-");
    QTest::newRow("leadbench export")
        << split("id,storefront,action,offer_id,offer_title,first_name,last_name,email,phone,"
                 "country,company,title,description,created_at,last_event_at,events,stage,owner,"
                 "score,grade,win_probability,next_follow_up_at,follow_ups,do_not_contact,"
                 "is_test,campaign,origin,privacy_restricted,version,dedup_key,name_hash")
        << QStringLiteral("leadbench")
        << split("-,storefront,action,offer_id,offer_title,first_name,last_name,email,phone,"
                 "country,company,title,description,created_at,last_event_at,events,stage,owner,"
                 "score,grade,win_probability,next_follow_up_at,follow_ups,do_not_contact,"
                 "is_test,campaign,origin,-,-,-,-");
    QTest::newRow("salesforce")
        << split("Lead ID,First Name,Last Name,Title,Company,Email,Phone,Mobile,Country,"
                 "Lead Source,Lead Status,Rating,Description,Created Date,Lead Owner,Industry")
        << QStringLiteral("salesforce")
        << split("extra,first_name,last_name,title,company,email,phone,extra,country,storefront,"
                 "stage,grade,description,created_at,owner,extra");
    QTest::newRow("salesforce: a mobile number alone is the phone")
        << split("First Name,Last Name,Mobile,Lead Status") << QStringLiteral("salesforce")
        << split("first_name,last_name,phone,stage");
    QTest::newRow("dynamics")
        << split("Topic,First Name,Last Name,Job Title,Company Name,Email,Business Phone,"
                 "Mobile Phone,Country/Region,Status Reason,Rating,Lead Source,Description,"
                 "Created On,Owner")
        << QStringLiteral("dynamics")
        << split("offer_title,first_name,last_name,title,company,email,phone,extra,country,stage,"
                 "grade,storefront,description,created_at,owner");
    QTest::newRow("hubspot")
        << split("Record ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,"
                 "Country/Region,Lifecycle Stage,Lead Status,Create Date,Contact owner")
        << QStringLiteral("hubspot")
        << split("extra,first_name,last_name,email,phone,company,title,country,extra,stage,"
                 "created_at,owner");
    QTest::newRow("hubspot: lifecycle stage alone gives the stage")
        << split("Record ID,Email,Lifecycle Stage") << QStringLiteral("hubspot")
        << split("extra,email,stage");
    QTest::newRow("dutch")
        << split("Voornaam,Tussenvoegsel,Achternaam,E-mailadres,Bedrijfsnaam,Functie,"
                 "Telefoonnummer,Land,Omschrijving,Aangemaakt")
        << QStringLiteral("dutch")
        << split("first_name,name_prefix,last_name,email,company,title,phone,country,"
                 "description,created_at");
    QTest::newRow("dutch full name")
        << split("Naam,E-mail,Bedrijf,Datum") << QStringLiteral("dutch")
        << split("full_name,email,company,created_at");
    QTest::newRow("a lone Name") << split("Name,Email") << QStringLiteral("microsoft")
                                 << split("full_name,email");
    QTest::newRow("Full Name beside first and last name")
        << split("Full Name,First Name,Last Name,Lead Status") << QStringLiteral("salesforce")
        << split("full_name,first_name,last_name,stage");
    QTest::newRow("case, spaces and punctuation do not matter")
        << split(" FIRST-NAME , e_mail ,COMPANY") << QStringLiteral("leadbench")
        << split("first_name,email,company");
    QTest::newRow("two columns name the same field")
        << split("Email,E-mail,email address,EMAIL") << QStringLiteral("microsoft")
        << split("email,-,extra,-");
    QTest::newRow("mixed layouts")
        << split("FirstName,LastName,Email,OfferTitle,Lead Status") << QStringLiteral("mixed")
        << split("first_name,last_name,email,offer_title,stage");
    QTest::newRow("another program's id is kept")
        << split("ID,FirstName,Email") << QStringLiteral("microsoft")
        << split("extra,first_name,email");
    QTest::newRow("another program's columns that Leadbench reads strictly")
        << split("First Name,Last Name,Company,Lead Status,Rating,Lead Owner,Origin,Score,"
                 "Campaign")
        << QStringLiteral("mixed")
        << split("first_name,last_name,company,stage,grade,owner,extra,extra,campaign");
    QTest::newRow("nothing known") << split("Foo,Bar") << QString() << split("extra,extra");
}

void TestColumnMapping::detect() {
    QFETCH(QStringList, header);
    QFETCH(QString, layout);
    QFETCH(QStringList, targets);
    const ColumnMapping m = ColumnMapping::detect(header);
    QCOMPARE(targetsOf(m), targets);
    QCOMPARE(m.layout, layout);
    for (int i = 0; i < header.size(); ++i)
        QCOMPARE(m.columns.at(i).header, header.at(i));
}

void TestColumnMapping::notes_data() {
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("note");
    QTest::newRow("type column") << split("PartitionKey,RowKey,Email,Email@type") << 3
                                 << QStringLiteral("Storage Explorer's type column");
    QTest::newRow("duplicate") << split("Email,E-mail") << 1
                               << QStringLiteral("names the same field as column 1");
    QTest::newRow("id") << split("id,email,first_name") << 0
                        << QStringLiteral("the database numbers its leads itself");
    QTest::newRow("unknown") << split("Email,Favourite colour") << 1
                             << QStringLiteral("kept as an extra field");
    QTest::newRow("Timestamp yields to CreatedTime")
        << split("PartitionKey,Timestamp,Email,CreatedTime") << 1
        << QStringLiteral("kept as an extra field: column 4 \"CreatedTime\" fills created_at");
    QTest::newRow("full name") << split("Name,Email") << 0
                               << QStringLiteral("split into first and last name");
}

void TestColumnMapping::notes() {
    QFETCH(QStringList, header);
    QFETCH(int, column);
    QFETCH(QString, note);
    const ColumnMapping m = ColumnMapping::detect(header);
    QCOMPARE(m.columns.at(column).note, note);
}

void TestColumnMapping::leadSourceFoundByValues() {
    const QStringList header = split("Email,Origin of lead,Remarks");
    const QList<QStringList> samples = {
        split("a@contoso.com,AppSource-PLT|contoso.crm,call back"),
        split("b@contoso.com,,"),
        split("c@contoso.com,AzureMarketplace-INS|contoso.analytics-saas,-"),
    };
    const ColumnMapping m = ColumnMapping::detect(header, samples);
    QCOMPARE(targetsOf(m), split("email,lead_source,extra"));
    QVERIFY(m.columns.at(1).note.contains(QLatin1String("Source-Action|Offer")));

    // A Salesforce "Lead Source" holding marketplace strings is read as one.
    const ColumnMapping sf =
        ColumnMapping::detect(split("First Name,Last Name,Lead Source,Lead Status"),
                              {split("Ann,Lee,AppSource-INS|contoso.crm,Open - Not Contacted")});
    QCOMPARE(targetsOf(sf), split("first_name,last_name,lead_source,stage"));

    // Words that are no LeadSource leave the column as it was.
    const ColumnMapping words =
        ColumnMapping::detect(split("Email,Source"), {split("a@b.c,Trade show - booth")});
    QCOMPARE(targetsOf(words), split("email,extra"));
}

void TestColumnMapping::dateOrder_data() {
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QList<QStringList>>("samples");
    QTest::addColumn<ColumnMapping::DateOrder>("order");
    QTest::addColumn<QString>("note");

    const QStringList generic = split("Email,Created");
    QTest::newRow("a day above 12 first")
        << generic << QList<QStringList>{split("a@b.c,03/04/2024"), split("a@b.c,25/04/2024")}
        << Order::DayFirst << QStringLiteral("read day-first: \"25/04/2024\" has a day above 12");
    QTest::newRow("a day above 12 second")
        << generic << QList<QStringList>{split("a@b.c,04/25/2024 10:00 AM")} << Order::MonthFirst
        << QStringLiteral("read month-first: \"04/25/2024 10:00 AM\" has a day above 12");
    QTest::newRow("values outweigh the layout's habit")
        << split("First Name,Created Date,Lead Status")
        << QList<QStringList>{split("Ann,31/01/2024,Open")} << Order::DayFirst
        << QStringLiteral("read day-first: \"31/01/2024\" has a day above 12");
    QTest::newRow("salesforce habit")
        << split("First Name,Created Date,Lead Status")
        << QList<QStringList>{split("Ann,01/02/2024,Open")} << Order::MonthFirst
        << QStringLiteral("read month-first, as Salesforce write dates");
    QTest::newRow("hubspot habit without samples")
        << split("Record ID,Email,Create Date") << QList<QStringList>{} << Order::MonthFirst
        << QStringLiteral("read month-first, as HubSpot write dates");
    QTest::newRow("dutch habit") << split("Naam,E-mail,Datum")
                                 << QList<QStringList>{split("Jan,j@x.nl,01-02-2024")}
                                 << Order::DayFirst
                                 << QStringLiteral(
                                        "read day-first, as Dutch spreadsheets write dates");
    QTest::newRow("ISO needs no order")
        << split("First Name,Created Date,Lead Status")
        << QList<QStringList>{split("Ann,2024-01-02T10:00:00Z,Open")} << Order::Auto << QString();
    QTest::newRow("both orders in one file")
        << generic << QList<QStringList>{split("a@b.c,25/04/2024"), split("a@b.c,04/25/2024")}
        << Order::Auto
        << QStringLiteral("dates in both orders (\"25/04/2024\", \"04/25/2024\"): each is read "
                          "day-first unless its second number is above 12");
}

void TestColumnMapping::dateOrder() {
    QFETCH(QStringList, header);
    QFETCH(QList<QStringList>, samples);
    QFETCH(ColumnMapping::DateOrder, order);
    QFETCH(QString, note);
    const ColumnMapping m = ColumnMapping::detect(header, samples);
    QCOMPARE(m.dateOrder, order);
    const int created = m.indexOf(QStringLiteral("created_at"));
    QVERIFY(created >= 0);
    QCOMPARE(m.columns.at(created).note, note);
}

void TestColumnMapping::missingIdentity_data() {
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<bool>("missing");
    QTest::newRow("email") << split("Email,Phone") << false;
    QTest::newRow("company") << split("Company Name,Phone") << false;
    QTest::newRow("full name") << split("Naam,Telefoon") << false;
    QTest::newRow("customer info") << split("PartitionKey,CustomerInfo") << false;
    QTest::newRow("nothing identifying") << split("Phone,Country,Notes") << true;
    QTest::newRow("one unsplit column") << split("Email;Name;Phone") << true;
}

void TestColumnMapping::missingIdentity() {
    QFETCH(QStringList, header);
    QFETCH(bool, missing);
    const QString message = ColumnMapping::detect(header).missingIdentity();
    QCOMPARE(!message.isEmpty(), missing);
    if (missing)
        QVERIFY(message.startsWith(
            QLatin1String("the header names none of Email, FirstName, LastName, Company, Name")));
}

void TestColumnMapping::profileRoundTrip() {
    const QStringList header = split("Klantnaam,Mail,Firma,Ingevoerd op,Kleur,Intern");
    ColumnMapping m = ColumnMapping::detect(header);
    m.columns[0].target = ColumnMapping::fullNameTarget();
    m.columns[1].target = QStringLiteral("email");
    m.columns[2].target = QStringLiteral("company");
    m.columns[3].target = QStringLiteral("created_at");
    m.columns[5].target.clear();
    m.dateOrder = Order::DayFirst;
    const QJsonObject profile = m.toProfile(QStringLiteral("Webshop"));

    QString error;
    const ColumnMapping back = ColumnMapping::fromProfile(profile, header, &error);
    QCOMPARE(error, QString());
    QCOMPARE(back.layout, QStringLiteral("Webshop"));
    QCOMPARE(back.dateOrder, Order::DayFirst);
    QCOMPARE(targetsOf(back), split("full_name,email,company,created_at,extra,-"));
    QCOMPARE(back.columns.at(5).note, QStringLiteral("ignored by profile \"Webshop\""));
}

void TestColumnMapping::profileOnAnotherFile() {
    ColumnMapping m = ColumnMapping::detect(split("Klantnaam,Mail"));
    m.columns[0].target = ColumnMapping::fullNameTarget();
    m.columns[1].target = QStringLiteral("email");
    const QJsonObject profile = m.toProfile(QStringLiteral("Webshop"));

    // Other order, other spelling, a column more: the profile's columns by name, the new one
    // as detected; a detected column yields to the profile's own.
    QString error;
    const ColumnMapping other =
        ColumnMapping::fromProfile(profile, split("MAIL,Land,klant naam,Email"), &error);
    QCOMPARE(error, QString());
    QCOMPARE(targetsOf(other), split("email,country,full_name,extra"));
    QVERIFY(other.columns.at(1).note.startsWith(QLatin1String("not in profile \"Webshop\"")));
}

void TestColumnMapping::profileMissingHeader() {
    ColumnMapping m = ColumnMapping::detect(split("Klantnaam,Mail,Kleur"));
    m.columns[0].target = ColumnMapping::fullNameTarget();
    m.columns[1].target = QStringLiteral("email");
    const QJsonObject profile = m.toProfile(QStringLiteral("Webshop"));
    QString error;
    const ColumnMapping other =
        ColumnMapping::fromProfile(profile, split("Klantnaam,Telefoon"), &error);
    QCOMPARE(error, QStringLiteral("the file has no column \"Mail\", which profile \"Webshop\" "
                                   "reads as email"));
    QCOMPARE(targetsOf(other), split("full_name,phone"));
}

void TestColumnMapping::profileUnknownTarget() {
    QJsonObject profile = ColumnMapping::detect(split("Email")).toProfile(QStringLiteral("P"));
    profile.insert(QStringLiteral("columns"),
                   QJsonArray{QJsonObject{{QStringLiteral("header"), QStringLiteral("Email")},
                                          {QStringLiteral("target"), QStringLiteral("e-mail")}}});
    QString error;
    ColumnMapping::fromProfile(profile, split("Email"), &error);
    QCOMPARE(error, QStringLiteral("profile \"P\": column \"Email\" has an unknown target "
                                   "\"e-mail\""));
    ColumnMapping::fromProfile(QJsonObject{}, split("Email"), &error);
    QCOMPARE(error, QStringLiteral("profile \"\" has no columns"));
}

QTEST_GUILESS_MAIN(TestColumnMapping)
#include "tst_columnmapping.moc"
