#include "core/domain/leadcolumns.h"
#include "core/io/csvreader.h"
#include "core/io/csvwriter.h"
#include "core/io/leadimporter.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadrepository.h"
#include "importtext.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTest>

#include <algorithm>
#include <atomic>

// LeadImporter: marketplace CSV into the lead library, on both backends. Good rows land, bad rows
// are rejected with their physical line, and a fatal problem or a cancel lands nothing.
class TestLeadImporter : public QObject {
    Q_OBJECT
private slots:
    void microsoftFieldNames_data();
    void microsoftFieldNames();
    void canonicalHeaders_data();
    void canonicalHeaders();
    void duplicateMerges_data();
    void duplicateMerges();
    void duplicateInALaterImportMerges_data();
    void bulkLoadMergesLikeAnyImport_data() { TestDatabase::addBackendRows(); }
    void bulkLoadMergesLikeAnyImport();
    void manyNewLeadsKeepTheirHistory_data() { TestDatabase::addBackendRows(); }
    void manyNewLeadsKeepTheirHistory();
    void duplicateInALaterImportMerges();
    void sameFileTwiceChangesNothing_data() { TestDatabase::addBackendRows(); }
    void sameFileTwiceChangesNothing();
    void sameFileWithoutTimesTwiceChangesNothing_data() { TestDatabase::addBackendRows(); }
    void sameFileWithoutTimesTwiceChangesNothing();
    void unidentifiableRowRejected_data();
    void unidentifiableRowRejected();
    void badFieldRejected_data();
    void badFieldRejected();
    void wrongFieldCountRejected_data();
    void wrongFieldCountRejected();
    void headerWithoutIdentityIsFatal_data();
    void headerWithoutIdentityIsFatal();
    void cancelLandsNothing_data();
    void cancelLandsNothing();
    void testLeadsFlagged_data();
    void testLeadsFlagged();
    void summaryJson_data();
    void summaryJson();
    void everyCanonicalColumnIsRead_data() { TestDatabase::addBackendRows(); }
    void everyCanonicalColumnIsRead();
    void flagsAsSpreadsheetsWriteThem_data();
    void flagsAsSpreadsheetsWriteThem();
    void headerColumnsNotReadAreNamed_data();
    void headerColumnsNotReadAreNamed();
    void rejectedRowsNameTheirLineOnce_data() { TestDatabase::addBackendRows(); }
    void rejectedRowsNameTheirLineOnce();
    void dutchExcelFile_data() { TestDatabase::addBackendRows(); }
    void dutchExcelFile();
    void formulaLikeValuesStayText_data() { TestDatabase::addBackendRows(); }
    void formulaLikeValuesStayText();
    void badRecordsDoNotSinkTheFile_data();
    void badRecordsDoNotSinkTheFile();
    void unreadableFileLandsNothing_data();
    void unreadableFileLandsNothing();
};

namespace {

const QByteArray microsoftHeader =
    "LeadSource,ActionCode,OfferTitle,FirstName,LastName,Email,Phone,"
    "Country,Company,Title,Description,CreatedTime\n";

ImportSummary importWith(const Database &db, const QByteArray &csv, TextEncoding::Kind encoding,
                         QChar delimiter = QChar()) {
    QByteArray data = csv;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    LeadImporter importer(db, QStringLiteral("tester"));
    importer.setEncoding(encoding);
    importer.setDelimiter(delimiter);
    return importer.importDevice(&buffer, QStringLiteral("leads.csv"));
}

qint64 countLeads(const Database &db, bool includeTest = true) {
    LeadFilter f;
    f.includeTest = includeTest;
    return LeadRepository(db).count(f);
}

std::optional<Lead> leadByEmail(const Database &db, const QString &email) {
    for (const Lead &l : TestDatabase::allLeads(db))
        if (l.email == email)
            return l;
    return std::nullopt;
}

QString errorsText(const ImportSummary &s) {
    QStringList out;
    if (!s.fatal.isEmpty())
        out << QStringLiteral("fatal: ") + s.fatal;
    for (const ImportError &e : s.errors)
        out << QStringLiteral("line %1: %2").arg(e.line).arg(e.message);
    return out.join(QStringLiteral("; "));
}

// Rows for each backend crossed with `cases` (name, then the columns' values via `add`).
template <typename AddRow> void backendRows(const QStringList &cases, AddRow add) {
    for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgresql")})
        for (qsizetype i = 0; i < cases.size(); ++i)
            add(QTest::addRow("%s: %s", qPrintable(backend), qPrintable(cases.at(i))) << backend,
                i);
}

} // namespace

void TestLeadImporter::microsoftFieldNames_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("leadSource");
    QTest::addColumn<QString>("storefront");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("offer");
    QTest::addColumn<bool>("doNotContact");

    struct Case {
        QString name, source, storefront, action, offer;
        bool dnc;
    };
    const QList<Case> cases = {
        {QStringLiteral("Azure Marketplace install"),
         QStringLiteral("AzureMarketplace-INS|contoso.analytics-saas"),
         QStringLiteral("azure-marketplace"), QStringLiteral("INS"),
         QStringLiteral("contoso.analytics-saas"), false},
        {QStringLiteral("SPZA is AppSource"), QStringLiteral("SPZA-PLT|x.y"),
         QStringLiteral("appsource"), QStringLiteral("PLT"), QStringLiteral("x.y"), false},
        {QStringLiteral("AppSource contact me"),
         QStringLiteral("AppSource-PLT|contoso.crm-connector"), QStringLiteral("appsource"),
         QStringLiteral("PLT"), QStringLiteral("contoso.crm-connector"), false},
        {QStringLiteral("Azure portal create"),
         QStringLiteral("AzurePortal-Create|contoso.backup-managed-app"),
         QStringLiteral("azure-portal"), QStringLiteral("Create"),
         QStringLiteral("contoso.backup-managed-app"), false},
        {QStringLiteral("test drive"),
         QStringLiteral("AzureMarketplace-StartTestDrive|contoso.hardened-sql-vm"),
         QStringLiteral("azure-marketplace"), QStringLiteral("StartTestDrive"),
         QStringLiteral("contoso.hardened-sql-vm"), false},
        {QStringLiteral("do not contact"), QStringLiteral("AppSource-DNC|contoso.teams-approvals"),
         QStringLiteral("appsource"), QStringLiteral("DNC"),
         QStringLiteral("contoso.teams-approvals"), true},
        {QStringLiteral("unknown action kept verbatim"),
         QStringLiteral("AzureMarketplace-Subscribe|contoso.edge-cache-container"),
         QStringLiteral("azure-marketplace"), QStringLiteral("Subscribe"),
         QStringLiteral("contoso.edge-cache-container"), false},
    };
    QStringList names;
    for (const Case &c : cases)
        names << c.name;
    backendRows(names, [&](QTestData &row, qsizetype i) {
        const Case &c = cases.at(i);
        row << c.source << c.storefront << c.action << c.offer << c.dnc;
    });
}

void TestLeadImporter::microsoftFieldNames() {
    QFETCH(QString, backend);
    QFETCH(QString, leadSource);
    QFETCH(QString, storefront);
    QFETCH(QString, action);
    QFETCH(QString, offer);
    QFETCH(bool, doNotContact);
    LB_TEST_DATABASE(t, backend);

    const QByteArray csv = microsoftHeader + leadSource.toUtf8() +
                           ",INS,Contoso Offer,Ana,Müller,ana.mueller@fabrikam.com,+49 30 "
                           "1234567,de,Fabrikam GmbH,CTO,\"Wants a demo, soon\","
                           "2025-03-01T09:30:00Z\n";
    const ImportSummary s = importText(t->database(), csv);
    QVERIFY2(s.ok(), qPrintable(errorsText(s)));
    QCOMPARE(s.read, 1);
    QCOMPARE(s.imported, 1);
    QCOMPARE(s.merged, 0);
    QCOMPARE(s.rejected, 0);

    const QList<Lead> leads = TestDatabase::allLeads(t->database());
    QCOMPARE(leads.size(), 1);
    const Lead &l = leads.first();
    QCOMPARE(Storefronts::canonicalName(l.storefront), storefront);
    QCOMPARE(l.action, action);
    QCOMPARE(l.offerId, offer);
    QCOMPARE(l.offerTitle, QStringLiteral("Contoso Offer"));
    QCOMPARE(l.firstName, QStringLiteral("Ana"));
    QCOMPARE(l.lastName, QStringLiteral("Müller"));
    QCOMPARE(l.email, QStringLiteral("ana.mueller@fabrikam.com"));
    QCOMPARE(l.phone, QStringLiteral("+49 30 1234567"));
    QCOMPARE(l.country, QStringLiteral("DE"));
    QCOMPARE(l.company, QStringLiteral("Fabrikam GmbH"));
    QCOMPARE(l.title, QStringLiteral("CTO"));
    QCOMPARE(l.description, QStringLiteral("Wants a demo, soon"));
    QCOMPARE(LeadColumns::isoUtc(l.createdAt), QStringLiteral("2025-03-01T09:30:00Z"));
    QCOMPARE(l.stage, Stage::New);
    QCOMPARE(l.events, 1);
    QCOMPARE(l.doNotContact, doNotContact);
    QVERIFY(!l.isTest);

    // The marketplace record is kept as the lead's first event, LeadSource verbatim.
    const QList<LeadEvent> events = LeadHistory(t->database()).events(l.id);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().leadSource, leadSource);
    QCOMPARE(events.first().action, action);
}

void TestLeadImporter::canonicalHeaders_data() {
    TestDatabase::addBackendRows();
}

void TestLeadImporter::canonicalHeaders() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);

    const QByteArray csv =
        "first_name,last_name,email,phone,country,company,title,storefront,action,offer_id,"
        "offer_title,stage,owner,created_at,campaign,origin,description\n"
        "Wei,Zhang,wei.zhang@litware.com,+86 10 5555555,CN,Litware,Cloud Architect,azure-portal,"
        "Create,contoso.secure-gateway-vm,Contoso Secure Gateway VM,qualified,sam.patel,"
        "2024-11-02T08:15:00Z,azure-portal-purchase,co-sell,From the partner center\n"
        "Sofia,Rossi,sofia@tailspin.com,,IT,Tailspin,IT "
        "Manager,appsource,PLT,contoso.crm-connector,"
        "Contoso CRM Connector,,,2024-12-24,,,\n";
    const ImportSummary s = importText(t->database(), csv);
    QVERIFY2(s.ok(), qPrintable(errorsText(s)));
    QCOMPARE(s.read, 2);
    QCOMPARE(s.imported, 2);
    QCOMPARE(s.rejected, 0);

    const std::optional<Lead> wei =
        leadByEmail(t->database(), QStringLiteral("wei.zhang@litware.com"));
    QVERIFY(wei);
    QCOMPARE(wei->storefront, Storefront::AzurePortal);
    QCOMPARE(wei->action, QStringLiteral("Create"));
    QCOMPARE(wei->offerId, QStringLiteral("contoso.secure-gateway-vm"));
    QCOMPARE(wei->offerTitle, QStringLiteral("Contoso Secure Gateway VM"));
    QCOMPARE(wei->firstName, QStringLiteral("Wei"));
    QCOMPARE(wei->lastName, QStringLiteral("Zhang"));
    QCOMPARE(wei->phone, QStringLiteral("+86 10 5555555"));
    QCOMPARE(wei->country, QStringLiteral("CN"));
    QCOMPARE(wei->company, QStringLiteral("Litware"));
    QCOMPARE(wei->title, QStringLiteral("Cloud Architect"));
    QCOMPARE(wei->stage, Stage::Qualified);
    QCOMPARE(wei->owner, QStringLiteral("sam.patel"));
    QCOMPARE(LeadColumns::isoUtc(wei->createdAt), QStringLiteral("2024-11-02T08:15:00Z"));
    QCOMPARE(wei->campaign, QStringLiteral("azure-portal-purchase"));
    QCOMPARE(wei->origin, QStringLiteral("co-sell"));
    QCOMPARE(wei->description, QStringLiteral("From the partner center"));

    const std::optional<Lead> sofia =
        leadByEmail(t->database(), QStringLiteral("sofia@tailspin.com"));
    QVERIFY(sofia);
    QCOMPARE(sofia->storefront, Storefront::AppSource);
    QCOMPARE(sofia->action, QStringLiteral("PLT"));
    QCOMPARE(sofia->offerId, QStringLiteral("contoso.crm-connector"));
    QCOMPARE(sofia->stage, Stage::New); // an empty stage is a new lead
    QCOMPARE(LeadColumns::isoUtc(sofia->createdAt), QStringLiteral("2024-12-24T00:00:00Z"));
    QCOMPARE(sofia->origin, QStringLiteral("marketplace"));
}

void TestLeadImporter::duplicateMerges_data() {
    TestDatabase::addBackendRows();
}

void TestLeadImporter::bulkLoadMergesLikeAnyImport() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    // Every import a bulk load (on SQLite): indexes and the search index's triggers set aside,
    // rebuilt at the end.
    const qint64 bulkFrom = LeadImporter::bulkFrom();
    LeadImporter::setBulkFrom(0);
    auto restore = qScopeGuard([bulkFrom] { LeadImporter::setBulkFrom(bulkFrom); });
    auto searched = [&](const QString &text) {
        LeadFilter f;
        f.search = text;
        return LeadRepository(t->database()).count(f);
    };

    // Bo first writes without an email, then installs with one: his lead gets the email, which
    // the search must find once the load is done. Ana's email-less record joins her lead.
    const QByteArray first =
        microsoftHeader +
        "AzureMarketplace-PLT|contoso.analytics-saas,PLT,Contoso Analytics,Ana,Silva,"
        "ana@fabrikam.com,,US,Fabrikam,,,2025-03-01T09:30:00Z\n"
        "AzureMarketplace-PLT|contoso.analytics-saas,PLT,Contoso Analytics,Bo,Berg,,,SE,"
        "Contoso,,,2025-03-02T09:30:00Z\n"
        "AzureMarketplace-INS|contoso.analytics-saas,INS,Contoso Analytics,Bo,Berg,"
        "bo@contoso.com,,SE,Contoso,,,2025-03-04T09:30:00Z\n"
        "AzureMarketplace-INS|contoso.analytics-saas,INS,Contoso Analytics,Ana,Silva,,,US,"
        "Fabrikam,,,2025-03-05T09:30:00Z\n"
        "AppSource-PLT|contoso.crm-app,PLT,Contoso CRM,Cy,Dahl,cy@northwind.com,,NL,Northwind,,,"
        "2025-03-06T09:30:00Z\n";
    ImportSummary s = importText(t->database(), first);
    QVERIFY2(s.ok(), qPrintable(errorsText(s)));
    QCOMPARE(s.imported, 3);
    QCOMPARE(s.merged, 2);
    QCOMPARE(countLeads(t->database()), 3);
    QCOMPARE(searched(QStringLiteral("bo@contoso")), 1);
    QCOMPARE(searched(QStringLiteral("Silva")), 1);
    const std::optional<Lead> bo = leadByEmail(t->database(), QStringLiteral("bo@contoso.com"));
    QVERIFY(bo);
    QCOMPARE(bo->events, 2);

    // A later load into leads that are there: the same people by email and by name join their
    // leads, a new one is stored.
    const QByteArray second =
        microsoftHeader +
        "AzureMarketplace-StartTestDrive|contoso.analytics-saas,StartTestDrive,Contoso Analytics,"
        "Ana,Silva,ANA@fabrikam.com,,US,Fabrikam,,,2025-04-01T09:30:00Z\n"
        "AzureMarketplace-PLT|contoso.analytics-saas,PLT,Contoso Analytics,Bo,Berg,,,SE,"
        "Contoso,,,2025-04-02T09:30:00Z\n"
        "AppSource-PLT|contoso.crm-app,PLT,Contoso CRM,Dee,Ek,dee@litware.com,,NL,Litware,,,"
        "2025-04-03T09:30:00Z\n";
    s = importText(t->database(), second);
    QVERIFY2(s.ok(), qPrintable(errorsText(s)));
    QCOMPARE(s.imported, 1);
    QCOMPARE(s.merged, 2);
    QCOMPARE(countLeads(t->database()), 4);
    QCOMPARE(leadByEmail(t->database(), QStringLiteral("bo@contoso.com"))->events, 3);
    QCOMPARE(leadByEmail(t->database(), QStringLiteral("ana@fabrikam.com"))->events, 3);
    QCOMPARE(searched(QStringLiteral("litware")), 1);
}

void TestLeadImporter::manyNewLeadsKeepTheirHistory() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    // Enough new leads that their events and first lines are written in several batches, with
    // merges into earlier leads of the same file between them, and new leads last.
    constexpr int people = 700;
    QByteArray csv = microsoftHeader;
    auto record = [](int person, const char *action, int day) {
        return QStringLiteral("AzureMarketplace-%1|contoso.analytics-saas,%1,Contoso Analytics,"
                              "First%2,Last%2,p%2@fabrikam.com,,US,Fabrikam,,,2025-03-%3T09:30:"
                              "00Z\n")
            .arg(QLatin1String(action))
            .arg(person)
            .arg(day, 2, 10, QLatin1Char('0'))
            .toUtf8();
    };
    for (int p = 0; p < people; ++p) {
        csv += record(p, "PLT", 1);
        if (p == 10)
            csv += record(5, "PLT", 1); // the same record again: recognised, nothing changes
        if (p == 300)
            csv += record(3, "INS", 2); // person 3's lead was stored 297 records before
    }
    csv += record(people - 10, "INS", 3);
    for (int p = people; p < people + 5; ++p)
        csv += record(p, "PLT", 4);
    const ImportSummary s = importText(t->database(), csv);
    QVERIFY2(s.ok(), qPrintable(errorsText(s)));
    QCOMPARE(s.imported, people + 5);
    QCOMPARE(s.merged, 2);
    QCOMPARE(s.unchanged, 1);

    const LeadHistory history(t->database());
    qsizetype events = 0;
    for (const Lead &lead : TestDatabase::allLeads(t->database())) {
        const QList<LeadEvent> leadEvents = history.events(lead.id);
        const QList<Activity> lines = history.activities(lead.id);
        events += leadEvents.size();
        QVERIFY2(!lines.isEmpty() && lines.first().kind == ActivityKind::Created,
                 qPrintable(lead.email));
        QVERIFY2(!leadEvents.isEmpty(), qPrintable(lead.email));
        QCOMPARE(leadEvents.first().action, QStringLiteral("PLT"));
        const bool merged = lead.email == QLatin1String("p3@fabrikam.com") ||
                            lead.email == QStringLiteral("p%1@fabrikam.com").arg(people - 10);
        QCOMPARE(leadEvents.size(), merged ? 2 : 1);
        QCOMPARE(lead.events, merged ? 2 : 1);
        if (merged) {
            QCOMPARE(leadEvents.last().action, QStringLiteral("INS"));
            QCOMPARE(lead.action, QStringLiteral("INS"));
            QVERIFY(std::any_of(lines.begin(), lines.end(),
                                [](const Activity &a) { return a.kind == ActivityKind::Merged; }));
        }
    }
    QCOMPARE(events, people + 5 + 2);
}

void TestLeadImporter::duplicateMerges() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);

    // Contact me, then an install a few days later by the same person (email in other case),
    // plus the same person on another offer: that one is a lead of its own.
    const QByteArray csv =
        microsoftHeader +
        "AzureMarketplace-PLT|contoso.analytics-saas,PLT,Contoso Analytics,Ana,Silva,"
        "ana@fabrikam.com,,US,Fabrikam,,Contact me,2025-03-01T09:30:00Z\n"
        "AzureMarketplace-INS|contoso.analytics-saas,INS,Contoso Analytics,Ana,Silva,"
        "ANA@Fabrikam.com,+1 425 555 0100,US,Fabrikam,Director of IT,,2025-03-05T10:00:00Z\n"
        "AzureMarketplace-PLT|contoso.data-pipeline-saas,PLT,Contoso Data Pipelines,Ana,Silva,"
        "ana@fabrikam.com,,US,Fabrikam,,,2025-03-06T10:00:00Z\n";
    const ImportSummary s = importText(t->database(), csv);
    QVERIFY2(s.ok(), qPrintable(errorsText(s)));
    QCOMPARE(s.read, 3);
    QCOMPARE(s.imported, 2);
    QCOMPARE(s.merged, 1);
    QCOMPARE(s.rejected, 0);
    QCOMPARE(countLeads(t->database()), 2);

    LeadRepository repo(t->database());
    const QList<Lead> leads = TestDatabase::allLeads(t->database());
    const auto it = std::find_if(leads.cbegin(), leads.cend(), [](const Lead &l) {
        return l.offerId == QLatin1String("contoso.analytics-saas");
    });
    QVERIFY(it != leads.cend());
    const Lead &ana = *it;
    QCOMPARE(ana.events, 2);
    QCOMPARE(LeadHistory(t->database()).events(ana.id).size(), 2);
    QCOMPARE(ana.phone, QStringLiteral("+1 425 555 0100")); // filled from the later row
    QCOMPARE(ana.title, QStringLiteral("Director of IT"));
    QCOMPARE(ana.description, QStringLiteral("Contact me")); // kept, not overwritten
    QCOMPARE(ana.action, QStringLiteral("INS"));             // the newest touch
    QCOMPARE(LeadColumns::isoUtc(ana.createdAt), QStringLiteral("2025-03-01T09:30:00Z"));
    QCOMPARE(LeadColumns::isoUtc(ana.lastEventAt), QStringLiteral("2025-03-05T10:00:00Z"));

    const QList<LeadEvent> events = LeadHistory(t->database()).events(ana.id);
    QCOMPARE(events.at(0).action, QStringLiteral("PLT"));
    QCOMPARE(events.at(1).action, QStringLiteral("INS"));

    const auto other = std::find_if(leads.cbegin(), leads.cend(), [](const Lead &l) {
        return l.offerId == QLatin1String("contoso.data-pipeline-saas");
    });
    QVERIFY(other != leads.cend());
    QCOMPARE(other->events, 1);
}

void TestLeadImporter::duplicateInALaterImportMerges_data() {
    TestDatabase::addBackendRows();
}

void TestLeadImporter::sameFileTwiceChangesNothing() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const QByteArray csv = microsoftHeader +
                           "SPZA-PLT|contoso.crm-connector,PLT,CRM Connector,Jonas,Nilsson,"
                           "jonas@woodgrove.se,,SE,Woodgrove,,,2025-01-10T12:00:00Z\n"
                           "SPZA-INS|contoso.crm-connector,INS,CRM Connector,Jonas,Nilsson,"
                           "jonas@woodgrove.se,,SE,Woodgrove,,,2025-01-20T12:00:00Z\n";
    const ImportSummary first = importText(t->database(), csv);
    QVERIFY2(first.ok(), qPrintable(errorsText(first)));
    QCOMPARE(first.imported, 1);
    QCOMPARE(first.merged, 1);

    const ImportSummary again = importText(t->database(), csv);
    QVERIFY2(again.ok(), qPrintable(errorsText(again)));
    QCOMPARE(again.read, 2);
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.merged, 0);
    QCOMPARE(again.unchanged, 2);
    LeadRepository repo(t->database());
    const QList<Lead> leads = repo.list(LeadFilter(), LeadSort(), 10);
    QCOMPARE(leads.size(), 1);
    QCOMPARE(leads.first().events, 2);
    QCOMPARE(LeadHistory(t->database()).events(leads.first().id).size(), 2);
}

void TestLeadImporter::sameFileWithoutTimesTwiceChangesNothing() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    // A list from a trade fair: no time, no marketplace id.
    const QByteArray csv = "first_name,last_name,email,company,offer_title\n"
                           "Ana,Silva,ana@contoso.com,Contoso,CRM Connector\n"
                           "Jonas,Nilsson,jonas@woodgrove.se,Woodgrove,CRM Connector\n";
    const ImportSummary first = importText(t->database(), csv);
    QVERIFY2(first.ok(), qPrintable(errorsText(first)));
    QCOMPARE(first.imported, 2);
    const std::optional<Lead> before =
        leadByEmail(t->database(), QStringLiteral("ana@contoso.com"));
    QVERIFY(before);

    const ImportSummary again = importText(t->database(), csv);
    QVERIFY2(again.ok(), qPrintable(errorsText(again)));
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.merged, 0);
    QCOMPARE(again.unchanged, 2);
    std::optional<Lead> after = leadByEmail(t->database(), QStringLiteral("ana@contoso.com"));
    QCOMPARE(after->events, 1);
    QCOMPARE(after->version, before->version);
    QCOMPARE(after->lastEventAt, before->lastEventAt);
    QCOMPARE(LeadHistory(t->database()).events(after->id).size(), 1);

    // A record that says something new is another event, time or not.
    const ImportSummary more = importText(
        t->database(), "first_name,last_name,email,company,offer_title,phone\n"
                       "Ana,Silva,ana@contoso.com,Contoso,CRM Connector,+351 21 000 0000\n");
    QVERIFY2(more.ok(), qPrintable(errorsText(more)));
    QCOMPARE(more.merged, 1);
    after = leadByEmail(t->database(), QStringLiteral("ana@contoso.com"));
    QCOMPARE(after->events, 2);
    QCOMPARE(after->phone, QStringLiteral("+351 21 000 0000"));
}

void TestLeadImporter::duplicateInALaterImportMerges() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);

    ImportSummary s = importText(
        t->database(), microsoftHeader +
                           "SPZA-PLT|contoso.crm-connector,PLT,CRM Connector,Jonas,Nilsson,"
                           "jonas@woodgrove.se,,SE,Woodgrove,,,2025-01-10T12:00:00Z\n");
    QVERIFY2(s.ok(), qPrintable(errorsText(s)));
    QCOMPARE(s.imported, 1);

    s = importText(t->database(),
                   microsoftHeader +
                       "SPZA-INS|contoso.crm-connector,INS,CRM Connector,Jonas,Nilsson,"
                       "jonas@woodgrove.se,+46 8 555 1234,SE,Woodgrove,,,2025-01-20T12:00:00Z\n");
    QVERIFY2(s.ok(), qPrintable(errorsText(s)));
    QCOMPARE(s.read, 1);
    QCOMPARE(s.imported, 0);
    QCOMPARE(s.merged, 1);

    const QList<Lead> leads = TestDatabase::allLeads(t->database());
    QCOMPARE(leads.size(), 1);
    QCOMPARE(leads.first().events, 2);
    QCOMPARE(leads.first().phone, QStringLiteral("+46 8 555 1234"));
    QCOMPARE(LeadHistory(t->database()).events(leads.first().id).size(), 2);
}

void TestLeadImporter::unidentifiableRowRejected_data() {
    TestDatabase::addBackendRows();
}

void TestLeadImporter::unidentifiableRowRejected() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);

    // Line 2 holds a description spanning lines 2-3, so the bad row is physical line 4.
    const QByteArray csv =
        microsoftHeader +
        "AppSource-PLT|contoso.crm-connector,PLT,CRM Connector,Mia,Jansen,mia@lucerne.nl,,NL,"
        "Lucerne,,\"Call me,\nplease\",2025-02-01T10:00:00Z\n"
        "AppSource-PLT|contoso.crm-connector,PLT,CRM Connector,,,,+31 20 555 0000,NL,,CEO,"
        "nobody,2025-02-02T10:00:00Z\n"
        "AppSource-INS|contoso.teams-approvals,INS,Approvals,Lars,Andersson,,,SE,Nod Labs,,,"
        "2025-02-03T10:00:00Z\n"
        // Punctuation is no name either: rejected like the row without one, not the file.
        "AppSource-PLT|contoso.crm-connector,PLT,CRM Connector,-,,,,NL,,,,2025-02-04T10:00:00Z\n";
    const ImportSummary s = importText(t->database(), csv);
    QVERIFY2(s.fatal.isEmpty(), qPrintable(s.fatal));
    QCOMPARE(s.read, 4);
    QCOMPARE(s.imported, 2);
    QCOMPARE(s.rejected, 2);
    QCOMPARE(s.errors.size(), 2);
    QCOMPARE(s.errors.first().line, 4);
    QCOMPARE(s.errors.last().line, 6);
    QVERIFY2(s.errors.first().message.contains(QLatin1String("email")),
             qPrintable(s.errors.first().message));

    QCOMPARE(countLeads(t->database()), 2);
    const std::optional<Lead> mia = leadByEmail(t->database(), QStringLiteral("mia@lucerne.nl"));
    QVERIFY(mia);
    QCOMPARE(mia->description, QStringLiteral("Call me,\nplease"));
    const std::optional<Lead> lars = leadByEmail(t->database(), QString());
    QVERIFY(lars); // identified by name and company alone
    QCOMPARE(lars->company, QStringLiteral("Nod Labs"));
}

void TestLeadImporter::badFieldRejected_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("named"); // what the message must name

    const QList<QStringList> cases = {
        {QStringLiteral("stage"), QStringLiteral("closed-won"), QStringLiteral("stage")},
        {QStringLiteral("created_at"), QStringLiteral("last tuesday"), QStringLiteral("created")},
        {QStringLiteral("created_at"), QStringLiteral("2025-13-45T99:00:00Z"),
         QStringLiteral("created")},
        {QStringLiteral("storefront"), QStringLiteral("google-play"), QStringLiteral("storefront")},
        {QStringLiteral("email"), QStringLiteral("not-an-address"), QStringLiteral("email")},
        {QStringLiteral("events"), QStringLiteral("0"), QStringLiteral("events")},
        {QStringLiteral("events"), QStringLiteral("several"), QStringLiteral("events")},
        {QStringLiteral("score"), QStringLiteral("high"), QStringLiteral("score")},
        {QStringLiteral("win_probability"), QStringLiteral("1.5"),
         QStringLiteral("win_probability")},
        {QStringLiteral("win_probability"), QStringLiteral("35%"),
         QStringLiteral("win_probability")},
        {QStringLiteral("follow_ups"), QStringLiteral("-1"), QStringLiteral("follow_ups")},
        {QStringLiteral("do_not_contact"), QStringLiteral("maybe"),
         QStringLiteral("do_not_contact")},
        {QStringLiteral("is_test"), QStringLiteral("perhaps"), QStringLiteral("is_test")},
        {QStringLiteral("last_event_at"), QStringLiteral("yesterday"),
         QStringLiteral("last_event_at")},
        {QStringLiteral("next_follow_up_at"), QStringLiteral("soon"),
         QStringLiteral("next_follow_up_at")},
        // The same rules as an edit with set.
        {QStringLiteral("score"), QStringLiteral("500"), QStringLiteral("score")},
        {QStringLiteral("grade"), QStringLiteral("Z"), QStringLiteral("grade")},
        {QStringLiteral("origin"), QStringLiteral("banana"), QStringLiteral("origin")},
        {QStringLiteral("follow_ups"), QStringLiteral("99999999999"), QStringLiteral("follow_ups")},
    };
    QStringList names;
    for (const QStringList &c : cases)
        names << c.at(0) + QStringLiteral(" ") + c.at(1);
    backendRows(names, [&](QTestData &row, qsizetype i) {
        row << cases.at(i).at(0) << cases.at(i).at(1) << cases.at(i).at(2);
    });
}

void TestLeadImporter::badFieldRejected() {
    QFETCH(QString, backend);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, named);
    LB_TEST_DATABASE(t, backend);

    const QStringList header = {
        QStringLiteral("first_name"),      QStringLiteral("company"),
        QStringLiteral("email"),           QStringLiteral("storefront"),
        QStringLiteral("stage"),           QStringLiteral("created_at"),
        QStringLiteral("events"),          QStringLiteral("score"),
        QStringLiteral("win_probability"), QStringLiteral("follow_ups"),
        QStringLiteral("do_not_contact"),  QStringLiteral("is_test"),
        QStringLiteral("last_event_at"),   QStringLiteral("next_follow_up_at"),
        QStringLiteral("grade"),           QStringLiteral("origin")};
    auto row = [&](const QString &first, const QString &email, const QString &bad) {
        QStringList values = {first,
                              QStringLiteral("Contoso"),
                              email,
                              QStringLiteral("appsource"),
                              QStringLiteral("new"),
                              QStringLiteral("2025-04-01T00:00:00Z"),
                              QStringLiteral("1"),
                              QStringLiteral("40"),
                              QStringLiteral("0.25"),
                              QStringLiteral("2"),
                              QStringLiteral("false"),
                              QStringLiteral("false"),
                              QStringLiteral("2025-04-02T00:00:00Z"),
                              QString(),
                              QStringLiteral("B"),
                              QStringLiteral("import")};
        if (!bad.isEmpty())
            values[header.indexOf(field)] = bad;
        return values.join(QLatin1Char(',')) + QLatin1Char('\n');
    };
    const QString text = header.join(QLatin1Char(',')) + QLatin1Char('\n') +
                         row(QStringLiteral("Ana"), QStringLiteral("ana@contoso.com"), {}) +
                         row(QStringLiteral("Bob"), QStringLiteral("bob@contoso.com"), value) +
                         row(QStringLiteral("Cy"), QStringLiteral("cy@contoso.com"), {});
    const ImportSummary s = importText(t->database(), text.toUtf8());
    QVERIFY2(s.fatal.isEmpty(), qPrintable(s.fatal));
    QCOMPARE(s.read, 3);
    // Words for a stage, storefront or grade another program may use: the lead lands with a
    // warning, the word kept as an extra field.
    if (field == QLatin1String("stage") || field == QLatin1String("storefront") ||
        field == QLatin1String("grade")) {
        QCOMPARE(s.imported, 3);
        // A lead source word of another CRM ("Trade Show") is no mistake: kept without a warning.
        QCOMPARE(s.recordWarnings, field == QLatin1String("storefront") ? 0 : 1);
        const std::optional<Lead> bob =
            leadByEmail(t->database(), QStringLiteral("bob@contoso.com"));
        QVERIFY(bob);
        QCOMPARE(bob->extraFields.value(field).toString(), value);
        return;
    }
    QCOMPARE(s.imported, 2);
    QCOMPARE(s.rejected, 1);
    QCOMPARE(s.errors.size(), 1);
    QCOMPARE(s.errors.first().line, 3);
    const QString message = s.errors.first().message;
    QVERIFY2(message.contains(named), qPrintable(message));
    QVERIFY2(message.contains(value), qPrintable(message));

    QCOMPARE(countLeads(t->database()), 2);
    QVERIFY(leadByEmail(t->database(), QStringLiteral("ana@contoso.com")));
    QVERIFY(leadByEmail(t->database(), QStringLiteral("cy@contoso.com")));
    QVERIFY(!leadByEmail(t->database(), QStringLiteral("bob@contoso.com")));
}

void TestLeadImporter::wrongFieldCountRejected_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QByteArray>("badRow");
    backendRows({QStringLiteral("too few"), QStringLiteral("too many")},
                [](QTestData &row, qsizetype i) {
                    row << (i == 0 ? QByteArray("Bob,bob@contoso.com\n")
                                   : QByteArray("Bob,bob@contoso.com,Contoso,extra\n"));
                });
}

void TestLeadImporter::wrongFieldCountRejected() {
    QFETCH(QString, backend);
    QFETCH(QByteArray, badRow);
    LB_TEST_DATABASE(t, backend);

    const QByteArray csv = "first_name,email,company\nAna,ana@contoso.com,Contoso\n" + badRow +
                           "Cy,cy@contoso.com,Contoso\n";
    const ImportSummary s = importText(t->database(), csv);
    QVERIFY2(s.fatal.isEmpty(), qPrintable(s.fatal));
    QCOMPARE(s.imported, 2);
    QCOMPARE(s.rejected, 1);
    QCOMPARE(s.errors.size(), 1);
    QCOMPARE(s.errors.first().line, 3);
    QVERIFY2(s.errors.first().message.contains(QLatin1String("field")),
             qPrintable(s.errors.first().message));
    QCOMPARE(countLeads(t->database()), 2);
    QVERIFY(!leadByEmail(t->database(), QStringLiteral("bob@contoso.com")));
}

void TestLeadImporter::headerWithoutIdentityIsFatal_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QByteArray>("csv");
    backendRows({QStringLiteral("no identifying column"), QStringLiteral("empty file")},
                [](QTestData &row, qsizetype i) {
                    row << (i == 0 ? QByteArray("LeadSource,Phone,Country,Notes\n"
                                                "AppSource-PLT|a.b,+1 555 0100,US,ana@contoso.com\n"
                                                "AppSource-PLT|a.c,+1 555 0101,US,Contoso\n")
                                   : QByteArray());
                });
}

void TestLeadImporter::headerWithoutIdentityIsFatal() {
    QFETCH(QString, backend);
    QFETCH(QByteArray, csv);
    LB_TEST_DATABASE(t, backend);

    // Something is already in the library; it stays as it was.
    ImportSummary s = importText(t->database(), "email\nkeep@contoso.com\n");
    QVERIFY2(s.ok(), qPrintable(errorsText(s)));
    QCOMPARE(countLeads(t->database()), 1);

    s = importText(t->database(), csv);
    QVERIFY(!s.fatal.isEmpty());
    QVERIFY(!s.ok());
    QCOMPARE(s.imported, 0);
    QCOMPARE(s.merged, 0);
    QCOMPARE(countLeads(t->database()), 1);
}

void TestLeadImporter::cancelLandsNothing_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("beforeStart");
    backendRows({QStringLiteral("cancelled before the start"),
                 QStringLiteral("cancelled during the import")},
                [](QTestData &row, qsizetype i) { row << (i == 0); });
}

void TestLeadImporter::cancelLandsNothing() {
    QFETCH(QString, backend);
    QFETCH(bool, beforeStart);
    LB_TEST_DATABASE(t, backend);

    ImportSummary s = importText(t->database(), "email,first_name\nkeep@contoso.com,Keep\n");
    QVERIFY2(s.ok(), qPrintable(errorsText(s)));
    QCOMPARE(countLeads(t->database()), 1);

    // 1,200 new leads plus one more event on the lead that is already there.
    QByteArray csv = "email,first_name,offer_id\nkeep@contoso.com,Keep,\n";
    for (int i = 0; i < 1200; ++i)
        csv += QStringLiteral("person%1@fabrikam.com,Person %1,contoso.analytics-saas\n")
                   .arg(i)
                   .toUtf8();

    std::atomic_bool cancel(beforeStart);
    int progressCalls = 0;
    s = importText(t->database(), csv, &cancel, [&](qint64, qint64) {
        ++progressCalls;
        cancel = true;
    });
    QVERIFY(s.cancelled);
    QVERIFY(!s.ok());
    if (!beforeStart)
        QVERIFY2(progressCalls > 0, "the import never reported progress, so it was never "
                                    "cancelled midway");
    QCOMPARE(countLeads(t->database()), 1);
    const QList<Lead> leads = TestDatabase::allLeads(t->database());
    QCOMPARE(leads.first().events, 1);
    QCOMPARE(LeadHistory(t->database()).events(leads.first().id).size(), 1);
    // What the summary tells the user must match what landed: nothing.
    QCOMPARE(s.imported, 0);
    QCOMPARE(s.merged, 0);
}

void TestLeadImporter::testLeadsFlagged_data() {
    TestDatabase::addBackendRows();
}

void TestLeadImporter::testLeadsFlagged() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);

    const QByteArray csv =
        microsoftHeader +
        "AzureMarketplace-INS|contoso.analytics-saas,INS,Analytics,MSFT_TEST_636573304831318844,"
        "Test,msft_test_636573304831318844@microsoft.com,,US,Microsoft,,,2025-05-01T00:00:00Z\n"
        "AppSource-PLT|contoso.crm-connector,PLT,CRM,Jane,Doe,jane@contoso.com,,US,"
        "MSFT_TEST_123456,,,2025-05-01T00:00:00Z\n"
        "AppSource-PLT|contoso.crm-connector,PLT,CRM,Real,Person,real@contoso.com,,US,Contoso,,,"
        "2025-05-01T00:00:00Z\n";
    const ImportSummary s = importText(t->database(), csv);
    QVERIFY2(s.ok(), qPrintable(errorsText(s)));
    QCOMPARE(s.imported, 3);

    QCOMPARE(countLeads(t->database(), true), 3);
    QCOMPARE(countLeads(t->database(), false), 1);
    for (const Lead &l : TestDatabase::allLeads(t->database()))
        QCOMPARE(l.isTest, l.email != QLatin1String("real@contoso.com"));

    LeadRepository repo(t->database());
    const std::optional<LeadStats> stats = repo.stats(LeadFilter());
    QVERIFY2(stats, qPrintable(repo.lastError()));
    QCOMPARE(stats->total, 1);
    LeadSort sort;
    const QList<Lead> listed = repo.list(LeadFilter(), sort, 100);
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().email, QStringLiteral("real@contoso.com"));
}

void TestLeadImporter::summaryJson_data() {
    TestDatabase::addBackendRows();
}

void TestLeadImporter::summaryJson() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);

    // Ana's second record fills her name: another event of her lead.
    const QByteArray csv = "email,first_name,offer_id,stage\n"
                           "ana@contoso.com,,a.b,new\n"
                           "ana@contoso.com,Ana,a.b,\n"
                           ",,a.b,\n"
                           "bob@contoso.com,Bob,a.b,sold\n"
                           "cy@contoso.com,Cy,a.b,won\n";
    const ImportSummary s = importText(t->database(), csv);
    QVERIFY2(s.fatal.isEmpty(), qPrintable(s.fatal));
    const QJsonObject json = s.toJson();
    QStringList keys = json.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("errors"), QStringLiteral("imported"),
                                QStringLiteral("merged"), QStringLiteral("read"),
                                QStringLiteral("rejected"), QStringLiteral("skipped"),
                                QStringLiteral("unchanged"), QStringLiteral("warnings")}));
    QCOMPARE(json.value(QStringLiteral("read")).toInteger(), 5);
    QCOMPARE(json.value(QStringLiteral("imported")).toInteger(), 3);
    QCOMPARE(json.value(QStringLiteral("merged")).toInteger(), 1);
    QCOMPARE(json.value(QStringLiteral("rejected")).toInteger(), 1);
    // "sold" is no stage: Bob lands as new, with a warning, the word kept.
    QCOMPARE(json.value(QStringLiteral("warnings")).toInteger(), 1);
    const QJsonArray errors = json.value(QStringLiteral("errors")).toArray();
    QCOMPARE(errors.size(), 1);
    const QJsonObject e = errors.first().toObject();
    QStringList errorKeys = e.keys();
    errorKeys.sort();
    QCOMPARE(errorKeys, (QStringList{QStringLiteral("file"), QStringLiteral("line"),
                                     QStringLiteral("message")}));
    QCOMPARE(e.value(QStringLiteral("file")).toString(), QStringLiteral("leads.csv"));
    QCOMPARE(e.value(QStringLiteral("line")).toInteger(), 4);
    QVERIFY(!e.value(QStringLiteral("message")).toString().isEmpty());
}

void TestLeadImporter::everyCanonicalColumnIsRead() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);

    // A row as `leadbench-cli list --format csv` writes it, from another database: every value
    // comes back but the id, which belongs to the database it came from.
    const QStringList columns = LeadColumns::all();
    const QHash<QString, QString> values = {
        {QStringLiteral("id"), QStringLiteral("77")},
        {QStringLiteral("storefront"), QStringLiteral("azure-marketplace")},
        {QStringLiteral("action"), QStringLiteral("StartTestDrive")},
        {QStringLiteral("offer_id"), QStringLiteral("contoso.hardened-sql-vm")},
        {QStringLiteral("offer_title"), QStringLiteral("Hardened SQL VM")},
        {QStringLiteral("first_name"), QStringLiteral("Inês")},
        {QStringLiteral("last_name"), QStringLiteral("Duarte")},
        {QStringLiteral("email"), QStringLiteral("ines@adventure-works.com")},
        {QStringLiteral("phone"), QStringLiteral("+351 21 555 0100")},
        {QStringLiteral("country"), QStringLiteral("PT")},
        {QStringLiteral("company"), QStringLiteral("Adventure Works")},
        {QStringLiteral("title"), QStringLiteral("DBA")},
        {QStringLiteral("description"), QStringLiteral("Asked for a trial, twice")},
        {QStringLiteral("created_at"), QStringLiteral("2025-02-01T08:00:00Z")},
        {QStringLiteral("last_event_at"), QStringLiteral("2025-03-15T12:30:00Z")},
        {QStringLiteral("events"), QStringLiteral("4")},
        {QStringLiteral("stage"), QStringLiteral("opportunity")},
        {QStringLiteral("owner"), QStringLiteral("sam.patel")},
        {QStringLiteral("score"), QStringLiteral("87")},
        {QStringLiteral("grade"), QStringLiteral("A")},
        {QStringLiteral("win_probability"), QStringLiteral("0.35")},
        {QStringLiteral("next_follow_up_at"), QStringLiteral("2025-04-01T09:00:00Z")},
        {QStringLiteral("follow_ups"), QStringLiteral("6")},
        {QStringLiteral("do_not_contact"), QStringLiteral("true")},
        {QStringLiteral("is_test"), QStringLiteral("true")},
        {QStringLiteral("campaign"), QStringLiteral("azure-test-drive")},
        {QStringLiteral("origin"), QStringLiteral("co-sell")},
        {QStringLiteral("qualification"),
         QStringLiteral(R"({"budget":{"at":"2025-03-01T10:00:00Z","by":"sam.patel"}})")},
        {QStringLiteral("opportunity_value"), QStringLiteral("48000.5")},
        {QStringLiteral("opportunity_currency"), QStringLiteral("EUR")},
        {QStringLiteral("expected_close_at"), QStringLiteral("2025-06-30T00:00:00Z")},
        {QStringLiteral("destination"), QStringLiteral("co-sell")},
        {QStringLiteral("disqualify_reason"), QStringLiteral("no-need")},
        {QStringLiteral("disqualify_note"), QStringLiteral("asked again in a year")},
    };
    QCOMPARE(qsizetype(values.size()), columns.size());
    QStringList row;
    for (const QString &c : columns)
        row << values.value(c);
    const QString csv = CsvWriter::line(columns) + CsvWriter::line(row);
    const ImportSummary s = importText(t->database(), csv.toUtf8());
    QVERIFY2(s.ok(), qPrintable(errorsText(s)));
    QCOMPARE(s.imported, 1);
    QCOMPARE(s.rejected, 0);
    // The one column not read is named, never dropped silently.
    QCOMPARE(s.warnings.size(), 1);
    QVERIFY2(s.warnings.first().contains(QLatin1String("column 1 \"id\" is ignored")),
             qPrintable(s.warnings.first()));

    const QList<Lead> leads = TestDatabase::allLeads(t->database());
    QCOMPARE(leads.size(), 1);
    const Lead &l = leads.first();
    for (const QString &c : columns) {
        if (c == QLatin1String("id") || c == QLatin1String("events") ||
            c == QLatin1String("is_test"))
            continue;
        QCOMPARE(LeadColumns::text(l, c), values.value(c));
    }
    QCOMPARE(l.winProbability, 0.35);
    QVERIFY(l.id != 77);
    QCOMPARE(l.events, 4);
    QCOMPARE(l.isTest, true);
}

void TestLeadImporter::flagsAsSpreadsheetsWriteThem_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("doNotContact");
    const QList<std::pair<QString, bool>> cases = {
        {QStringLiteral("true"), true},   {QStringLiteral("TRUE"), true},
        {QStringLiteral("1"), true},      {QStringLiteral("yes"), true},
        {QStringLiteral("false"), false}, {QStringLiteral("0"), false},
        {QStringLiteral("No"), false},
    };
    QStringList names;
    for (const auto &c : cases)
        names << c.first;
    backendRows(names, [&](QTestData &row, qsizetype i) {
        row << cases.at(i).first << cases.at(i).second;
    });
}

void TestLeadImporter::flagsAsSpreadsheetsWriteThem() {
    QFETCH(QString, backend);
    QFETCH(QString, text);
    QFETCH(bool, doNotContact);
    LB_TEST_DATABASE(t, backend);

    const ImportSummary s = importText(
        t->database(), "email,action,do_not_contact\nana@contoso.com,PLT," + text.toUtf8() + "\n");
    QVERIFY2(s.ok() && s.imported == 1, qPrintable(errorsText(s)));
    const std::optional<Lead> ana = leadByEmail(t->database(), QStringLiteral("ana@contoso.com"));
    QVERIFY(ana);
    QCOMPARE(ana->doNotContact, doNotContact);
}

void TestLeadImporter::headerColumnsNotReadAreNamed_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("warning"); // what the one warning says
    const QList<std::pair<QByteArray, QString>> cases = {
        {"id,email\n12,ana@contoso.com\n",
         QStringLiteral("column 1 \"id\" is not a lead field; it is kept as an extra field")},
        {"email,privacy_restricted\nana@contoso.com,true\n",
         QStringLiteral("column 2 \"privacy_restricted\" is ignored")},
        {"email,version\nana@contoso.com,3\n", QStringLiteral("column 2 \"version\" is ignored")},
        {"Email,first_name,email\nana@contoso.com,Ana,bob@contoso.com\n",
         QStringLiteral("column 3 \"email\" is ignored: names the same field as column 1")},
        {"frist_name,email\nAna,ana@contoso.com\n",
         QStringLiteral("column 1 \"frist_name\" is not a lead field")},
    };
    QStringList names;
    for (const auto &c : cases)
        names << c.second;
    backendRows(names, [&](QTestData &row, qsizetype i) {
        row << cases.at(i).first << cases.at(i).second;
    });
}

void TestLeadImporter::headerColumnsNotReadAreNamed() {
    QFETCH(QString, backend);
    QFETCH(QByteArray, csv);
    QFETCH(QString, warning);
    LB_TEST_DATABASE(t, backend);

    const ImportSummary s = importText(t->database(), csv);
    QVERIFY2(s.ok(), qPrintable(errorsText(s)));
    QCOMPARE(s.imported, 1);
    QCOMPARE(s.warnings.size(), 1);
    QVERIFY2(s.warnings.first().startsWith(QLatin1String("leads.csv: line 1: ")),
             qPrintable(s.warnings.first()));
    QVERIFY2(s.warnings.first().contains(warning), qPrintable(s.warnings.first()));
    // The first of two columns for one field is the one read.
    QVERIFY(leadByEmail(t->database(), QStringLiteral("ana@contoso.com")));
}

void TestLeadImporter::rejectedRowsNameTheirLineOnce() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);

    const QByteArray csv = "email,first_name,company\n"
                           "ana@contoso.com,Ana,Contoso\n"
                           "bob@contoso.com,\"Bob\" Jr,Contoso\n"
                           "cy@contoso.com,Cy\n"
                           "\"dee@contoso.com\" ,\"Dee\"\t,Contoso\n";
    const ImportSummary s = importText(t->database(), csv);
    QVERIFY2(s.fatal.isEmpty(), qPrintable(s.fatal));
    QCOMPARE(s.imported, 2); // Ana, and Dee despite the blanks after her quotes
    QCOMPARE(s.rejected, 2);
    QCOMPARE(s.errors.size(), 2);
    QCOMPARE(s.errors.at(0).line, 3);
    QCOMPARE(s.errors.at(0).message, QStringLiteral("has text after a closing quote"));
    QCOMPARE(s.errors.at(1).line, 4);
    QCOMPARE(s.errors.at(1).message, QStringLiteral("has 2 fields, the header has 3"));
    const std::optional<Lead> dee = leadByEmail(t->database(), QStringLiteral("dee@contoso.com"));
    QVERIFY(dee);
    QCOMPARE(dee->firstName, QStringLiteral("Dee"));
}

void TestLeadImporter::dutchExcelFile() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    // As Dutch Excel saves "CSV": semicolons (the comma is the decimal sign), Windows-1252, CRLF.
    const QByteArray csv =
        "FirstName;LastName;Email;Company;Country;Description\r\n"
        "J\xFCrgen;M\xFCller;jurgen@mueller.de;Caf\xE9 M\xFCller;DE;Budget \x80 1.200,50\r\n"
        "Ana;O\x92"
        "Brien;ana@obrien.ie;\"Smith; Jones \x96 Partners\";IE;\x93"
        "Contact me\x94\r\n";
    const ImportSummary s = importWith(t->database(), csv, TextEncoding::Auto);
    QVERIFY2(s.ok() && s.rejected == 0, qPrintable(errorsText(s)));
    QCOMPARE(s.imported, 2);
    const auto muller = leadByEmail(t->database(), QStringLiteral("jurgen@mueller.de"));
    QVERIFY(muller);
    QCOMPARE(muller->firstName, QStringLiteral("Jürgen"));
    QCOMPARE(muller->lastName, QStringLiteral("Müller"));
    QCOMPARE(muller->company, QStringLiteral("Café Müller"));
    QCOMPARE(muller->description, QStringLiteral("Budget € 1.200,50"));
    const auto ana = leadByEmail(t->database(), QStringLiteral("ana@obrien.ie"));
    QVERIFY(ana);
    QCOMPARE(ana->lastName, QStringLiteral("O’Brien"));
    QCOMPARE(ana->company, QStringLiteral("Smith; Jones – Partners"));
    QCOMPARE(ana->description, QStringLiteral("“Contact me”"));
}

void TestLeadImporter::formulaLikeValuesStayText() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    // A spreadsheet would run these; the library keeps them as the text they are.
    const QByteArray csv = "first_name,last_name,email,company,title,description,phone\n"
                           "=1+1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",f@contoso.com,"
                           "@SUM(A1),-2+3,+cmd|' /C calc'!A0,+31 20 555 0100\n";
    const ImportSummary s = importWith(t->database(), csv, TextEncoding::Auto);
    QVERIFY2(s.ok() && s.rejected == 0, qPrintable(errorsText(s)));
    const auto lead = leadByEmail(t->database(), QStringLiteral("f@contoso.com"));
    QVERIFY(lead);
    QCOMPARE(lead->firstName, QStringLiteral("=1+1"));
    QCOMPARE(lead->lastName, QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"));
    QCOMPARE(lead->company, QStringLiteral("@SUM(A1)"));
    QCOMPARE(lead->title, QStringLiteral("-2+3"));
    QCOMPARE(lead->description, QStringLiteral("+cmd|' /C calc'!A0"));
    QCOMPARE(lead->phone, QStringLiteral("+31 20 555 0100"));
}

void TestLeadImporter::badRecordsDoNotSinkTheFile_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<qint64>("badLine");
    QTest::addColumn<QString>("reason");
    const QByteArray head = "email;company\nana@contoso.com;Contoso\n";
    const QByteArray tail = "cy@contoso.com;Contoso\n";
    backendRows(
        {QStringLiteral("invalid bytes for an explicit UTF-8"),
         QStringLiteral("a field over 1 MiB"), QStringLiteral("an unterminated quote at the end")},
        [&](QTestData &row, qsizetype i) {
            if (i == 0)
                row << head + "bo@contoso.com;Caf\xE9\n" + tail << QStringLiteral("utf-8")
                    << qint64(3) << QStringLiteral("UTF-8");
            else if (i == 1)
                row << head + "bo@contoso.com;\"" +
                           QByteArray(CsvReader::maxFieldLength + 10, 'x') + "\"\n" + tail
                    << QStringLiteral("auto") << qint64(3) << QStringLiteral("1 MiB");
            else
                row << head + tail + "bo@contoso.com;\"Contoso\n"
                    << QStringLiteral("auto") << qint64(4) << QStringLiteral("never closed");
        });
}

void TestLeadImporter::badRecordsDoNotSinkTheFile() {
    QFETCH(QString, backend);
    QFETCH(QByteArray, csv);
    QFETCH(QString, encoding);
    QFETCH(qint64, badLine);
    QFETCH(QString, reason);
    LB_TEST_DATABASE(t, backend);
    TextEncoding::Kind kind = TextEncoding::Auto;
    QVERIFY(TextEncoding::parse(encoding, &kind));
    const ImportSummary s = importWith(t->database(), csv, kind);
    QVERIFY2(s.fatal.isEmpty(), qPrintable(s.fatal));
    QCOMPARE(s.imported, 2);
    QCOMPARE(s.rejected, 1);
    QCOMPARE(s.errors.first().line, badLine);
    QVERIFY2(s.errors.first().message.contains(reason), qPrintable(s.errors.first().message));
    QVERIFY(leadByEmail(t->database(), QStringLiteral("ana@contoso.com")));
    QVERIFY(leadByEmail(t->database(), QStringLiteral("cy@contoso.com")));
    QVERIFY(!leadByEmail(t->database(), QStringLiteral("bo@contoso.com")));
}

void TestLeadImporter::unreadableFileLandsNothing_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("reason");
    backendRows({QStringLiteral("an XLSX renamed .csv"), QStringLiteral("binary")},
                [](QTestData &row, qsizetype i) {
                    if (i == 0)
                        row << QByteArrayLiteral("PK\x03\x04\x14\x00\x06\x00"
                                                 "email,company\n"
                                                 "ana@contoso.com,Contoso\n")
                            << QStringLiteral("ZIP");
                    else
                        row << QByteArrayLiteral("email,company\nana@contoso.com,Con\x00toso\n")
                            << QStringLiteral("NUL");
                });
}

void TestLeadImporter::unreadableFileLandsNothing() {
    QFETCH(QString, backend);
    QFETCH(QByteArray, csv);
    QFETCH(QString, reason);
    LB_TEST_DATABASE(t, backend);
    const ImportSummary s = importWith(t->database(), csv, TextEncoding::Auto);
    QCOMPARE(s.failure, ImportSummary::Failure::Input);
    QVERIFY2(s.fatal.startsWith(QLatin1String("leads.csv: ")) && s.fatal.contains(reason),
             qPrintable(s.fatal));
    QCOMPARE(s.errors.size(), 0);
    QCOMPARE(s.imported, 0);
    QCOMPARE(countLeads(t->database()), 0);
}

QTEST_GUILESS_MAIN(TestLeadImporter)
#include "tst_leadimporter.moc"
