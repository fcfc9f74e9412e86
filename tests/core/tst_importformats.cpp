#include "core/domain/leadcolumns.h"
#include "core/io/importpreview.h"
#include "core/io/leadexporter.h"
#include "core/io/leadgenerator.h"
#include "core/io/leadimporter.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadrepository.h"
#include "core/storage/mappingprofilerepository.h"
#include "testdatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <atomic>

// LeadImporter end to end across formats and layouts: small files from CSV variants, other
// CRMs, the Azure Table export, marketplace JSON and Excel workbooks become the leads a user
// expects; several files, dry runs, skipped duplicates, extra fields, saved mappings, the
// preview, and the round trip through Leadbench's own export.
class TestImportFormats : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void smallFiles_data();
    void smallFiles();
    void unreadableFiles_data();
    void unreadableFiles();
    void excelWorkbookFromAnotherTool();
    void severalFilesLandTogetherOrNotAtAll();
    void dryRunCountsAndStoresNothing();
    void skipLeavesDuplicatesAlone_data() { TestDatabase::addBackendRows(); }
    void skipLeavesDuplicatesAlone();
    void extraFieldsAreKept_data() { TestDatabase::addBackendRows(); }
    void extraFieldsAreKept();
    void savedMappingProfileIsReused();
    void previewShowsTheFileAsItIs();
    void roundTripGivesTheSameLeads_data() { TestDatabase::addBackendRows(); }
    void roundTripGivesTheSameLeads();
    void cancelLeavesTheDatabaseAsItWas();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

namespace {

ImportSummary importPaths(const Database &db, const QStringList &paths,
                          const ImportOptions &options = {}) {
    LeadImporter importer(db, QStringLiteral("tester"));
    importer.setOptions(options);
    return importer.importFiles(paths);
}

QString problems(const ImportSummary &s) {
    QStringList out;
    if (!s.fatal.isEmpty())
        out << QStringLiteral("fatal: ") + s.fatal;
    for (const ImportError &e : s.errors)
        out << QStringLiteral("%1 line %2: %3").arg(e.file).arg(e.line).arg(e.message);
    return out.join(QStringLiteral("; "));
}

// What a user checks of an imported lead, as one line.
QString describe(const Lead &l) {
    return QStringList{l.email, l.firstName, l.lastName, l.company, l.title, l.country,
                       Storefronts::canonicalName(l.storefront), l.action, l.offerId,
                       Stages::canonicalName(l.stage),
                       // The grade the file gave (a CRM's rating); a lead without one is graded
                       // by the scoring model, which tst_rulescorer checks.
                       l.scoreModelVersion == 0 ? l.grade : QString(),
                       // A record without a time of its own is stamped as it arrives.
                       qAbs(l.createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 600
                           ? QStringLiteral("now")
                           : l.createdAt.date().toString(Qt::ISODate)}
        .join(QLatin1Char('|'));
}

QStringList describeAll(const Database &db) {
    QStringList out;
    for (const Lead &l : TestDatabase::allLeads(db))
        out << describe(l);
    out.sort();
    return out;
}

QByteArray windows1252(const QString &text) {
    QByteArray out;
    for (const QChar c : text)
        out += c.unicode() < 256 ? char(c.unicode()) : '?';
    return out;
}

QByteArray utf16le(const QString &text) {
    QByteArray out("\xFF\xFE", 2);
    for (const QChar c : text) {
        out += char(c.unicode() & 0xFF);
        out += char(c.unicode() >> 8);
    }
    return out;
}

bool runPython(const QString &script, const QStringList &args, QString *output) {
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 QStringList{QStringLiteral("-c"), script} + args);
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        *output = QString::fromUtf8(python.readAllStandardError());
        return false;
    }
    *output = QString::fromUtf8(python.readAllStandardOutput());
    return true;
}

} // namespace

void TestImportFormats::initTestCase() {
    QVERIFY(m_dir.isValid());
}

QString TestImportFormats::write(const QString &name, const QByteArray &bytes) {
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QString();
    file.write(bytes);
    return path;
}

void TestImportFormats::smallFiles_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("leads"); // describe() of each lead, sorted
    QTest::addColumn<QList<qint64>>("rejectedLines");

    const QString ms = QStringLiteral("|appsource|PLT|contoso.crm|new||now");
    QTest::newRow("rfc4180: quoted delimiters, quotes and line breaks, CRLF")
        << QStringLiteral("quoted.csv")
        << QByteArray("LeadSource,FirstName,LastName,Email,Company,Description\r\n"
                      "AppSource-PLT|contoso.crm,Ana,\"Silva, Jr.\",ana@fabrikam.com,"
                      "\"Fabrikam \"\"East\"\"\",\"line one\r\nline two\"\r\n")
        << QStringList{QStringLiteral("ana@fabrikam.com|Ana|Silva, Jr.|Fabrikam \"East\"||"
                                      "|appsource|PLT|contoso.crm|new||now")}
        << QList<qint64>{};
    QTest::newRow("CR line ends, last line without one")
        << QStringLiteral("mac.csv")
        << QByteArray("Email,FirstName\rana@fabrikam.com,Ana\rbo@contoso.com,Bo")
        << QStringList{QStringLiteral("ana@fabrikam.com|Ana|||||other|||new||now"),
                       QStringLiteral("bo@contoso.com|Bo|||||other|||new||now")}
        << QList<qint64>{};
    QTest::newRow("Dutch Excel: semicolons, Windows-1252, Dutch labels, country names")
        << QStringLiteral("nl.csv")
        << windows1252(QStringLiteral("Voornaam;Achternaam;E-mail;Bedrijf;Functie;Land\r\n"
                                      "J\u00fcrgen;M\u00fcller;jm@contoso.de;Contoso GmbH;"
                                      "Einkaufsleiter;Deutschland\r\n"
                                      "Sanne;de Vries;sanne@fabrikam.nl;Fabrikam BV;Directeur;"
                                      "Nederland\r\n"))
        << QStringList{QStringLiteral("jm@contoso.de|J\u00fcrgen|M\u00fcller|Contoso GmbH|"
                                      "Einkaufsleiter|DE|other|||new||now"),
                       QStringLiteral("sanne@fabrikam.nl|Sanne|de Vries|Fabrikam BV|Directeur|NL|"
                                      "other|||new||now")}
        << QList<qint64>{};
    QTest::newRow("UTF-16 with BOM, tab separated")
        << QStringLiteral("utf16.txt")
        << utf16le(QStringLiteral("Email\tCompany\tCountry\nana@fabrikam.com\t\u6771\u4eac "
                                  "Trading\tJapan\n"))
        << QStringList{QStringLiteral(
               "ana@fabrikam.com|||\u6771\u4eac Trading||JP|other|||new||now")}
        << QList<qint64>{};
    QTest::newRow("pipes") << QStringLiteral("pipes.csv")
                           << QByteArray("email|company|country\nana@fabrikam.com|Fabrikam|USA\n")
                           << QStringList{QStringLiteral(
                                  "ana@fabrikam.com|||Fabrikam||US|other|||new||now")}
                           << QList<qint64>{};
    QTest::newRow("Salesforce lead export")
        << QStringLiteral("salesforce.csv")
        << QByteArray("\"First Name\",\"Last Name\",\"Title\",\"Company\",\"Email\",\"Phone\","
                      "\"Country\",\"Lead Source\",\"Lead Status\",\"Rating\",\"Description\","
                      "\"Created Date\"\n"
                      "\"Ana\",\"Silva\",\"CTO\",\"Fabrikam\",\"ana@fabrikam.com\",\"+1 555 0100\","
                      "\"United States\",\"Azure Marketplace\",\"Working - Contacted\",\"Hot\","
                      "\"Saw the demo\",\"03/04/2026\"\n")
        << QStringList{QStringLiteral("ana@fabrikam.com|Ana|Silva|Fabrikam|CTO|US|"
                                      "azure-marketplace|||contacted|A|2026-03-04")}
        << QList<qint64>{};
    QTest::newRow("Dynamics 365 lead export")
        << QStringLiteral("dynamics.csv")
        << QByteArray("First Name,Last Name,Job Title,Company Name,Email,Business Phone,"
                      "Country/Region,Topic,Status Reason,Rating,Created On\n"
                      "Bo,Berg,Head of IT,Contoso AB,bo@contoso.se,+46 8 123,Sverige,"
                      "Contoso Analytics,Qualified,Warm,2026-02-01 10:00\n")
        << QStringList{QStringLiteral("bo@contoso.se|Bo|Berg|Contoso AB|Head of IT|SE|other|||"
                                      "qualified|B|2026-02-01")}
        << QList<qint64>{};
    QTest::newRow("HubSpot contact export")
        << QStringLiteral("hubspot.csv")
        << QByteArray("Record ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,"
                      "Country/Region,Lifecycle Stage,Create Date\n"
                      "901,Cy,Chan,cy@tailspin.com,555,Tailspin,VP Sales,\"Korea, Republic of\","
                      "Sales Qualified Lead,2026-01-15 08:30\n")
        << QStringList{QStringLiteral("cy@tailspin.com|Cy|Chan|Tailspin|VP Sales|KR|other|||"
                                      "qualified||2026-01-15")}
        << QList<qint64>{};
    QTest::newRow("Azure Table export by Storage Explorer, typed, CustomerInfo JSON")
        << QStringLiteral("azuretable.csv")
        << QByteArray("PartitionKey,RowKey,Timestamp,Timestamp@type,LeadSource,ActionCode,"
                      "OfferTitle,CustomerInfo,Description\n"
                      "contoso,1,2026-03-01T09:30:00.000Z,Edm.DateTime,"
                      "AzureMarketplace-INS|contoso.analytics-saas,INS,Contoso Analytics,"
                      "\"{\"\"FirstName\"\":\"\"Dee\"\",\"\"LastName\"\":\"\"Diaz\"\","
                      "\"\"Email\"\":\"\"dee@woodgrove.com\"\",\"\"Country\"\":\"\"ES\"\","
                      "\"\"Company\"\":\"\"Woodgrove\"\",\"\"Title\"\":\"\"CFO\"\"}\",trial\n")
        << QStringList{QStringLiteral("dee@woodgrove.com|Dee|Diaz|Woodgrove|CFO|ES|"
                                      "azure-marketplace|INS|contoso.analytics-saas|new||"
                                      "2026-03-01")}
        << QList<qint64>{};
    QTest::newRow("one marketplace JSON payload")
        << QStringLiteral("payload.json")
        << QByteArray("{\"UserDetails\":{\"FirstName\":\"Eve\",\"LastName\":\"Ng\",\"Email\":"
                      "\"eve@contoso.com\",\"Phone\":\"\",\"Country\":\"SG\",\"Company\":"
                      "\"Contoso\",\"Title\":\"Engineer\"},\"LeadSource\":"
                      "\"SPZA-PLT|contoso.crm\",\"ActionCode\":\"PLT\",\"OfferTitle\":"
                      "\"Contoso CRM\",\"Description\":\"\"}")
        << QStringList{QStringLiteral("eve@contoso.com|Eve|Ng|Contoso|Engineer|SG") + ms}
        << QList<qint64>{};
    QTest::newRow("an array of marketplace JSON payloads, one not an object")
        << QStringLiteral("payloads.json")
        << QByteArray("[{\"UserDetails\":{\"Email\":\"a@contoso.com\"},\"LeadSource\":"
                      "\"AppSource-PLT|contoso.crm\"},42,{\"UserDetails\":{\"Email\":"
                      "\"b@contoso.com\"},\"LeadSource\":\"AppSource-PLT|contoso.crm\"}]")
        << QStringList{QStringLiteral("a@contoso.com|||||") + ms,
                       QStringLiteral("b@contoso.com|||||") + ms}
        << QList<qint64>{2};
    QTest::newRow("one Name column is split")
        << QStringLiteral("names.csv") << QByteArray("Name,Email\nJan de Vries,jan@fabrikam.nl\n")
        << QStringList{QStringLiteral("jan@fabrikam.nl|Jan|de Vries||||other|||new||now")}
        << QList<qint64>{};
    QTest::newRow("bad records are rejected with their lines, the rest lands")
        << QStringLiteral("bad.csv")
        << QByteArray("Email,Company\nana@fabrikam.com,Fabrikam\nbo@contoso.com,Contoso,extra\n"
                      "cy@tailspin.com,Tailspin\n,\n\"dee@woodgrove.com,Woodgrove\n")
        << QStringList{QStringLiteral("ana@fabrikam.com|||Fabrikam|||other|||new||now"),
                       QStringLiteral("cy@tailspin.com|||Tailspin|||other|||new||now")}
        << QList<qint64>{3, 5, 6};
    QTest::newRow("formulas stay text; Leadbench's neutralised cells come back whole")
        << QStringLiteral("formulas.csv")
        << QByteArray("email,company,title\nana@fabrikam.com,=HYPERLINK(\"x\"),'=SUM(A1)\n")
        << QStringList{QStringLiteral("ana@fabrikam.com|||=HYPERLINK(\"x\")|=SUM(A1)||other|||"
                                      "new||now")}
        << QList<qint64>{};
}

void TestImportFormats::smallFiles() {
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, leads);
    QFETCH(QList<qint64>, rejectedLines);
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const QString path = write(fileName, bytes);
    const ImportSummary s = importPaths(t->database(), {path});
    QVERIFY2(s.fatal.isEmpty(), qPrintable(problems(s)));
    QList<qint64> lines;
    for (const ImportError &e : s.errors) {
        lines << e.line;
        QCOMPARE(QFileInfo(e.file).fileName(), fileName);
        QVERIFY2(!e.message.isEmpty(), qPrintable(problems(s)));
    }
    QCOMPARE(lines, rejectedLines);
    QCOMPARE(s.imported, qint64(leads.size()));
    QStringList expected = leads;
    expected.sort();
    QCOMPARE(describeAll(t->database()), expected);
}

void TestImportFormats::unreadableFiles_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("message"); // a part of the one error

    QTest::newRow("empty") << QStringLiteral("empty.csv") << QByteArray() << QStringLiteral("auto")
                           << QStringLiteral("empty");
    QTest::newRow("binary") << QStringLiteral("blob.csv")
                            << QByteArray("ab\0\x01\x02"
                                          "cd\n",
                                          8)
                            << QStringLiteral("auto") << QStringLiteral("binary");
    QTest::newRow("a workbook read as CSV")
        << QStringLiteral("book.csv") << QByteArray("PK\x03\x04garbage", 11)
        << QStringLiteral("csv") << QStringLiteral("workbook");
    QTest::newRow("JSON with a syntax error")
        << QStringLiteral("broken.json") << QByteArray("[{\"UserDetails\": {]")
        << QStringLiteral("auto") << QStringLiteral("broken.json");
    QTest::newRow("no column identifies anyone")
        << QStringLiteral("numbers.csv") << QByteArray("a,b\n1,2\n") << QStringLiteral("auto")
        << QStringLiteral("line 1");
}

void TestImportFormats::unreadableFiles() {
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, format);
    QFETCH(QString, message);
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const QString good = write(QStringLiteral("good.csv"), "email\nana@fabrikam.com\n");
    ImportOptions options;
    QVERIFY(ImportFormat::parse(format, &options.format));
    const ImportSummary s = importPaths(t->database(), {good, write(fileName, bytes)}, options);
    QVERIFY2(!s.fatal.isEmpty(), qPrintable(problems(s)));
    QVERIFY2(s.fatal.contains(message, Qt::CaseInsensitive), qPrintable(s.fatal));
    QCOMPARE(s.imported, 0);
    QCOMPARE(TestDatabase::allLeads(t->database()).size(), 0); // the good file did not land either
}

void TestImportFormats::excelWorkbookFromAnotherTool() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const QString path = m_dir.filePath(QStringLiteral("leads.xlsx"));
    // Debian's openpyxl writes the workbook: shared strings, a date cell, a number, a second
    // sheet that is not read.
    const QString script = QStringLiteral(R"(
import datetime, sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Leads"
ws.append(["First Name", "Last Name", "Email", "Company", "Phone", "Country", "Created Date"])
ws.append(["Ana", "M\u00fcller", "ana@fabrikam.com", "Fabrikam", 31612345678, "Germany",
           datetime.datetime(2026, 3, 4, 9, 30)])
ws.append(["Bo", "Berg", "bo@contoso.se", "Contoso", None, "SE", datetime.date(2026, 2, 1)])
other = wb.create_sheet("Notes")
other.append(["Email"])
other.append(["nobody@example.com"])
wb.save(sys.argv[1])
)");
    QString output;
    QVERIFY2(runPython(script, {path}, &output), qPrintable(output));
    const ImportSummary s = importPaths(t->database(), {path});
    QVERIFY2(s.ok() && s.errors.isEmpty(), qPrintable(problems(s)));
    QCOMPARE(s.imported, 2);
    QStringList expected{
        QStringLiteral("ana@fabrikam.com|Ana|M\u00fcller|Fabrikam||DE|other|||new||2026-03-04"),
        QStringLiteral("bo@contoso.se|Bo|Berg|Contoso||SE|other|||new||2026-02-01")};
    QCOMPARE(describeAll(t->database()), expected);
    const QList<Lead> leads = TestDatabase::allLeads(t->database());
    for (const Lead &l : leads)
        if (l.email == QLatin1String("ana@fabrikam.com")) {
            QCOMPARE(l.phone, QStringLiteral("31612345678"));
            QCOMPARE(l.createdAt, QDateTime(QDate(2026, 3, 4), QTime(9, 30), QTimeZone::utc()));
        }
    // The chosen sheet is read instead.
    LB_TEST_DATABASE(other, QStringLiteral("sqlite"));
    ImportOptions options;
    options.sheet = QStringLiteral("Notes");
    const ImportSummary notes = importPaths(other->database(), {path}, options);
    QVERIFY2(notes.ok(), qPrintable(problems(notes)));
    QCOMPARE(notes.imported, 1);
    QCOMPARE(TestDatabase::allLeads(other->database()).first().email,
             QStringLiteral("nobody@example.com"));
}

void TestImportFormats::severalFilesLandTogetherOrNotAtAll() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const QString a = write(QStringLiteral("a.csv"), "email\nana@fabrikam.com\n");
    const QString b =
        write(QStringLiteral("b.json"), "{\"UserDetails\":{\"Email\":\"bo@contoso.com\"},"
                                        "\"LeadSource\":\"AppSource-PLT|contoso.crm\"}");
    const ImportSummary s = importPaths(t->database(), {a, b});
    QVERIFY2(s.ok(), qPrintable(problems(s)));
    QCOMPARE(s.imported, 2);
    QCOMPARE(s.read, 2);

    LB_TEST_DATABASE(u, QStringLiteral("sqlite"));
    const QString missing = m_dir.filePath(QStringLiteral("missing.csv"));
    const ImportSummary failed = importPaths(u->database(), {a, missing});
    QVERIFY(!failed.fatal.isEmpty());
    QVERIFY2(failed.fatal.contains(QLatin1String("missing.csv")), qPrintable(failed.fatal));
    QCOMPARE(TestDatabase::allLeads(u->database()).size(), 0);
}

void TestImportFormats::dryRunCountsAndStoresNothing() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    QVERIFY(TestDatabase::insertLead(t->database(), [] {
        Lead l;
        l.email = QStringLiteral("ana@fabrikam.com");
        return l;
    }()));
    const QString path =
        write(QStringLiteral("dry.csv"), "email,company\nana@fabrikam.com,Fabrikam\n"
                                         "bo@contoso.com,Contoso\nbad,row,here\n");
    ImportOptions options;
    options.dryRun = true;
    const ImportSummary dry = importPaths(t->database(), {path}, options);
    QVERIFY2(dry.ok(), qPrintable(problems(dry)));
    QVERIFY(dry.dryRun);
    QCOMPARE(dry.imported, 1);
    QCOMPARE(dry.merged, 1);
    QCOMPARE(dry.rejected, 1);
    QCOMPARE(dry.toJson().value(QStringLiteral("dry_run")).toBool(), true);
    const QList<Lead> after = TestDatabase::allLeads(t->database());
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first().company, QString()); // the merge did not land
    // The real run does what the dry run said.
    const ImportSummary real = importPaths(t->database(), {path});
    QCOMPARE(real.imported, dry.imported);
    QCOMPARE(real.merged, dry.merged);
    QCOMPARE(real.rejected, dry.rejected);
}

void TestImportFormats::skipLeavesDuplicatesAlone() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const QString first =
        write(QStringLiteral("first.csv"), "LeadSource,Email,Company\nAppSource-PLT|contoso.crm,"
                                           "ana@fabrikam.com,\n");
    QVERIFY(importPaths(t->database(), {first}).ok());
    const QString again =
        write(QStringLiteral("again.csv"),
              "LeadSource,Email,Company,CreatedTime\nAppSource-INS|contoso.crm,"
              "ana@fabrikam.com,Fabrikam,2026-05-01T10:00:00Z\n"
              "AppSource-PLT|contoso.crm,bo@contoso.com,Contoso,2026-05-01T09:00:00Z\n"
              "AppSource-INS|contoso.crm,bo@contoso.com,,"
              "2026-05-02T10:00:00Z\n");
    ImportOptions options;
    options.onDuplicate = ImportOptions::OnDuplicate::Skip;
    const ImportSummary s = importPaths(t->database(), {again}, options);
    QVERIFY2(s.ok(), qPrintable(problems(s)));
    QCOMPARE(s.skipped, 1);
    QCOMPARE(s.imported, 1);
    // A lead the file itself created takes its later records: Contact me, then Install.
    QCOMPARE(s.merged, 1);
    for (const Lead &l : TestDatabase::allLeads(t->database())) {
        if (l.email == QLatin1String("ana@fabrikam.com")) {
            QCOMPARE(l.company, QString()); // left as it was
            QCOMPARE(l.action, QStringLiteral("PLT"));
            QCOMPARE(l.events, 1);
            QCOMPARE(l.version, 1);
        } else {
            QCOMPARE(l.action, QStringLiteral("INS"));
            QCOMPARE(l.events, 2);
        }
    }
}

void TestImportFormats::extraFieldsAreKept() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const QString path = write(QStringLiteral("extra.csv"),
                               "Email,Company,Industry,Employees\nana@fabrikam.com,Fabrikam,Retail,"
                               "250\n");
    const ImportSummary s = importPaths(t->database(), {path});
    QVERIFY2(s.ok(), qPrintable(problems(s)));
    QVERIFY2(s.warnings.join(QLatin1Char('\n')).contains(QLatin1String("\"Industry\"")),
             qPrintable(s.warnings.join(QLatin1Char('\n'))));
    Lead lead = TestDatabase::allLeads(t->database()).first();
    QCOMPARE(lead.extraFields.value(QStringLiteral("Industry")).toString(),
             QStringLiteral("Retail"));
    QCOMPARE(lead.extraFields.value(QStringLiteral("Employees")).toString(), QStringLiteral("250"));
    // A later file adds its own extra columns and keeps the first ones.
    const QString later = write(QStringLiteral("later.csv"),
                                "Email,Industry,Region,CreatedTime\nana@fabrikam.com,Banking,EMEA,"
                                "2026-05-01T10:00:00Z\n");
    QVERIFY(importPaths(t->database(), {later}).ok());
    lead = TestDatabase::allLeads(t->database()).first();
    QCOMPARE(lead.extraFields.value(QStringLiteral("Industry")).toString(),
             QStringLiteral("Retail"));
    QCOMPARE(lead.extraFields.value(QStringLiteral("Region")).toString(), QStringLiteral("EMEA"));
}

void TestImportFormats::savedMappingProfileIsReused() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const QByteArray header = "Kontakt,Firma,Mail\n";
    const QString path =
        write(QStringLiteral("crm.csv"), header + "Jan de Vries,Fabrikam,jan@fabrikam.nl\n");
    ImportPreview preview = ImportPreview::read(path, {}, 5);
    QVERIFY2(preview.fatal.isEmpty(), qPrintable(preview.fatal));
    ColumnMapping mapping = preview.mapping;
    QCOMPARE(mapping.columns.size(), 3);
    mapping.columns[0].target = ColumnMapping::fullNameTarget();
    mapping.columns[1].target = QStringLiteral("company");
    mapping.columns[2].target = QStringLiteral("email");
    MappingProfileRepository profiles(t->database());
    QVERIFY2(profiles.save(QStringLiteral("Our CRM"), mapping.toProfile(QStringLiteral("Our CRM"))),
             qPrintable(profiles.lastError()));
    QCOMPARE(profiles.names(), QStringList{QStringLiteral("Our CRM")});

    const QString next =
        write(QStringLiteral("crm-next.csv"), header + "Bo Berg,Contoso,bo@contoso.se\n");
    ImportOptions options;
    options.profile = profiles.profile(QStringLiteral("Our CRM"));
    QVERIFY(options.profile.has_value());
    const ImportSummary s = importPaths(t->database(), {next}, options);
    QVERIFY2(s.ok() && s.errors.isEmpty(), qPrintable(problems(s)));
    QCOMPARE(describeAll(t->database()),
             QStringList{QStringLiteral("bo@contoso.se|Bo|Berg|Contoso|||other|||new||now")});
}

void TestImportFormats::previewShowsTheFileAsItIs() {
    const QString path =
        write(QStringLiteral("preview.csv"),
              windows1252(QStringLiteral("Voornaam;Achternaam;E-mail;Land\r\n"
                                         "J\u00fcrgen;M\u00fcller; jm@contoso.de ;Deutschland\r\n"
                                         "Sanne;de Vries;sanne@fabrikam.nl\r\n"
                                         "Piet;Jansen;piet@contoso.nl;Nederland\r\n")));
    const ImportPreview p = ImportPreview::read(path, {}, 10);
    QVERIFY2(p.fatal.isEmpty(), qPrintable(p.fatal));
    QCOMPARE(p.format, QStringLiteral("csv"));
    QCOMPARE(p.encoding, QStringLiteral("windows-1252"));
    QCOMPARE(p.delimiter, QLatin1Char(';'));
    QCOMPARE(p.lineEnding, QStringLiteral("CRLF"));
    QCOMPARE(p.header, (QStringList{QStringLiteral("Voornaam"), QStringLiteral("Achternaam"),
                                    QStringLiteral("E-mail"), QStringLiteral("Land")}));
    QCOMPARE(p.records.size(), 2);
    // Exactly the text of each field: the spaces around the email stay.
    QCOMPARE(p.records.first(),
             (QStringList{QStringLiteral("J\u00fcrgen"), QStringLiteral("M\u00fcller"),
                          QStringLiteral(" jm@contoso.de "), QStringLiteral("Deutschland")}));
    QCOMPARE(p.lines, (QList<qint64>{2, 4}));
    QCOMPARE(p.bad.size(), 1);
    QCOMPARE(p.bad.first().line, 3);
    QStringList targets;
    for (const ColumnMapping::Column &c : p.mapping.columns)
        targets << c.target;
    QCOMPARE(targets, (QStringList{QStringLiteral("first_name"), QStringLiteral("last_name"),
                                   QStringLiteral("email"), QStringLiteral("country")}));
    const QJsonObject json = p.toJson();
    QCOMPARE(json.value(QStringLiteral("delimiter")).toString(), QStringLiteral(";"));
    QCOMPARE(json.value(QStringLiteral("records")).toArray().first().toArray().at(2).toString(),
             QStringLiteral(" jm@contoso.de "));
}

void TestImportFormats::roundTripGivesTheSameLeads() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(source, backend);
    LeadGenerator generator(source->database());
    generator.setEnd(QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc()));
    QVERIFY(generator.generate(300, 11).ok);
    const QString path = m_dir.filePath(QStringLiteral("roundtrip-%1.csv").arg(backend));
    LeadFilter everything;
    everything.includeTest = true;
    LeadSort byId{QStringLiteral("id"), false};
    const LeadExporter::Result exported =
        LeadExporter(source->database()).exportToFile(everything, byId, {}, path);
    QVERIFY2(exported.ok(), qPrintable(exported.error));

    LB_TEST_DATABASE(target, backend);
    const ImportSummary s = importPaths(target->database(), {path});
    QVERIFY2(s.ok() && s.errors.isEmpty(), qPrintable(problems(s)));
    QCOMPARE(s.imported, exported.rows);
    const QList<Lead> before = TestDatabase::allLeads(source->database());
    const QList<Lead> after = TestDatabase::allLeads(target->database());
    QCOMPARE(after.size(), before.size());
    QHash<QString, Lead> byKey;
    for (const Lead &l : after)
        byKey.insert(l.email + l.offerId + l.firstName + l.lastName + l.company, l);
    for (const Lead &b : before) {
        const QString key = b.email + b.offerId + b.firstName + b.lastName + b.company;
        QVERIFY2(byKey.contains(key), qPrintable(key));
        const Lead &a = byKey.value(key);
        for (const QString &column : LeadColumns::all()) {
            if (column == QLatin1String("id"))
                continue;
            QVERIFY2(LeadColumns::text(a, column) == LeadColumns::text(b, column),
                     qPrintable(QStringLiteral("%1: %2 became %3")
                                    .arg(column, LeadColumns::text(b, column),
                                         LeadColumns::text(a, column))));
        }
    }
}

void TestImportFormats::cancelLeavesTheDatabaseAsItWas() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    QVERIFY(TestDatabase::insertLead(t->database(), [] {
        Lead l;
        l.email = QStringLiteral("kept@fabrikam.com");
        return l;
    }()));
    QByteArray csv = "email,company\n";
    for (int i = 0; i < 5000; ++i)
        csv += QStringLiteral("person%1@contoso.com,Contoso %1\n").arg(i).toUtf8();
    const QString path = write(QStringLiteral("big.csv"), csv);
    std::atomic_bool cancel{false};
    LeadImporter importer(t->database(), QStringLiteral("tester"));
    importer.setCancelFlag(&cancel);
    importer.setProgressHandler([&cancel](qint64 done, qint64) {
        if (done > 0)
            cancel = true;
    });
    const ImportSummary s = importer.importFile(path);
    QVERIFY(s.cancelled);
    QCOMPARE(s.imported, 0);
    const QList<Lead> leads = TestDatabase::allLeads(t->database());
    QCOMPARE(leads.size(), 1);
    QCOMPARE(leads.first().email, QStringLiteral("kept@fabrikam.com"));
}

QTEST_GUILESS_MAIN(TestImportFormats)
#include "tst_importformats.moc"
