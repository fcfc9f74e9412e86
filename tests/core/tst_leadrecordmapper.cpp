#include "core/domain/leadcolumns.h"
#include "core/io/leadrecordmapper.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

// Rows of any CRM's file read into leads: names split, countries as ISO codes, dates in every
// format, Azure's CustomerInfo, CRM status and rating words, extra fields, formula text, and
// errors that name the file's own header.
class TestLeadRecordMapper : public QObject {
    Q_OBJECT
private slots:
    void map_data();
    void map();
    void classifiesAndKeepsStatedFlags();
    void readsDatesInTheMappingsOrder();
    void mapsManyRowsQuickly();
};

namespace {
QStringList split(const char *text, char separator = ',') {
    return QString::fromUtf8(text).split(QLatin1Char(separator));
}

// "first_name" → the lead's column as text; "extra.<header>"; "event.<leadSource|occurredAt|
// storefront|action|offerTitle|description|channel>".
QString valueOf(const MappedRecord &r, const QString &what) {
    if (what.startsWith(QLatin1String("extra.")))
        return r.extra.value(what.mid(6)).toString();
    if (what == QLatin1String("event.leadSource"))
        return r.event.leadSource;
    if (what == QLatin1String("event.occurredAt"))
        return LeadColumns::isoUtc(r.event.occurredAt);
    if (what == QLatin1String("event.storefront"))
        return Storefronts::canonicalName(r.event.storefront);
    if (what == QLatin1String("event.action"))
        return r.event.action;
    if (what == QLatin1String("event.offerTitle"))
        return r.event.offerTitle;
    if (what == QLatin1String("event.description"))
        return r.event.description;
    if (what == QLatin1String("event.channel"))
        return r.event.channel;
    return LeadColumns::text(r.lead, what);
}
} // namespace

void TestLeadRecordMapper::map_data() {
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QStringList>("row");
    QTest::addColumn<QStringList>("expected"); // "what=value", what as valueOf() reads it
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("warning");

    auto row = [](const char *name, const char *header, const char *fields, const char *expected,
                  const char *error = "", const char *warning = "") {
        QTest::newRow(name) << split(header) << split(fields, ';') << split(expected, ';')
                            << QString::fromUtf8(error) << QString::fromUtf8(warning);
    };

    // The marketplace's own fields.
    row("microsoft",
        "LeadSource,ActionCode,OfferTitle,FirstName,LastName,Email,Country,CreatedTime",
        "AppSource-PLT|contoso.crm;INS;Contoso "
        "CRM;Ann;Lee;ann@fabrikam.com;NL;2024-03-05T09:30:00Z",
        "storefront=appsource;action=PLT;offer_id=contoso.crm;offer_title=Contoso CRM;"
        "first_name=Ann;last_name=Lee;country=NL;created_at=2024-03-05T09:30:00Z;"
        "event.leadSource=AppSource-PLT|contoso.crm;event.action=PLT;event.storefront=appsource;"
        "event.occurredAt=2024-03-05T09:30:00Z;event.offerTitle=Contoso CRM;event.channel=import");
    row("action column fills what the LeadSource leaves out", "LeadSource,ActionCode,Email",
        "AppSource|contoso.crm;StartTestDrive;a@b.c",
        "action=StartTestDrive;offer_id=contoso.crm;storefront=appsource");
    row("no created time stays empty", "Email,CreatedTime", "a@b.c;",
        "created_at=;event.occurredAt=");
    row("values are trimmed", "FirstName,Email", "  Ann  ; a@b.c ", "first_name=Ann;email=a@b.c");

    // Azure Table with CustomerInfo.
    row("customer info", "PartitionKey,RowKey,Timestamp,CustomerInfo,LeadSource,CreatedTime",
        "p1;r1;2024-03-06T00:00:00Z;{\"FirstName\":\"Jan\",\"LastName\":\"de Vries\","
        "\"Email\":\"jan@contoso.nl\",\"Phone\":\"+31 20 123\",\"Country\":\"Nederland\","
        "\"Company\":\"Contoso\",\"Title\":\"CTO\"};AzureMarketplace-INS|contoso.vm;"
        "2024-03-05T09:30:00.1234567Z",
        "first_name=Jan;last_name=de Vries;email=jan@contoso.nl;phone=+31 20 123;country=NL;"
        "company=Contoso;title=CTO;storefront=azure-marketplace;created_at=2024-03-05T09:30:00Z;"
        "extra.PartitionKey=p1;extra.RowKey=r1;extra.Timestamp=2024-03-06T00:00:00Z");
    row("type columns are not read", "PartitionKey,Email,Email@type,CreatedTime,CreatedTime@type",
        "p;a@b.c;Edm.String;2024-03-05T09:30:00Z;Edm.DateTime",
        "email=a@b.c;created_at=2024-03-05T09:30:00Z;extra.Email@type=;"
        "extra.CreatedTime@type=;extra.PartitionKey=p");
    row("customer info's own columns win", "CustomerInfo,Email,Phone",
        "{\"Email\":\"old@contoso.nl\",\"Phone\":\"1\",\"FirstName\":\"Jan\"};new@contoso.nl;",
        "email=new@contoso.nl;phone=1;first_name=Jan");
    row("customer info that is no JSON", "CustomerInfo,Email", "{FirstName: Jan;a@b.c", "",
        "field CustomerInfo: \"{FirstName: Jan\" is not JSON customer details "
        "({\"FirstName\": …, \"Email\": …})");
    row("customer info with an unknown country", "CustomerInfo",
        "{\"Email\":\"a@b.c\",\"Country\":\"Atlantis\"}",
        "country=;extra.CustomerInfo.Country=Atlantis", "",
        "field CustomerInfo.Country: \"Atlantis\" is not a country; the country is left empty "
        "and the text kept as an extra field");

    // Names in one column.
    row("name split", "Name,Email", "Jan de Vries;a@b.c", "first_name=Jan;last_name=de Vries");
    row("name last first", "Name,Email", "Vries, Jan de;a@b.c",
        "first_name=Jan de;last_name=Vries");
    row("name with van der", "Naam", "Maria Anna van der Berg",
        "first_name=Maria Anna;last_name=van der Berg");
    row("name without particle", "Name", "Mary Ann Smith", "first_name=Mary Ann;last_name=Smith");
    row("name with suffix", "Name", "John Smith Jr.", "first_name=John;last_name=Smith Jr.");
    row("name one word is a first name", "Name", "Cher", "first_name=Cher;last_name=");
    row("name salutation and one word is a last name", "Naam", "Dhr. Jansen",
        "first_name=;last_name=Jansen");
    row("name salutation dropped", "Name", "Dr. Ann Lee", "first_name=Ann;last_name=Lee");
    row("family name alone", "Naam", "van Dijk", "first_name=;last_name=van Dijk");
    row("name columns of their own win", "Name,First Name", "Jan de Vries;Johannes",
        "first_name=Johannes;last_name=de Vries");
    row("tussenvoegsel", "Voornaam,Tussenvoegsel,Achternaam", "Jan;van der;Berg",
        "first_name=Jan;last_name=van der Berg");

    // Countries.
    row("country name", "Email,Country", "a@b.c;United States of America", "country=US");
    row("country lower-case code", "Email,Country", "a@b.c;de", "country=DE");
    row("country local name", "E-mail,Land", "a@b.c;België", "country=BE");
    row("country unknown", "Email,Country", "a@b.c;Atlantis", "country=;extra.Country=Atlantis", "",
        "field Country: \"Atlantis\" is not a country; the country is left empty and the text "
        "kept as an extra field");

    // Dates in every format, by the mapping's order (Dutch: day-first, Salesforce: month-first).
    row("date dd-mm-yyyy", "Naam,Datum", "Jan;05-03-2024", "created_at=2024-03-05T00:00:00Z");
    row("date dd.mm.yyyy time", "Naam,Datum", "Jan;05.03.2024 14:30",
        "created_at=2024-03-05T14:30:00Z");
    row("date mm/dd/yyyy AM/PM", "First Name,Lead Status,Created Date",
        "Ann;Open;03/05/2024 2:30 PM", "created_at=2024-03-05T14:30:00Z");
    row("date ISO with offset", "Email,Created", "a@b.c;2024-03-05T09:30:00+01:00",
        "created_at=2024-03-05T08:30:00Z");
    row("date Excel serial", "Email,Created", "a@b.c;45292", "created_at=2024-01-01T00:00:00Z");
    row("date Excel serial with time", "Email,Created", "a@b.c;45292.25",
        "created_at=2024-01-01T06:00:00Z");
    row("date unreadable", "Email,Created Date", "a@b.c;next Tuesday", "",
        "field Created Date: \"next Tuesday\" is not a date");
    row("date in the wrong order", "Naam,Datum", "Jan;12/31/2024", "",
        "field Datum: \"12/31/2024\" is not a date");

    // Other CRMs' words.
    row("salesforce status and rating", "First Name,Lead Status,Rating,Lead Source",
        "Ann;Working - Contacted;Hot;AppSource",
        "stage=contacted;grade=A;storefront=appsource;event.storefront=appsource");
    row("salesforce lead source that is no storefront", "First Name,Lead Status,Lead Source",
        "Ann;Open;Trade Show", "storefront=other;extra.Lead Source=Trade Show");
    row("a CRM lead source that is a marketplace LeadSource", "First Name,Lead Status,Lead Source",
        "Ann;Open;AzureMarketplace-StartTestDrive|contoso.vm",
        "storefront=azure-marketplace;action=StartTestDrive;offer_id=contoso.vm;"
        "event.leadSource=AzureMarketplace-StartTestDrive|contoso.vm");
    row("dynamics", "Topic,First Name,Status Reason,Rating,Country/Region,Business Phone",
        "Contoso CRM;Ann;Cannot Contact;Warm;Germany;+49 30 1",
        "offer_title=Contoso CRM;stage=disqualified;grade=B;country=DE;phone=+49 30 1");
    row("hubspot lifecycle stage", "Record ID,Email,Lifecycle Stage",
        "101;a@b.c;Sales Qualified Lead", "stage=qualified;extra.Record ID=101");
    row("unknown status", "First Name,Lead Status", "Ann;Parked",
        "stage=new;extra.Lead Status=Parked", "",
        "field Lead Status: \"Parked\" is not a stage Leadbench knows; the lead stays new and "
        "the text is kept as an extra field");
    row("unknown rating", "First Name,Rating", "Ann;Lukewarm", "grade=;extra.Rating=Lukewarm", "",
        "field Rating: \"Lukewarm\" is not a rating (Hot, Warm, Cold) or a grade (A to D); the "
        "text is kept as an extra field");
    row("storefront column says more than the LeadSource", "LeadSource,storefront,email",
        "AzureMarketplace-Create|a.b;azure-portal;a@b.c", "storefront=azure-portal;action=Create");

    // Extra fields and formulas.
    row("extra fields", "Email,Favourite colour,Budget", "a@b.c;green;",
        "extra.Favourite colour=green;extra.Budget=");
    row("neutralised formula", "email,description,phone", "a@b.c;'=SUM(A1);'+31 20 123",
        "description==SUM(A1);phone=+31 20 123");
    row("formula-looking text is plain text", "Email,Description,Company",
        "a@b.c;=HYPERLINK(\"x\");'Contoso'", "description==HYPERLINK(\"x\");company='Contoso'");

    // Leadbench's own export.
    row("leadbench columns", "email,stage,score,win_probability,owner,campaign,origin",
        "a@b.c;qualified;80;0.5;ann;spring;co-sell",
        "stage=qualified;score=80;win_probability=0.5;owner=ann;campaign=spring;origin=co-sell");
    row("leadbench value out of range", "email,score", "a@b.c;120", "",
        "field score: 120 is not between 0 and 100");
    row("flag that is no flag", "email,is_test", "a@b.c;maybe", "",
        "field is_test: \"maybe\" is not true or false");

    // Rejections.
    row("not an email", "E-mailadres", "jan at contoso", "",
        "field E-mailadres: \"jan at contoso\" is not an email address");
    row("nothing identifies", "Email,Phone,Company", ";+31 20 1;", "",
        "no email, no name and no company: nothing identifies the customer");
    row("punctuation identifies nobody", "Name,Company", "-;...", "",
        "no email, no name and no company: nothing identifies the customer");
}

void TestLeadRecordMapper::map() {
    QFETCH(QStringList, header);
    QFETCH(QStringList, row);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);
    QFETCH(QString, warning);
    const ColumnMapping mapping = ColumnMapping::detect(header);
    const MappedRecord r = LeadRecordMapper(mapping).map(row);
    QCOMPARE(r.error, error);
    if (!error.isEmpty())
        return;
    QCOMPARE(r.warnings.join(QLatin1Char('\n')), warning);
    for (const QString &e : std::as_const(expected)) {
        const qsizetype eq = e.indexOf(QLatin1Char('='));
        QCOMPARE(valueOf(r, e.left(eq)), e.mid(eq + 1));
    }
}

void TestLeadRecordMapper::classifiesAndKeepsStatedFlags() {
    const QStringList header = split("LeadSource,email,is_test,do_not_contact");
    const LeadRecordMapper mapper(ColumnMapping::detect(header));

    const MappedRecord dnc = mapper.map(split("AppSource-DNC|a.b,MSFT_TEST_1@b.c,,", ','));
    QVERIFY(dnc.lead.doNotContact);
    QVERIFY(dnc.lead.isTest);

    // A person cleared both flags in Leadbench; its export says so and wins.
    const MappedRecord cleared =
        mapper.map(split("AppSource-DNC|a.b,MSFT_TEST_1@b.c,false,false", ','));
    QVERIFY(!cleared.lead.doNotContact);
    QVERIFY(!cleared.lead.isTest);

    const MappedRecord edu = mapper.map(split("AppSource-INS|a.b,student@uni.edu,,", ','));
    QVERIFY(edu.lead.privacyRestricted);

    const MappedRecord wrongSize = mapper.map(split("a,b", ','));
    QCOMPARE(wrongSize.error, QStringLiteral("has 2 fields, the header has 4"));
}

void TestLeadRecordMapper::readsDatesInTheMappingsOrder() {
    const QStringList header = split("Email,Created");
    const QStringList row = split("a@b.c,03/04/2024", ',');
    // No evidence in the rows and no habit of the layout: day first.
    QCOMPARE(LeadRecordMapper(ColumnMapping::detect(header)).map(row).lead.createdAt.date(),
             QDate(2024, 4, 3));
    // The rows settle it: a later row has a day above 12 in the second place.
    const ColumnMapping settled =
        ColumnMapping::detect(header, {row, split("b@b.c,03/25/2024", ',')});
    QCOMPARE(LeadRecordMapper(settled).map(row).lead.createdAt.date(), QDate(2024, 3, 4));
    // A saved profile says month-first.
    ColumnMapping mapping = ColumnMapping::detect(header);
    mapping.dateOrder = ColumnMapping::DateOrder::MonthFirst;
    QString error;
    const ColumnMapping fromProfile =
        ColumnMapping::fromProfile(mapping.toProfile(QStringLiteral("US shop")), header, &error);
    QCOMPARE(error, QString());
    QCOMPARE(LeadRecordMapper(fromProfile).map(row).lead.createdAt.date(), QDate(2024, 3, 4));
}

void TestLeadRecordMapper::mapsManyRowsQuickly() {
    const QStringList header =
        split("LeadSource,Name,Email,Country,Created Date,Lead Status,Rating,Notes");
    const LeadRecordMapper mapper(ColumnMapping::detect(header));
    QList<QStringList> rows;
    for (int i = 0; i < 100; ++i)
        rows << QStringList{QStringLiteral("AppSource-PLT|contoso.crm"),
                            QStringLiteral("Jan de Vries %1").arg(i),
                            QStringLiteral("jan%1@contoso.nl").arg(i),
                            i % 2 ? QStringLiteral("Netherlands") : QStringLiteral("NL"),
                            QStringLiteral("3/%1/2024 10:00 AM").arg(i % 28 + 1),
                            QStringLiteral("Working - Contacted"),
                            QStringLiteral("Warm"),
                            QStringLiteral("note %1").arg(i)};
    QElapsedTimer timer;
    timer.start();
    int mapped = 0;
    for (int i = 0; i < 100000; ++i)
        mapped += mapper.map(rows.at(i % 100)).error.isEmpty() ? 1 : 0;
    qInfo("mapped 100000 rows in %lld ms", timer.elapsed());
    QCOMPARE(mapped, 100000);
}

QTEST_GUILESS_MAIN(TestLeadRecordMapper)
#include "tst_leadrecordmapper.moc"
