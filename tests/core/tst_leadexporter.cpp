#include "core/io/crmexportlayout.h"
#include "core/io/leadexporter.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <atomic>

// Exports as a spreadsheet user receives them, against SQLite and PostgreSQL: the CSV's bytes,
// the .xlsx read back by openpyxl, and no file at all after a cancel.
class TestLeadExporter : public QObject {
    Q_OBJECT
private slots:
    void csvIsWhatExcelExpects_data() { TestDatabase::addBackendRows(); }
    void csvIsWhatExcelExpects();
    void csvWithoutBomAndOtherDelimiter_data() { TestDatabase::addBackendRows(); }
    void csvWithoutBomAndOtherDelimiter();
    void csvQuotesLineBreaksAndDelimiters_data() { TestDatabase::addBackendRows(); }
    void csvQuotesLineBreaksAndDelimiters();
    void cancelLeavesNoFile_data();
    void cancelLeavesNoFile();
    void xlsxReadBackByOpenpyxl_data() { TestDatabase::addBackendRows(); }
    void xlsxReadBackByOpenpyxl();
    void crmLayoutImportsUnmapped_data();
    void crmLayoutImportsUnmapped();
    void crmLayoutFillsRequiredFields_data();
    void crmLayoutFillsRequiredFields();
    void selectionExportsOnlyThoseLeads_data();
    void selectionExportsOnlyThoseLeads();
    void selectionOfManyThousandIds_data() { TestDatabase::addBackendRows(); }
    void selectionOfManyThousandIds();
};

namespace {

QDateTime at(int day, int hour = 12) {
    return QDateTime(QDate(2026, 3, 1).addDays(day), QTime(hour, 0), QTimeZone::utc());
}

Lead lead(const QString &first, const QString &company, int score, int day,
          Storefront storefront = Storefront::AppSource) {
    Lead l;
    l.storefront = storefront;
    l.action = QStringLiteral("PLT");
    l.offerId = QStringLiteral("contoso.analytics");
    l.firstName = first;
    l.lastName = QStringLiteral("Silva");
    l.email = first.toLower() + QStringLiteral("@fabrikam.com");
    l.company = company;
    l.score = score;
    l.winProbability = 0.25;
    l.createdAt = at(day);
    l.lastEventAt = at(day);
    l.origin = QStringLiteral("marketplace");
    return l;
}

// Three AppSource leads worth exporting, one Azure Marketplace lead and one test lead that
// an AppSource export leaves out.
bool addLeads(const Database &db) {
    Lead test = lead(QStringLiteral("Tess"), QStringLiteral("MSFT_TEST_123"), 99, 4);
    test.isTest = true;
    Lead dnc = lead(QStringLiteral("Bo"), QStringLiteral("Müller, \"Bau\" GmbH"), 70, 2);
    dnc.doNotContact = true;
    for (const Lead &l : {lead(QStringLiteral("Ana"), QStringLiteral("=cmd|' /C calc'!A0"), 50, 1),
                          dnc, lead(QStringLiteral("Cy"), QStringLiteral("=1+1"), 90, 3),
                          lead(QStringLiteral("Az"), QStringLiteral("Contoso"), 95, 5,
                               Storefront::AzureMarketplace),
                          test})
        if (TestDatabase::insertLead(db, l) == 0)
            return false;
    return true;
}

LeadFilter appSource() {
    LeadFilter f;
    f.storefront = Storefront::AppSource;
    return f;
}

LeadSort byScoreDescending() {
    LeadSort s;
    s.column = QStringLiteral("score");
    s.descending = true;
    return s;
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

void TestLeadExporter::csvIsWhatExcelExpects() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    QVERIFY(addLeads(t->database()));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("leads.csv"));

    LeadExporter exporter(t->database());
    QList<std::pair<qint64, qint64>> progress;
    exporter.setProgress([&](qint64 done, qint64 total) { progress << std::pair{done, total}; });
    LeadExporter::Options options;
    options.columns = {QStringLiteral("first_name"), QStringLiteral("company"),
                       QStringLiteral("score"), QStringLiteral("do_not_contact"),
                       QStringLiteral("created_at")};
    const LeadExporter::Result r =
        exporter.exportToFile(appSource(), byScoreDescending(), options, path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.rows, 3);
    QCOMPARE(progress.first(), (std::pair<qint64, qint64>{0, 3}));
    QCOMPARE(progress.last(), (std::pair<qint64, qint64>{3, 3}));

    // A BOM, CRLF, RFC 4180 quoting, and formula-looking text prefixed with ' so that a
    // spreadsheet shows it instead of running it; test and Azure leads left out; by score.
    const QByteArray expected =
        "\xEF\xBB\xBF"
        "first_name,company,score,do_not_contact,created_at\r\n"
        "Cy,'=1+1,90,false,2026-03-04T12:00:00Z\r\n"
        "Bo,\"M\xC3\xBCller, \"\"Bau\"\" GmbH\",70,true,2026-03-03T12:00:00Z\r\n"
        "Ana,'=cmd|' /C calc'!A0,50,false,2026-03-02T12:00:00Z\r\n";
    QCOMPARE(readAll(path), expected);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("leads.csv")});
}

void TestLeadExporter::csvQuotesLineBreaksAndDelimiters() {
    // Titles as people type them: line breaks of every kind and the delimiter inside a cell
    // are quoted, so that a spreadsheet keeps each in its one cell.
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const QStringList titles{QStringLiteral("Head of\nSales"), QStringLiteral("Buyer\r"),
                             QStringLiteral("IT; Security"), QStringLiteral("Plain, \"quoted\"")};
    for (qsizetype i = 0; i < titles.size(); ++i) {
        Lead l = lead(QStringLiteral("P%1").arg(i), QStringLiteral("Contoso"), 90 - int(i), 1);
        l.title = titles.at(i);
        QVERIFY(TestDatabase::insertLead(t->database(), l) != 0);
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("leads.csv"));
    LeadExporter::Options options;
    options.bom = false;
    options.delimiter = QLatin1Char(';');
    options.columns = {QStringLiteral("first_name"), QStringLiteral("title")};
    const LeadExporter::Result r =
        LeadExporter(t->database()).exportToFile(appSource(), byScoreDescending(), options, path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(readAll(path), QByteArray("first_name;title\r\n"
                                       "P0;\"Head of\nSales\"\r\n"
                                       "P1;\"Buyer\r\"\r\n"
                                       "P2;\"IT; Security\"\r\n"
                                       "P3;\"Plain, \"\"quoted\"\"\"\r\n"));
}

void TestLeadExporter::csvWithoutBomAndOtherDelimiter() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    QVERIFY(addLeads(t->database()));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("leads.csv"));
    LeadExporter::Options options;
    options.bom = false;
    options.delimiter = QLatin1Char(';');
    options.columns = {QStringLiteral("company"), QStringLiteral("first_name")};
    LeadFilter all;
    all.includeTest = true;
    LeadSort byName;
    byName.column = QStringLiteral("first_name");
    byName.descending = false;
    const LeadExporter::Result r =
        LeadExporter(t->database()).exportToFile(all, byName, options, path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.rows, 5);
    // The chosen delimiter separates; quotes still double; no BOM.
    const QByteArray expected = "company;first_name\r\n"
                                "'=cmd|' /C calc'!A0;Ana\r\n"
                                "Contoso;Az\r\n"
                                "\"M\xC3\xBCller, \"\"Bau\"\" GmbH\";Bo\r\n"
                                "'=1+1;Cy\r\n"
                                "MSFT_TEST_123;Tess\r\n";
    QCOMPARE(readAll(path), expected);
}

void TestLeadExporter::cancelLeavesNoFile_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("format");
    for (const char *backend : {"sqlite", "postgresql"}) {
        QTest::addRow("%s csv", backend)
            << QString::fromLatin1(backend) << int(LeadExporter::Format::Csv);
        QTest::addRow("%s xlsx", backend)
            << QString::fromLatin1(backend) << int(LeadExporter::Format::Xlsx);
    }
}

void TestLeadExporter::cancelLeavesNoFile() {
    QFETCH(QString, backend);
    QFETCH(int, format);
    LB_TEST_DATABASE(t, backend);
    QVERIFY(addLeads(t->database()));
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("new.out"));
    const QString existing = dir.filePath(QStringLiteral("old.out"));
    {
        QFile f(existing);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("yesterday's export\n");
    }
    LeadExporter::Options options;
    options.format = LeadExporter::Format(format);
    for (const QString &path : {fresh, existing}) {
        LeadExporter exporter(t->database());
        exporter.setPageSize(1);
        std::atomic_bool cancel = false;
        exporter.setCancelFlag(&cancel);
        // The user presses Cancel once the first row is out.
        exporter.setProgress([&](qint64 done, qint64) {
            if (done >= 1)
                cancel = true;
        });
        const LeadExporter::Result r =
            exporter.exportToFile(appSource(), byScoreDescending(), options, path);
        QVERIFY(r.cancelled);
        QCOMPARE(r.rows, 1);
    }
    QVERIFY(!QFile::exists(fresh));
    QCOMPARE(readAll(existing), QByteArray("yesterday's export\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("old.out")});
}

void TestLeadExporter::xlsxReadBackByOpenpyxl() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    QVERIFY(addLeads(t->database()));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("leads.xlsx"));
    LeadExporter::Options options;
    options.format = LeadExporter::Format::Xlsx;
    options.title = QStringLiteral("AppSource leads");
    options.xlsxRowsPerSheet = 2; // the third row starts the next sheet
    options.columns = {QStringLiteral("first_name"),
                       QStringLiteral("company"),
                       QStringLiteral("score"),
                       QStringLiteral("win_probability"),
                       QStringLiteral("do_not_contact"),
                       QStringLiteral("created_at"),
                       QStringLiteral("next_follow_up_at")};
    const LeadExporter::Result r =
        LeadExporter(t->database()).exportToFile(appSource(), byScoreDescending(), options, path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.rows, 3);

    // Debian's own Python with openpyxl: an independent reader, not the code under test.
    const QString script = QStringLiteral(R"(
import datetime, json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "title": wb.properties.title, "creator": wb.properties.creator}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if isinstance(v, datetime.datetime):
                v = (v + datetime.timedelta(microseconds=500000)).replace(microsecond=0).isoformat()
            cells.append({"type": type(v).__name__ if not c.is_date else "date",
                          "value": v, "data_type": c.data_type})
        rows.append(cells)
    out[ws.title] = {"freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                     "bold": [bool(c.font.b) for c in ws[1]], "rows": rows}
print(json.dumps(out))
)");
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, path});
    QVERIFY2(python.waitForFinished(60000), "python3 did not finish");
    const QByteArray stderrText = python.readAllStandardError();
    QVERIFY2(python.exitCode() == 0, stderrText.constData());
    const QJsonObject book = QJsonDocument::fromJson(python.readAllStandardOutput()).object();

    QCOMPARE(book.value(QStringLiteral("sheets")).toArray(),
             (QJsonArray{QStringLiteral("Leads"), QStringLiteral("Leads 2")}));
    QCOMPARE(book.value(QStringLiteral("title")).toString(), QStringLiteral("AppSource leads"));
    QCOMPARE(book.value(QStringLiteral("creator")).toString(), QStringLiteral("Leadbench"));

    const QJsonObject first = book.value(QStringLiteral("Leads")).toObject();
    QCOMPARE(first.value(QStringLiteral("freeze")).toString(), QStringLiteral("A2"));
    QCOMPARE(first.value(QStringLiteral("filter")).toString(), QStringLiteral("A1:G3"));
    QCOMPARE(first.value(QStringLiteral("bold")).toArray(),
             QJsonArray({true, true, true, true, true, true, true}));
    const QJsonArray rows = first.value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).toArray().at(0).toObject().value(QStringLiteral("value")).toString(),
             QStringLiteral("first_name"));
    const QJsonArray cy = rows.at(1).toArray();
    auto cell = [](const QJsonArray &row, int i) { return row.at(i).toObject(); };
    QCOMPARE(cell(cy, 0).value(QStringLiteral("value")).toString(), QStringLiteral("Cy"));
    // Text that looks like a formula is a string cell with exactly that text.
    QCOMPARE(cell(cy, 1).value(QStringLiteral("value")).toString(), QStringLiteral("=1+1"));
    QCOMPARE(cell(cy, 1).value(QStringLiteral("type")).toString(), QStringLiteral("str"));
    QCOMPARE(cell(cy, 1).value(QStringLiteral("data_type")).toString(), QStringLiteral("s"));
    QCOMPARE(cell(cy, 2).value(QStringLiteral("type")).toString(), QStringLiteral("int"));
    QCOMPARE(cell(cy, 2).value(QStringLiteral("value")).toInt(), 90);
    QCOMPARE(cell(cy, 3).value(QStringLiteral("type")).toString(), QStringLiteral("float"));
    QCOMPARE(cell(cy, 3).value(QStringLiteral("value")).toDouble(), 0.25);
    QCOMPARE(cell(cy, 4).value(QStringLiteral("type")).toString(), QStringLiteral("bool"));
    QCOMPARE(cell(cy, 4).value(QStringLiteral("value")).toBool(), false);
    QCOMPARE(cell(cy, 5).value(QStringLiteral("type")).toString(), QStringLiteral("date"));
    QCOMPARE(cell(cy, 5).value(QStringLiteral("value")).toString(),
             QStringLiteral("2026-03-04T12:00:00"));
    // An unset follow-up is an empty cell, not a zero date.
    QVERIFY(cell(cy, 6).value(QStringLiteral("value")).isNull());
    QCOMPARE(cell(rows.at(2).toArray(), 1).value(QStringLiteral("value")).toString(),
             QStringLiteral("Müller, \"Bau\" GmbH"));
    QCOMPARE(cell(rows.at(2).toArray(), 4).value(QStringLiteral("value")).toBool(), true);

    // The next sheet repeats the header, bold and frozen, over its own rows.
    const QJsonObject second = book.value(QStringLiteral("Leads 2")).toObject();
    QCOMPARE(second.value(QStringLiteral("freeze")).toString(), QStringLiteral("A2"));
    QCOMPARE(second.value(QStringLiteral("filter")).toString(), QStringLiteral("A1:G2"));
    const QJsonArray rest = second.value(QStringLiteral("rows")).toArray();
    QCOMPARE(rest.size(), 2);
    QCOMPARE(cell(rest.at(0).toArray(), 2).value(QStringLiteral("value")).toString(),
             QStringLiteral("score"));
    QCOMPARE(cell(rest.at(1).toArray(), 1).value(QStringLiteral("value")).toString(),
             QStringLiteral("=cmd|' /C calc'!A0"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("leads.xlsx")});
}

void TestLeadExporter::crmLayoutImportsUnmapped_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("expected");
    // Each CRM's own import column names, and its own words for stage, grade and storefront.
    const QByteArray salesforce =
        "First Name,Last Name,Title,Company,Email,Phone,Country,Lead Source,Lead Status,Rating,"
        "Email Opt Out,Do Not Call,Description\r\n"
        "Cy,Silva,CTO,'=1+1,cy@fabrikam.com,+31 20 555 0100,NL,AppSource,Working - Contacted,"
        "Hot,false,false,\"Wants a demo, soon\"\r\n"
        "Bo,Silva,,\"M\xC3\xBCller, \"\"Bau\"\" GmbH\",bo@fabrikam.com,,,AppSource,"
        "Closed - Not Converted,Cold,true,true,\r\n";
    const QByteArray dynamics =
        "First Name,Last Name,Job Title,Company Name,Email,Business Phone,Country/Region,Topic,"
        "Lead Source,Status Reason,Rating,Do not allow Emails,Do not allow Phone Calls,"
        "Description\r\n"
        "Cy,Silva,CTO,'=1+1,cy@fabrikam.com,+31 20 555 0100,NL,Contoso Analytics,AppSource,"
        "Contacted,Hot,Allow,Allow,\"Wants a demo, soon\"\r\n"
        "Bo,Silva,,\"M\xC3\xBCller, \"\"Bau\"\" GmbH\",bo@fabrikam.com,,,Contoso Analytics,"
        "AppSource,Cannot Contact,Cold,Do Not Allow,Do Not Allow,\r\n";
    for (const char *backend : {"sqlite", "postgresql"}) {
        QTest::addRow("%s salesforce", backend)
            << QString::fromLatin1(backend) << int(LeadExporter::Format::Salesforce) << salesforce;
        QTest::addRow("%s dynamics", backend)
            << QString::fromLatin1(backend) << int(LeadExporter::Format::Dynamics) << dynamics;
    }
}

void TestLeadExporter::crmLayoutImportsUnmapped() {
    QFETCH(QString, backend);
    QFETCH(int, format);
    QFETCH(QByteArray, expected);
    LB_TEST_DATABASE(t, backend);
    Lead cy = lead(QStringLiteral("Cy"), QStringLiteral("=1+1"), 90, 3);
    cy.title = QStringLiteral("CTO");
    cy.phone = QStringLiteral("+31 20 555 0100");
    cy.country = QStringLiteral("NL");
    cy.offerTitle = QStringLiteral("Contoso Analytics");
    cy.description = QStringLiteral("Wants a demo, soon");
    cy.stage = Stage::Contacted;
    cy.grade = QStringLiteral("A");
    Lead bo = lead(QStringLiteral("Bo"), QStringLiteral("Müller, \"Bau\" GmbH"), 70, 2);
    bo.offerTitle = QStringLiteral("Contoso Analytics");
    bo.stage = Stage::Disqualified;
    bo.grade = QStringLiteral("D");
    bo.doNotContact = true;
    QVERIFY(TestDatabase::insertLead(t->database(), cy) > 0);
    QVERIFY(TestDatabase::insertLead(t->database(), bo) > 0);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crm.csv"));
    LeadExporter::Options options;
    options.format = LeadExporter::Format(format);
    options.bom = false;
    options.columns = {QStringLiteral("score")}; // a CRM layout's columns are fixed
    const LeadExporter::Result r =
        LeadExporter(t->database()).exportToFile(appSource(), byScoreDescending(), options, path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.rows, 2);
    QCOMPARE(readAll(path), expected);
    QCOMPARE(LeadExporter::headers(options).join(QLatin1Char(',')).toUtf8(),
             expected.left(expected.indexOf("\r\n")));
}

void TestLeadExporter::crmLayoutFillsRequiredFields_data() {
    QTest::addColumn<int>("crm");
    QTest::addColumn<QString>("offerTitle");
    QTest::addColumn<QStringList>("required"); // the required headers
    QTest::addColumn<QStringList>("values");   // what each holds
    const QString none = CrmExportLayout::notProvided();
    QTest::newRow("salesforce: no last name, no company")
        << int(CrmVocabulary::Crm::Salesforce) << QString()
        << QStringList{QStringLiteral("Last Name"), QStringLiteral("Company")}
        << QStringList{none, none};
    QTest::newRow("dynamics: no last name, topic from the offer title")
        << int(CrmVocabulary::Crm::Dynamics) << QStringLiteral("Contoso Analytics")
        << QStringList{QStringLiteral("Last Name"), QStringLiteral("Topic"),
                       QStringLiteral("Company Name")}
        << QStringList{none, QStringLiteral("Contoso Analytics"), QString()};
    QTest::newRow("dynamics: no offer title, topic from the offer id")
        << int(CrmVocabulary::Crm::Dynamics) << QStringLiteral("  ")
        << QStringList{QStringLiteral("Topic")} << QStringList{QStringLiteral("contoso.analytics")};
}

void TestLeadExporter::crmLayoutFillsRequiredFields() {
    QFETCH(int, crm);
    QFETCH(QString, offerTitle);
    QFETCH(QStringList, required);
    QFETCH(QStringList, values);
    Lead l = lead(QStringLiteral("Ana"), QString(), 50, 1);
    l.lastName.clear();
    l.offerTitle = offerTitle;
    const CrmExportLayout layout{CrmVocabulary::Crm(crm)};
    const QStringList row = layout.row(l);
    QCOMPARE(row.size(), layout.headers().size());
    QCOMPARE(row.at(layout.headers().indexOf(QStringLiteral("First Name"))), QStringLiteral("Ana"));
    for (qsizetype i = 0; i < required.size(); ++i) {
        const qsizetype column = layout.headers().indexOf(required.at(i));
        QVERIFY2(column >= 0, qPrintable(required.at(i)));
        QCOMPARE(row.at(column), values.at(i));
    }
}

void TestLeadExporter::selectionExportsOnlyThoseLeads_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("expected");
    for (const char *backend : {"sqlite", "postgresql"}) {
        QTest::addRow("%s by score, descending", backend)
            << QString::fromLatin1(backend) << true << QStringLiteral("Tess,Az,Ana");
        QTest::addRow("%s by score, ascending", backend)
            << QString::fromLatin1(backend) << false << QStringLiteral("Ana,Az,Tess");
    }
}

void TestLeadExporter::selectionExportsOnlyThoseLeads() {
    QFETCH(QString, backend);
    QFETCH(bool, descending);
    QFETCH(QString, expected);
    LB_TEST_DATABASE(t, backend);
    QVERIFY(addLeads(t->database()));
    // Ana, Az and the test lead Tess are selected in a window that shows test leads.
    const QList<qint64> ids = {1, 4, 5};
    LeadFilter selection;
    selection.includeTest = true;
    selection.ids = ids;
    LeadSort sort = byScoreDescending();
    sort.descending = descending;
    QTemporaryDir dir;
    for (const LeadExporter::Format format :
         {LeadExporter::Format::Csv, LeadExporter::Format::Salesforce}) {
        const QString path = dir.filePath(QStringLiteral("selection.csv"));
        LeadExporter::Options options;
        options.format = format;
        options.bom = false;
        options.columns = {QStringLiteral("first_name")};
        const LeadExporter::Result r =
            LeadExporter(t->database()).exportToFile(selection, sort, options, path);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.rows, 3);
        QStringList names;
        const QList<QByteArray> lines = readAll(path).split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i)
            if (!lines.at(i).isEmpty())
                names << QString::fromUtf8(lines.at(i).trimmed().split(',').first());
        QCOMPARE(names.join(QLatin1Char(',')), expected);
    }
}

void TestLeadExporter::selectionOfManyThousandIds() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    QVERIFY(addLeads(t->database()));
    // More ids than either database takes as bound values in one statement.
    LeadFilter selection;
    for (qint64 id = 70000; id > 2; --id)
        selection.ids << id;
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    LeadExporter::Options options;
    options.bom = false;
    options.columns = {QStringLiteral("first_name")};
    const LeadExporter::Result r =
        LeadExporter(t->database()).exportCsv(selection, byScoreDescending(), options, &out);
    QVERIFY2(r.ok(), qPrintable(r.error));
    // Ids 3 and 4 are Cy and Az; 5 is a test lead, which the filter still leaves out.
    QCOMPARE(out.data(), QByteArray("first_name\r\nAz\r\nCy\r\n"));
}

QTEST_GUILESS_MAIN(TestLeadExporter)
#include "tst_leadexporter.moc"
