#include "core/domain/lead.h"
#include "core/io/xlsxleadwriter.h"
#include "core/io/xlsxreader.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <zip.h>

// XlsxReader: workbooks as Excel, openpyxl and our own exporter write them, read back as the
// text a person sees in Excel's cells, row by row with Excel's row numbers.
class TestXlsxReader : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void openpyxlCells_data();
    void openpyxlCells();
    void handWrittenCells_data();
    void handWrittenCells();
    void valueBeyondHeader();
    void sheetByName();
    void missingSheet();
    void unreadable_data();
    void unreadable();
    void streamsManyRows();
    void readsOurExport();

private:
    QString openpyxl(const QString &body);
    QString handWritten(const QString &sheetData, const QString &sharedStrings = {},
                        const QString &styles = {}, bool date1904 = false);
    QString zipOf(const QList<std::pair<QString, QByteArray>> &parts);
    QString nextPath(const QString &suffix = QStringLiteral(".xlsx"));

    QTemporaryDir m_dir;
    int m_files = 0;
};

namespace {

using Records = QList<QStringList>;
using Lines = QList<qint64>;

const QString python = QStringLiteral("/usr/bin/python3");

Records readAll(XlsxReader &reader, Lines *lines = nullptr, QStringList *errors = nullptr) {
    Records out;
    while (reader.next()) {
        out << reader.fields();
        if (lines)
            *lines << reader.line();
        if (errors)
            *errors << reader.error();
    }
    return out;
}

QStringList row(std::initializer_list<const char *> cells) {
    QStringList out;
    for (const char *c : cells)
        out << QString::fromUtf8(c);
    return out;
}

} // namespace

QString TestXlsxReader::nextPath(const QString &suffix) {
    return m_dir.filePath(QStringLiteral("book%1%2").arg(++m_files).arg(suffix));
}

void TestXlsxReader::initTestCase() {
    QVERIFY(m_dir.isValid());
    QProcess check;
    check.start(python, {QStringLiteral("-c"), QStringLiteral("import openpyxl")});
    if (!check.waitForFinished(60000) || check.exitStatus() != QProcess::NormalExit ||
        check.exitCode() != 0)
        QFAIL("/usr/bin/python3 cannot import openpyxl: install the Debian package "
              "python3-openpyxl (./dev test installs it)");
}

// A workbook written by openpyxl: the body fills the sheet `ws` of the workbook `wb`.
QString TestXlsxReader::openpyxl(const QString &body) {
    const QString path = nextPath();
    const QString script = QStringLiteral("import datetime, sys, openpyxl\n"
                                          "wb = openpyxl.Workbook()\n"
                                          "ws = wb.active\n"
                                          "ws.title = 'Leads'\n") +
                           body + QStringLiteral("\nwb.save(sys.argv[1])\n");
    QProcess p;
    p.start(python, {QStringLiteral("-c"), script, path});
    const bool finished = p.waitForFinished(120000);
    const QByteArray errors = p.readAllStandardError();
    if (!finished || p.exitCode() != 0)
        qWarning("openpyxl failed: %s", errors.constData());
    return path;
}

QString TestXlsxReader::zipOf(const QList<std::pair<QString, QByteArray>> &parts) {
    const QString path = nextPath();
    zipFile zip = zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
    if (!zip) {
        qWarning("cannot create %s", qPrintable(path));
        return path;
    }
    for (const auto &[name, data] : parts) {
        const zip_fileinfo info = {};
        if (zipOpenNewFileInZip64(zip, name.toUtf8().constData(), &info, nullptr, 0, nullptr, 0,
                                  nullptr, Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0) != ZIP_OK ||
            zipWriteInFileInZip(zip, data.constData(), unsigned(data.size())) != ZIP_OK ||
            zipCloseFileInZip(zip) != ZIP_OK)
            qWarning("cannot add %s", qPrintable(name));
    }
    zipClose(zip, nullptr);
    return path;
}

// A workbook as Excel itself writes the parts openpyxl never does (inline strings, cached
// formula results, rich text runs); its one sheet "Data" lives in worksheets/data.xml.
QString TestXlsxReader::handWritten(const QString &sheetData, const QString &sharedStrings,
                                    const QString &styles, bool date1904) {
    const QString main =
        QStringLiteral("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
    const QString rel =
        QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships");
    QString workbook =
        QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                       "<workbook xmlns=\"%1\" xmlns:r=\"%2\">%3"
                       "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId7\"/>"
                       "</sheets></workbook>")
            .arg(main, rel, date1904 ? QStringLiteral("<workbookPr date1904=\"1\"/>") : QString());
    QString rels = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                  "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
                                  "package/2006/relationships\">"
                                  "<Relationship Id=\"rId7\" Type=\"%1/worksheet\" "
                                  "Target=\"worksheets/data.xml\"/>"
                                  "<Relationship Id=\"rId8\" Type=\"%1/sharedStrings\" "
                                  "Target=\"strings.xml\"/>"
                                  "<Relationship Id=\"rId9\" Type=\"%1/styles\" "
                                  "Target=\"/xl/styles.xml\"/>"
                                  "</Relationships>")
                       .arg(rel);
    QList<std::pair<QString, QByteArray>> parts = {
        {QStringLiteral("xl/workbook.xml"), workbook.toUtf8()},
        {QStringLiteral("xl/_rels/workbook.xml.rels"), rels.toUtf8()},
        {QStringLiteral("xl/worksheets/data.xml"),
         QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        "<worksheet xmlns=\"%1\"><sheetData>%2</sheetData></worksheet>")
             .arg(main, sheetData)
             .toUtf8()}};
    if (!sharedStrings.isEmpty())
        parts.append(
            {QStringLiteral("xl/strings.xml"),
             QStringLiteral("<sst xmlns=\"%1\">%2</sst>").arg(main, sharedStrings).toUtf8()});
    if (!styles.isEmpty())
        parts.append({QStringLiteral("xl/styles.xml"),
                      QStringLiteral("<styleSheet xmlns=\"%1\">%2</styleSheet>")
                          .arg(main, styles)
                          .toUtf8()});
    return zipOf(parts);
}

void TestXlsxReader::openpyxlCells_data() {
    QTest::addColumn<QString>("body"); // Python filling the sheet ws
    QTest::addColumn<Records>("records");
    QTest::addColumn<Lines>("lines");

    QTest::newRow("shared strings")
        << QStringLiteral("ws.append(['Email', 'Name'])\n"
                          "ws.append(['ann@contoso.com', 'Ann'])")
        << Records{row({"Email", "Name"}), row({"ann@contoso.com", "Ann"})} << Lines{1, 2};
    QTest::newRow("unicode") << QStringLiteral("ws.append(['LastName', 'City'])\n"
                                               "ws.append(['Müller', '東京'])")
                             << Records{row({"LastName", "City"}), row({"Müller", "東京"})}
                             << Lines{1, 2};
    QTest::newRow("numbers") << QStringLiteral("ws.append(['Int', 'Float', 'Phone', 'Small'])\n"
                                               "ws.append([42, 2.5, 31612345678, 0.1])\n"
                                               "ws.append([-7, 1234567.25, 0, 1e-7])")
                             << Records{row({"Int", "Float", "Phone", "Small"}),
                                        row({"42", "2.5", "31612345678", "0.1"}),
                                        row({"-7", "1234567.25", "0", "1e-07"})}
                             << Lines{1, 2, 3};
    QTest::newRow("booleans") << QStringLiteral("ws.append(['Test', 'DoNotContact'])\n"
                                                "ws.append([True, False])")
                              << Records{row({"Test", "DoNotContact"}), row({"true", "false"})}
                              << Lines{1, 2};
    QTest::newRow("date and datetime")
        << QStringLiteral("ws.append(['Day', 'When'])\n"
                          "ws.append([datetime.date(2026, 3, 1),\n"
                          "           datetime.datetime(2026, 3, 1, 12, 34, 56)])\n"
                          "ws.append([datetime.date(1999, 12, 31),\n"
                          "           datetime.datetime(2026, 3, 1, 0, 0, 0)])")
        << Records{row({"Day", "When"}), row({"2026-03-01", "2026-03-01T12:34:56Z"}),
                   row({"1999-12-31", "2026-03-01T00:00:00Z"})}
        << Lines{1, 2, 3};
    // Serials around Excel's invented 1900-02-29, under a custom date format.
    QTest::newRow("1900 leap day")
        << QStringLiteral("ws.append(['Day'])\n"
                          "for r, serial in enumerate([59, 60, 61], start=2):\n"
                          "    ws.cell(row=r, column=1, value=serial).number_format = "
                          "'yyyy-mm-dd'")
        << Records{row({"Day"}), row({"1900-02-28"}), row({"1900-02-29"}), row({"1900-03-01"})}
        << Lines{1, 2, 3, 4};
    // Number formats whose text has d, m, y, h or s only inside quotes or brackets.
    QTest::newRow("formats that are no dates")
        << QStringLiteral("ws.append(['A', 'B', 'C', 'D'])\n"
                          "for c, f in enumerate(['0.00', '0.00 \"days\"', '[Red]0.00', "
                          "'0.00E+00'], start=1):\n"
                          "    ws.cell(row=2, column=c, value=45000.5).number_format = f")
        << Records{row({"A", "B", "C", "D"}), row({"45000.5", "45000.5", "45000.5", "45000.5"})}
        << Lines{1, 2};
    QTest::newRow("time formats")
        << QStringLiteral("ws.append(['Elapsed', 'Clock'])\n"
                          "ws.cell(row=2, column=1, value=46082.5).number_format = '[h]:mm'\n"
                          "ws.cell(row=2, column=2, value=46082.75).number_format = 'd/m/yy h:mm'")
        << Records{row({"Elapsed", "Clock"}), row({"2026-03-01T12:00:00Z", "2026-03-01T18:00:00Z"})}
        << Lines{1, 2};
    QTest::newRow("gap in a row and a short row")
        << QStringLiteral("ws['A1'] = 'a'; ws['B1'] = 'b'; ws['C1'] = 'c'; ws['D1'] = 'd'\n"
                          "ws['A2'] = 'x'; ws['C2'] = 'z'\n"
                          "ws['B3'] = 'only b'")
        << Records{row({"a", "b", "c", "d"}), row({"x", "", "z", ""}), row({"", "only b", "", ""})}
        << Lines{1, 2, 3};
    QTest::newRow("empty rows skipped, Excel's row numbers kept")
        << QStringLiteral("ws['B3'] = 'Email'\n"
                          "ws['B5'] = 'ann@contoso.com'\n"
                          "ws['B6'].number_format = '0.00'\n" // formatted, no value
                          "ws['B8'] = 'bob@contoso.com'")
        << Records{row({"", "Email"}), row({"", "ann@contoso.com"}), row({"", "bob@contoso.com"})}
        << Lines{3, 5, 8};
    QTest::newRow("header only") << QStringLiteral("ws.append(['Email'])")
                                 << Records{row({"Email"})} << Lines{1};
}

void TestXlsxReader::openpyxlCells() {
    QFETCH(QString, body);
    QFETCH(Records, records);
    QFETCH(Lines, lines);
    XlsxReader reader(openpyxl(body));
    Lines gotLines;
    QStringList errors;
    QCOMPARE(readAll(reader, &gotLines, &errors), records);
    QCOMPARE(reader.unreadable(), QString());
    QCOMPARE(gotLines, lines);
    QCOMPARE(errors, QStringList(records.size(), QString()));
}

void TestXlsxReader::handWrittenCells_data() {
    QTest::addColumn<QString>("sheetData");
    QTest::addColumn<QString>("sharedStrings");
    QTest::addColumn<QString>("styles");
    QTest::addColumn<bool>("date1904");
    QTest::addColumn<Records>("records");

    QTest::newRow("inline strings, plain and rich")
        << QStringLiteral("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Name</t></is></c>"
                          "<c r=\"B1\" t=\"inlineStr\"><is><t>City</t></is></c></row>"
                          "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><r><t>Ann </t></r>"
                          "<r><rPr><b/></rPr><t>Müller</t></r></is></c>"
                          "<c r=\"B2\" t=\"inlineStr\"><is><t>東京</t></is></c></row>")
        << QString() << QString() << false
        << Records{row({"Name", "City"}), row({"Ann Müller", "東京"})};
    QTest::newRow("formula results, never formulas")
        << QStringLiteral(
               "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Text</t></is></c>"
               "<c r=\"B1\" t=\"inlineStr\"><is><t>Sum</t></is></c>"
               "<c r=\"C1\" t=\"inlineStr\"><is><t>Lookup</t></is></c></row>"
               "<row r=\"2\"><c r=\"A2\" t=\"str\"><f>CONCAT(\"a\",\"b\")</f><v>ab</v></c>"
               "<c r=\"B2\"><f>1+1</f><v>2</v></c>"
               "<c r=\"C2\" t=\"e\"><f>VLOOKUP(1,D:D,1)</f><v>#N/A</v></c></row>")
        << QString() << QString() << false
        << Records{row({"Text", "Sum", "Lookup"}), row({"ab", "2", "#N/A"})};
    QTest::newRow("rich shared strings without phonetic guides")
        << QStringLiteral("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                          "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>"
                          "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c></row>")
        << QStringLiteral("<si><t>Company</t></si>"
                          "<si><r><t>Con</t></r><r><rPr><i/></rPr><t>toso</t></r></si>"
                          "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si>")
        << QString() << false << Records{row({"Company"}), row({"Contoso"}), row({"東京"})};
    QTest::newRow("cells and rows without references")
        << QStringLiteral("<row><c t=\"inlineStr\"><is><t>a</t></is></c>"
                          "<c t=\"inlineStr\"><is><t>b</t></is></c></row>"
                          "<row><c><v>1</v></c><c t=\"b\"><v>1</v></c></row>")
        << QString() << QString() << false << Records{row({"a", "b"}), row({"1", "true"})};
    QTest::newRow("escaped characters")
        << QStringLiteral("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Note</t></is></c></row>"
                          "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>one_x000D_\ntwo</t>"
                          "</is></c></row>")
        << QString() << QString() << false << Records{row({"Note"}), row({"one\r\ntwo"})};
    const QString dateStyles = QStringLiteral(
        "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\\ "
        "hh:mm\"/></numFmts>"
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
        "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
        "</cellXfs>");
    const QString dateCells = QStringLiteral(
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Plain</t></is></c>"
        "<c r=\"B1\" t=\"inlineStr\"><is><t>Day</t></is></c>"
        "<c r=\"C1\" t=\"inlineStr\"><is><t>When</t></is></c></row>"
        "<row r=\"2\"><c r=\"A2\" s=\"0\"><v>46082</v></c><c r=\"B2\" s=\"1\"><v>46082</v></c>"
        "<c r=\"C2\" s=\"2\"><v>46082.524259259262</v></c></row>");
    QTest::newRow("date styles, 1900 system")
        << dateCells << QString() << dateStyles << false
        << Records{row({"Plain", "Day", "When"}),
                   row({"46082", "2026-03-01", "2026-03-01T12:34:56Z"})};
    QTest::newRow("date styles, 1904 system")
        << dateCells << QString() << dateStyles << true
        << Records{row({"Plain", "Day", "When"}),
                   row({"46082", "2030-03-02", "2030-03-02T12:34:56Z"})};
}

void TestXlsxReader::handWrittenCells() {
    QFETCH(QString, sheetData);
    QFETCH(QString, sharedStrings);
    QFETCH(QString, styles);
    QFETCH(bool, date1904);
    QFETCH(Records, records);
    XlsxReader reader(handWritten(sheetData, sharedStrings, styles, date1904));
    QCOMPARE(reader.sheetNames(), QStringList{QStringLiteral("Data")});
    QStringList errors;
    QCOMPARE(readAll(reader, nullptr, &errors), records);
    QCOMPARE(reader.unreadable(), QString());
    QCOMPARE(errors, QStringList(records.size(), QString()));
}

void TestXlsxReader::valueBeyondHeader() {
    XlsxReader reader(openpyxl(QStringLiteral("ws.append(['Email', 'Name'])\n"
                                              "ws['A2'] = 'ann@contoso.com'; ws['D2'] = 'stray'\n"
                                              "ws.append(['bob@contoso.com', 'Bob'])")));
    Lines lines;
    QStringList errors;
    const Records records = readAll(reader, &lines, &errors);
    QCOMPARE(records.size(), 3);
    QCOMPARE(lines, (Lines{1, 2, 3}));
    QCOMPARE(errors.at(1),
             QStringLiteral("has a value in column D, beyond the header's 2 columns"));
    QCOMPARE(errors.at(2), QString()); // the next row reads on
    QCOMPARE(records.at(2), row({"bob@contoso.com", "Bob"}));
}

void TestXlsxReader::sheetByName() {
    const QString path = openpyxl(QStringLiteral("ws.append(['Email'])\n"
                                                 "ws.append(['first@contoso.com'])\n"
                                                 "old = wb.create_sheet('Archive 2025')\n"
                                                 "old.append(['Company', 'Email'])\n"
                                                 "old.append(['Fabrikam', 'old@fabrikam.com'])"));
    XlsxReader first(path);
    QCOMPARE(first.sheetNames(),
             (QStringList{QStringLiteral("Leads"), QStringLiteral("Archive 2025")}));
    QCOMPARE(readAll(first), (Records{row({"Email"}), row({"first@contoso.com"})}));

    XlsxReader second(path);
    second.setSheet(QStringLiteral("Archive 2025"));
    QCOMPARE(readAll(second),
             (Records{row({"Company", "Email"}), row({"Fabrikam", "old@fabrikam.com"})}));
    QCOMPARE(second.unreadable(), QString());
}

void TestXlsxReader::missingSheet() {
    XlsxReader reader(openpyxl(QStringLiteral("ws.append(['Email'])\nwb.create_sheet('B')")));
    reader.setSheet(QStringLiteral("Leads 2024"));
    QVERIFY(!reader.next());
    QCOMPARE(reader.unreadable(),
             QStringLiteral("has no sheet named \"Leads 2024\"; its sheets are Leads, B"));
    QVERIFY(!reader.next());
}

void TestXlsxReader::unreadable_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message"); // what unreadable() says, in part
    QTest::addColumn<int>("records");     // read before the damage shows

    QTest::newRow("CSV named .xlsx") << QStringLiteral("csv")
                                     << QStringLiteral("is not an Excel workbook (.xlsx): it is no "
                                                       "ZIP archive")
                                     << 0;
    QTest::newRow("empty file") << QStringLiteral("empty")
                                << QStringLiteral("is empty, not an Excel workbook") << 0;
    QTest::newRow("ZIP without a workbook")
        << QStringLiteral("zip")
        << QStringLiteral("is a ZIP archive but no Excel workbook: it has no xl/workbook.xml") << 0;
    QTest::newRow("damaged sheet XML") << QStringLiteral("damaged")
                                       << QStringLiteral("is damaged: xl/worksheets/data.xml, "
                                                         "line 1: ")
                                       << 2;
}

void TestXlsxReader::unreadable() {
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QFETCH(int, records);
    QString path;
    if (kind == u"zip") {
        path = zipOf({{QStringLiteral("readme.txt"), QByteArray("not a workbook")}});
    } else if (kind == u"damaged") {
        path = handWritten(QStringLiteral("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                                          "<row r=\"2\"><c r=\"A2\"><v>2</v></c></row>"
                                          "<row r=\"3\"><c r=\"A3\"><v>3</c></row>"));
    } else {
        path = nextPath();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        if (kind == u"csv")
            file.write("Email,FirstName\nann@contoso.com,Ann\n");
    }
    XlsxReader reader(path);
    QCOMPARE(readAll(reader).size(), records);
    QVERIFY2(reader.unreadable().startsWith(message), qPrintable(reader.unreadable()));
    QVERIFY(!reader.next());
}

void TestXlsxReader::streamsManyRows() {
    const int rows = 20000;
    const QString path = openpyxl(QStringLiteral("ws.append(['Email', 'Score'])\n"
                                                 "for i in range(%1):\n"
                                                 "    ws.append(['lead%d@contoso.com' % i, i])")
                                      .arg(rows));
    XlsxReader reader(path);
    qint64 last = 0;
    bool grewMidway = false;
    int read = 0;
    QVERIFY(reader.next());
    while (reader.next()) {
        QCOMPARE(reader.line(), read + 2);
        QCOMPARE(reader.fields().at(1), QString::number(read));
        QVERIFY(reader.bytesRead() >= last);
        last = reader.bytesRead();
        if (read == rows / 2)
            grewMidway = last > 0 && last < QFileInfo(path).size();
        ++read;
    }
    QCOMPARE(reader.unreadable(), QString());
    QCOMPARE(read, rows);
    QVERIFY(grewMidway);
    QCOMPARE(reader.bytesRead(), QFileInfo(path).size());
}

void TestXlsxReader::readsOurExport() {
    const QString path = nextPath();
    const QStringList columns = {QStringLiteral("email"),
                                 QStringLiteral("last_name"),
                                 QStringLiteral("phone"),
                                 QStringLiteral("created_at"),
                                 QStringLiteral("next_follow_up_at"),
                                 QStringLiteral("score"),
                                 QStringLiteral("win_probability"),
                                 QStringLiteral("do_not_contact")};
    XlsxLeadWriter writer(path, columns, QStringLiteral("Leads"));
    QVERIFY(writer.open());
    Lead ann;
    ann.email = QStringLiteral("ann@contoso.com");
    ann.lastName = QStringLiteral("Müller");
    ann.phone = QStringLiteral("+31612345678");
    ann.createdAt = QDateTime(QDate(2026, 3, 1), QTime(12, 34, 56), Qt::UTC);
    ann.score = 42;
    ann.winProbability = 0.35;
    ann.doNotContact = true;
    Lead bob;
    bob.email = QStringLiteral("bob@fabrikam.com");
    bob.lastName = QStringLiteral("東京");
    bob.createdAt = QDateTime(QDate(2025, 12, 31), QTime(0, 0), Qt::UTC);
    QVERIFY(writer.write(ann));
    QVERIFY(writer.write(bob));
    QVERIFY2(writer.close(), qPrintable(writer.error()));

    XlsxReader reader(path);
    QCOMPARE(reader.sheetNames(), QStringList{QStringLiteral("Leads")});
    QCOMPARE(readAll(reader), (Records{columns,
                                       row({"ann@contoso.com", "Müller", "+31612345678",
                                            "2026-03-01T12:34:56Z", "", "42", "0.35", "true"}),
                                       row({"bob@fabrikam.com", "東京", "", "2025-12-31T00:00:00Z",
                                            "", "0", "0", "false"})}));
    QCOMPARE(reader.unreadable(), QString());
}

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
