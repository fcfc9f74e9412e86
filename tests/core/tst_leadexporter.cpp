#include "core/io/leadexporter.h"
#include "testdatabase.h"

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
    void cancelLeavesNoFile_data();
    void cancelLeavesNoFile();
    void xlsxReadBackByOpenpyxl_data() { TestDatabase::addBackendRows(); }
    void xlsxReadBackByOpenpyxl();
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

QTEST_GUILESS_MAIN(TestLeadExporter)
#include "tst_leadexporter.moc"
