#include "core/io/csvreader.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

#include <thread>

#include <unistd.h>

// CsvReader: RFC 4180 records as a spreadsheet writes them, with the physical line each record
// starts on (the importer reports rejected rows by that line).
class TestCsvReader : public QObject {
    Q_OBJECT
private slots:
    void records_data();
    void records();
    void emptyInput();
    void staysAtEnd();
    void crlfAcrossReadChunks();
    void readsAPipe();
    void detection_data();
    void detection();
    void badRecords_data();
    void badRecords();
    void unreadable_data();
    void unreadable();
    void longLineStaysBounded();
    void doubledQuoteAcrossPieces();
};

namespace {

using Records = QList<QStringList>;
using Lines = QList<qint64>;

QByteArray utf8(const QString &text) {
    return text.toUtf8();
}

QByteArray utf16(const QString &text, bool littleEndian) {
    QByteArray out = littleEndian ? QByteArray("\xFF\xFE") : QByteArray("\xFE\xFF");
    for (const QChar c : text) {
        const char lo = char(c.unicode() & 0xFF);
        const char hi = char(c.unicode() >> 8);
        out += littleEndian ? lo : hi;
        out += littleEndian ? hi : lo;
    }
    return out;
}

Records readAll(CsvReader &reader, QStringList *errors = nullptr, Lines *lines = nullptr) {
    Records out;
    while (reader.next()) {
        out << reader.fields();
        if (errors)
            *errors << reader.error();
        if (lines)
            *lines << reader.line();
    }
    return out;
}

} // namespace

void TestCsvReader::records_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Records>("records"); // expected fields; ignored for a record with an error
    QTest::addColumn<Lines>("lines");     // expected line() of each record
    // Per record: 0 = no error; N = an error, on the record that starts on line N.
    QTest::addColumn<QList<int>>("errorLines");

    QTest::newRow("plain fields")
        << QByteArray("a,b,c\nd,e,f\n")
        << Records{{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
                   {QStringLiteral("d"), QStringLiteral("e"), QStringLiteral("f")}}
        << Lines{1, 2} << QList<int>{0, 0};

    QTest::newRow("last line without newline")
        << QByteArray("a,b\nc,d")
        << Records{{QStringLiteral("a"), QStringLiteral("b")},
                   {QStringLiteral("c"), QStringLiteral("d")}}
        << Lines{1, 2} << QList<int>{0, 0};

    QTest::newRow("quoted field with commas")
        << QByteArray("\"Contoso, Ltd.\",x,\"a,b,c\"\n")
        << Records{{QStringLiteral("Contoso, Ltd."), QStringLiteral("x"), QStringLiteral("a,b,c")}}
        << Lines{1} << QList<int>{0};

    QTest::newRow("doubled quotes") << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\n\"\",\"a\"\"b\"\n")
                                    << Records{{QStringLiteral("say \"hi\""), QStringLiteral("\"")},
                                               {QString(), QStringLiteral("a\"b")}}
                                    << Lines{1, 2} << QList<int>{0, 0};

    QTest::newRow("quoted field spanning lines")
        << QByteArray("h1,h2\n\"line one\nline two\",b\nnext,row\n")
        << Records{{QStringLiteral("h1"), QStringLiteral("h2")},
                   {QStringLiteral("line one\nline two"), QStringLiteral("b")},
                   {QStringLiteral("next"), QStringLiteral("row")}}
        << Lines{1, 2, 4} << QList<int>{0, 0, 0};

    QTest::newRow("quoted field spanning three lines, then a quoted comma")
        << QByteArray("x,\"one\n\ntwo, \"\"three\"\"\nfour\"\n\"c,d\",e\n")
        << Records{{QStringLiteral("x"), QStringLiteral("one\n\ntwo, \"three\"\nfour")},
                   {QStringLiteral("c,d"), QStringLiteral("e")}}
        << Lines{1, 5} << QList<int>{0, 0};

    QTest::newRow("CRLF") << QByteArray("a,b\r\nc,d\r\n")
                          << Records{{QStringLiteral("a"), QStringLiteral("b")},
                                     {QStringLiteral("c"), QStringLiteral("d")}}
                          << Lines{1, 2} << QList<int>{0, 0};

    QTest::newRow("CRLF with a quoted field spanning lines")
        << QByteArray("\"a\r\nb\",c\r\nd,\"e\"\r\n")
        << Records{{QStringLiteral("a\r\nb"), QStringLiteral("c")},
                   {QStringLiteral("d"), QStringLiteral("e")}}
        << Lines{1, 3} << QList<int>{0, 0};

    QTest::newRow("LF and CRLF mixed") << QByteArray("a,b\nc,d\r\ne,f\n")
                                       << Records{{QStringLiteral("a"), QStringLiteral("b")},
                                                  {QStringLiteral("c"), QStringLiteral("d")},
                                                  {QStringLiteral("e"), QStringLiteral("f")}}
                                       << Lines{1, 2, 3} << QList<int>{0, 0, 0};

    // Excel for Mac's "CSV (Macintosh)" ends lines with a bare CR.
    QTest::newRow("CR line ends")
        << QByteArray("email,name\rana@fabrikam.com,Ana\rbob@fabrikam.com,Bob\r")
        << Records{{QStringLiteral("email"), QStringLiteral("name")},
                   {QStringLiteral("ana@fabrikam.com"), QStringLiteral("Ana")},
                   {QStringLiteral("bob@fabrikam.com"), QStringLiteral("Bob")}}
        << Lines{1, 2, 3} << QList<int>{0, 0, 0};

    QTest::newRow("UTF-8 with BOM")
        << QByteArray("\xEF\xBB\xBFname,email\nAna,ana@fabrikam.com\n")
        << Records{{QStringLiteral("name"), QStringLiteral("email")},
                   {QStringLiteral("Ana"), QStringLiteral("ana@fabrikam.com")}}
        << Lines{1, 2} << QList<int>{0, 0};

    QTest::newRow("UTF-8 with BOM and a quoted first field")
        << QByteArray("\xEF\xBB\xBF\"First, Name\",b\r\n")
        << Records{{QStringLiteral("First, Name"), QStringLiteral("b")}} << Lines{1}
        << QList<int>{0};

    QTest::newRow("non-ASCII text")
        << utf8(QStringLiteral("Müller,日本,\"Zoë, Björn\"\nÅsa,株式会社,x\n"))
        << Records{{QStringLiteral("Müller"), QStringLiteral("日本"), QStringLiteral("Zoë, Björn")},
                   {QStringLiteral("Åsa"), QStringLiteral("株式会社"), QStringLiteral("x")}}
        << Lines{1, 2} << QList<int>{0, 0};

    QTest::newRow("empty fields") << QByteArray("a,,c\n,,\n")
                                  << Records{{QStringLiteral("a"), QString(), QStringLiteral("c")},
                                             {QString(), QString(), QString()}}
                                  << Lines{1, 2} << QList<int>{0, 0};

    QTest::newRow("trailing empty field")
        << QByteArray("a,b,\r\nc,d,\n")
        << Records{{QStringLiteral("a"), QStringLiteral("b"), QString()},
                   {QStringLiteral("c"), QStringLiteral("d"), QString()}}
        << Lines{1, 2} << QList<int>{0, 0};

    QTest::newRow("blank line is a record of one empty field")
        << QByteArray("a\n\nb\n")
        << Records{{QStringLiteral("a")}, {QString()}, {QStringLiteral("b")}} << Lines{1, 2, 3}
        << QList<int>{0, 0, 0};

    QTest::newRow("unterminated quote at EOF")
        << QByteArray("a,b\nc,\"open\nmore text\n")
        << Records{{QStringLiteral("a"), QStringLiteral("b")}, {}} << Lines{1, 2}
        << QList<int>{0, 2};

    QTest::newRow("unterminated quote on the last line without newline")
        << QByteArray("a,b\nc,d\ne,\"open")
        << Records{{QStringLiteral("a"), QStringLiteral("b")},
                   {QStringLiteral("c"), QStringLiteral("d")},
                   {}}
        << Lines{1, 2, 3} << QList<int>{0, 0, 3};

    QTest::newRow("invalid UTF-8, reading goes on")
        << QByteArray("a,b\nc,\xFF\xFE\nd,e\n")
        << Records{{QStringLiteral("a"), QStringLiteral("b")},
                   {},
                   {QStringLiteral("d"), QStringLiteral("e")}}
        << Lines{1, 2, 3} << QList<int>{0, 2, 0};

    QTest::newRow("blanks between a closing quote and the comma")
        << QByteArray("\"Contoso, Ltd.\" ,\"x\"\t \t,\"\"  ,last\n\"a\"  \r\n\"b\"\t\n")
        << Records{{QStringLiteral("Contoso, Ltd."), QStringLiteral("x"), QString(),
                    QStringLiteral("last")},
                   {QStringLiteral("a")},
                   {QStringLiteral("b")}}
        << Lines{1, 2, 3} << QList<int>{0, 0, 0};

    QTest::newRow("blanks after a closing quote, then more text")
        << QByteArray("\"Cy\" z,cy@contoso.com\n\"a\" \"b\",c\nok,fine\n")
        << Records{{}, {}, {QStringLiteral("ok"), QStringLiteral("fine")}} << Lines{1, 2, 3}
        << QList<int>{1, 2, 0};

    QTest::newRow("blanks inside and before quotes are kept")
        << QByteArray("\" padded \",  plain  \n")
        << Records{{QStringLiteral(" padded "), QStringLiteral("  plain  ")}} << Lines{1}
        << QList<int>{0};

    QTest::newRow("invalid UTF-8 after a record spanning lines")
        << QByteArray("\"x\ny\",z\nbad\xC3,q\nok,fine\n")
        << Records{{QStringLiteral("x\ny"), QStringLiteral("z")},
                   {},
                   {QStringLiteral("ok"), QStringLiteral("fine")}}
        << Lines{1, 3, 4} << QList<int>{0, 3, 0};
}

void TestCsvReader::records() {
    QFETCH(QByteArray, input);
    QFETCH(Records, records);
    QFETCH(Lines, lines);
    QFETCH(QList<int>, errorLines);

    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    // These rows are UTF-8, some with bytes that are not: detected, those would make the file
    // Windows-1252 (see detection()).
    reader.setEncoding(TextEncoding::Utf8);
    for (qsizetype r = 0; r < records.size(); ++r) {
        QVERIFY2(reader.next(), qPrintable(QStringLiteral("record %1 is missing").arg(r + 1)));
        QCOMPARE(reader.line(), lines.at(r));
        if (errorLines.at(r) == 0) {
            QVERIFY2(reader.error().isEmpty(), qPrintable(reader.error()));
            QCOMPARE(reader.fields(), records.at(r));
        } else {
            QVERIFY2(!reader.error().isEmpty(),
                     qPrintable(QStringLiteral("record %1 should have an error").arg(r + 1)));
            QCOMPARE(reader.line(), qint64(errorLines.at(r)));
            // The importer puts the line in front: the message must not name it again.
            QVERIFY2(!reader.error().contains(QLatin1String("line")), qPrintable(reader.error()));
        }
    }
    QVERIFY2(
        !reader.next(),
        qPrintable(
            QStringLiteral("an extra record: %1").arg(reader.fields().join(QLatin1Char('|')))));
    // Progress reaches the whole input.
    QCOMPARE(reader.bytesRead(), qint64(input.size()));
}

void TestCsvReader::emptyInput() {
    QByteArray input;
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    QVERIFY(!reader.next());
    QVERIFY(reader.fields().isEmpty());
}

void TestCsvReader::staysAtEnd() {
    QByteArray input("a,b\n");
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    QVERIFY(reader.next());
    QCOMPARE(reader.fields(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(!reader.next());
    QVERIFY(!reader.next());
    QVERIFY(reader.error().isEmpty());
}

void TestCsvReader::crlfAcrossReadChunks() {
    // The reader takes 64 KiB at a time: a CRLF split between two reads is still one line end.
    QByteArray input = "name,note\r\n";
    const QByteArray longNote(65536 - input.size() - 3, 'x');
    input += "a," + longNote + "\r\nb,short\r\n";
    QCOMPARE(input.indexOf('\r', 20), 65535);
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    QVERIFY(reader.next());
    QVERIFY(reader.next());
    QCOMPARE(reader.fields(), (QStringList{QStringLiteral("a"), QString::fromLatin1(longNote)}));
    QVERIFY(reader.next());
    QCOMPARE(reader.line(), 3);
    QCOMPARE(reader.fields(), (QStringList{QStringLiteral("b"), QStringLiteral("short")}));
    QVERIFY(!reader.next());
}

void TestCsvReader::readsAPipe() {
    // Standard input from a pipe: no size, nothing to read until the writer sends it, and
    // atEnd() true while it is empty. Every record still arrives.
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    QFile readEnd;
    QVERIFY(readEnd.open(fds[0], QIODevice::ReadOnly, QFileDevice::AutoCloseHandle));
    QVERIFY(readEnd.isSequential());
    // Less than a pipe holds (64 KiB), so that the writer never waits for a reader that quit.
    std::thread writer([fd = fds[1]] {
        QByteArray text = "email,first_name\n";
        for (int i = 0; i < 2000; ++i)
            text += QByteArray("person") + QByteArray::number(i) + "@fabrikam.com,\"P\"\n";
        for (qsizetype at = 0; at < text.size(); at += 1000) {
            const QByteArray piece = text.mid(at, 1000);
            if (::write(fd, piece.constData(), size_t(piece.size())) != piece.size())
                break;
        }
        ::close(fd);
    });
    CsvReader reader(&readEnd);
    qint64 records = 0;
    QStringList last;
    bool clean = true;
    while (reader.next()) {
        ++records;
        clean = clean && reader.error().isEmpty();
        last = reader.fields();
    }
    writer.join();
    QVERIFY(clean);
    QCOMPARE(records, 2001);
    QCOMPARE(last, (QStringList{QStringLiteral("person1999@fabrikam.com"), QStringLiteral("P")}));
}

void TestCsvReader::detection_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("encodingOverride");  // "" detects
    QTest::addColumn<QString>("delimiterOverride"); // "" detects
    QTest::addColumn<QString>("encoding");          // what the reader used
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<Records>("records");

    const QString u8 = QStringLiteral("utf-8");
    const Records ab = {{QStringLiteral("a"), QStringLiteral("b")},
                        {QStringLiteral("c"), QStringLiteral("d")}};
    QTest::newRow("comma") << QByteArray("a,b\nc,d\n") << QString() << QString() << u8
                           << QStringLiteral(",") << ab;
    QTest::newRow("semicolon") << QByteArray("a;b\nc;d\n") << QString() << QString() << u8
                               << QStringLiteral(";") << ab;
    QTest::newRow("tab") << QByteArray("a\tb\nc\td\n") << QString() << QString() << u8
                         << QStringLiteral("\t") << ab;
    QTest::newRow("pipe") << QByteArray("a|b\nc|d") << QString() << QString() << u8
                          << QStringLiteral("|") << ab;
    // Commas inside quotes outnumber the semicolons, yet only the semicolons split.
    QTest::newRow("quoted commas in a semicolon file")
        << QByteArray("name;company\n\"Doe, Jane\";\"Contoso, Ltd., Inc.\"\nBo;\"A, B\"\n")
        << QString() << QString() << u8 << QStringLiteral(";")
        << Records{{QStringLiteral("name"), QStringLiteral("company")},
                   {QStringLiteral("Doe, Jane"), QStringLiteral("Contoso, Ltd., Inc.")},
                   {QStringLiteral("Bo"), QStringLiteral("A, B")}};
    QTest::newRow("quoted semicolons in a comma file")
        << QByteArray("name,note\nAna,\"a;b;c;d\"\n") << QString() << QString() << u8
        << QStringLiteral(",")
        << Records{{QStringLiteral("name"), QStringLiteral("note")},
                   {QStringLiteral("Ana"), QStringLiteral("a;b;c;d")}};
    QTest::newRow("one column is read as comma")
        << QByteArray("email\nana@x.com\n") << QString() << QString() << u8 << QStringLiteral(",")
        << Records{{QStringLiteral("email")}, {QStringLiteral("ana@x.com")}};
    QTest::newRow("UTF-8 BOM, semicolons")
        << QByteArray("\xEF\xBB\xBFnaam;stad\nM\xC3\xBCller;Caf\xC3\xA9\n") << QString()
        << QString() << u8 << QStringLiteral(";")
        << Records{{QStringLiteral("naam"), QStringLiteral("stad")},
                   {QStringLiteral("Müller"), QStringLiteral("Café")}};
    const QString text = QStringLiteral("naam,prijs\nMüller,€ 5 – “ok”\n");
    const Records textRecords = {{QStringLiteral("naam"), QStringLiteral("prijs")},
                                 {QStringLiteral("Müller"), QStringLiteral("€ 5 – “ok”")}};
    QTest::newRow("UTF-16 LE with BOM")
        << utf16(text, true) << QString() << QString() << QStringLiteral("utf-16le")
        << QStringLiteral(",") << textRecords;
    QTest::newRow("UTF-16 BE with BOM")
        << utf16(text, false) << QString() << QString() << QStringLiteral("utf-16be")
        << QStringLiteral(",") << textRecords;
    // What Dutch Excel saves as "CSV (gescheiden door lijstscheidingsteken)".
    QTest::newRow("Windows-1252, semicolons, euro and accents")
        << QByteArray("Voornaam;Bedrijf;Prijs\r\nM\xFCller;Caf\xE9 \x93Het Hoekje\x94;\x80 "
                      "12\x85\r\n")
        << QString() << QString() << QStringLiteral("windows-1252") << QStringLiteral(";")
        << Records{{QStringLiteral("Voornaam"), QStringLiteral("Bedrijf"), QStringLiteral("Prijs")},
                   {QStringLiteral("Müller"), QStringLiteral("Café “Het Hoekje”"),
                    QStringLiteral("€ 12…")}};
    QTest::newRow("override: Windows-1252 for bytes that happen to be valid UTF-8")
        << QByteArray("a,b\n\xC3\xA9,x\n") << QStringLiteral("windows-1252") << QString()
        << QStringLiteral("windows-1252") << QStringLiteral(",")
        << Records{{QStringLiteral("a"), QStringLiteral("b")},
                   {QStringLiteral("Ã©"), QStringLiteral("x")}};
    QTest::newRow("bytes that are not UTF-8 make it Windows-1252")
        << QByteArray("a,b\nc,\xFF\xFE\n") << QString() << QString()
        << QStringLiteral("windows-1252") << QStringLiteral(",")
        << Records{{QStringLiteral("a"), QStringLiteral("b")},
                   {QStringLiteral("c"), QStringLiteral("ÿþ")}};
    QTest::newRow("override: delimiter")
        << QByteArray("a;b,c\n") << QString() << QStringLiteral(",") << u8 << QStringLiteral(",")
        << Records{{QStringLiteral("a;b"), QStringLiteral("c")}};
    QTest::newRow("formula-like values stay text")
        << QByteArray("a,b,c,d\n=SUM(A1:A9),+31 20 555 "
                      "0100,-5,@cmd\n\"=1+1\",'=x,\"=HYPERLINK(\"\"u\"\")\",\t-\n")
        << QString() << QString() << u8 << QStringLiteral(",")
        << Records{
               {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")},
               {QStringLiteral("=SUM(A1:A9)"), QStringLiteral("+31 20 555 0100"),
                QStringLiteral("-5"), QStringLiteral("@cmd")},
               {QStringLiteral("=1+1"), QStringLiteral("'=x"), QStringLiteral("=HYPERLINK(\"u\")"),
                QStringLiteral("\t-")}};
}

void TestCsvReader::detection() {
    QFETCH(QByteArray, input);
    QFETCH(QString, encodingOverride);
    QFETCH(QString, delimiterOverride);
    QFETCH(QString, encoding);
    QFETCH(QString, delimiter);
    QFETCH(Records, records);

    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    if (!encodingOverride.isEmpty()) {
        TextEncoding::Kind kind = TextEncoding::Auto;
        QVERIFY(TextEncoding::parse(encodingOverride, &kind));
        reader.setEncoding(kind);
    }
    if (!delimiterOverride.isEmpty())
        reader.setDelimiter(delimiterOverride.at(0));
    QStringList errors;
    const Records read = readAll(reader, &errors);
    QCOMPARE(TextEncoding::name(reader.encoding()), encoding);
    QCOMPARE(QString(reader.delimiter()), delimiter);
    QCOMPARE(read, records);
    for (const QString &e : std::as_const(errors))
        QVERIFY2(e.isEmpty(), qPrintable(e));
    QVERIFY(reader.unreadable().isEmpty());
    QCOMPARE(reader.bytesRead(), qint64(input.size()));
}

void TestCsvReader::badRecords_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("encodingOverride");
    QTest::addColumn<Lines>("lines");          // line() of each record
    QTest::addColumn<QStringList>("errors");   // a word of each record's error; "" for none
    QTest::addColumn<QStringList>("lastGood"); // the last record, read after the bad ones

    QTest::newRow("unterminated quote at end of file, semicolons")
        << QByteArray("a;b\nc;d\ne;\"open\nstill open\n") << QString() << Lines{1, 2, 3}
        << QStringList{QString(), QString(), QStringLiteral("never closed")} << QStringList();
    QTest::newRow("explicit UTF-8 over Windows-1252 bytes")
        << QByteArray("a;b\nM\xFCller;x\nok;fine\n") << QStringLiteral("utf-8") << Lines{1, 2, 3}
        << QStringList{QString(), QStringLiteral("UTF-8"), QString()}
        << QStringList{QStringLiteral("ok"), QStringLiteral("fine")};
    QTest::newRow("a field over 1 MiB, quoted over lines")
        << (QByteArray("a,b\n1,\"") + QByteArray(CsvReader::maxFieldLength / 2, 'x') + "\n" +
            QByteArray(CsvReader::maxFieldLength, 'y') + "\"\nok,fine\n")
        << QString() << Lines{1, 2, 4} << QStringList{QString(), QStringLiteral("1 MiB"), QString()}
        << QStringList{QStringLiteral("ok"), QStringLiteral("fine")};
    QTest::newRow("a field over 1 MiB on one line")
        << (QByteArray("a,b\n") + QByteArray(CsvReader::maxFieldLength + 1, 'z') + ",2\nok,fine")
        << QString() << Lines{1, 2, 3} << QStringList{QString(), QStringLiteral("1 MiB"), QString()}
        << QStringList{QStringLiteral("ok"), QStringLiteral("fine")};
    QTest::newRow("a field of exactly 1 MiB is fine")
        << (QByteArray("a,b\n") + QByteArray(CsvReader::maxFieldLength, 'z') + ",2\nok,fine\n")
        << QString() << Lines{1, 2, 3} << QStringList{QString(), QString(), QString()}
        << QStringList{QStringLiteral("ok"), QStringLiteral("fine")};
}

void TestCsvReader::badRecords() {
    QFETCH(QByteArray, input);
    QFETCH(QString, encodingOverride);
    QFETCH(Lines, lines);
    QFETCH(QStringList, errors);
    QFETCH(QStringList, lastGood);

    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    if (!encodingOverride.isEmpty()) {
        TextEncoding::Kind kind = TextEncoding::Auto;
        QVERIFY(TextEncoding::parse(encodingOverride, &kind));
        reader.setEncoding(kind);
    }
    QStringList got;
    Lines gotLines;
    const Records read = readAll(reader, &got, &gotLines);
    QCOMPARE(gotLines, lines);
    QCOMPARE(got.size(), errors.size());
    for (qsizetype i = 0; i < errors.size(); ++i) {
        if (errors.at(i).isEmpty())
            QVERIFY2(got.at(i).isEmpty(), qPrintable(got.at(i)));
        else
            QVERIFY2(got.at(i).contains(errors.at(i)), qPrintable(got.at(i)));
    }
    if (!lastGood.isEmpty())
        QCOMPARE(read.last(), lastGood);
    QVERIFY(reader.unreadable().isEmpty());
}

void TestCsvReader::unreadable_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("reason"); // a word of unreadable(); "" for a plain empty input

    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("XLSX renamed .csv")
        << QByteArrayLiteral("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml")
        << QStringLiteral("ZIP");
    QTest::newRow("binary with NUL bytes") << QByteArrayLiteral("\x7F"
                                                                "ELF\x02\x01\x01\x00\x00\x00,a,b\n")
                                           << QStringLiteral("binary");
    QTest::newRow("NUL bytes in an otherwise text file")
        << QByteArrayLiteral("a,b\nc\x00,d\n") << QStringLiteral("NUL");
}

void TestCsvReader::unreadable() {
    QFETCH(QByteArray, input);
    QFETCH(QString, reason);

    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    QVERIFY(!reader.next());
    QVERIFY(reader.fields().isEmpty());
    if (reason.isEmpty())
        QVERIFY(reader.unreadable().isEmpty());
    else
        QVERIFY2(reader.unreadable().contains(reason), qPrintable(reader.unreadable()));
    QVERIFY(!reader.next()); // and stays so
}

void TestCsvReader::longLineStaysBounded() {
    // 8 MiB without a line end: handed on in pieces, the field cut at 1 MiB, the record
    // reported; the lines after it are counted right.
    QByteArray input = "a,b\n\"" + QByteArray(8 << 20, 'q') + "\",2\nok,fine\n";
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    QVERIFY(reader.next());
    QVERIFY(reader.next());
    QCOMPARE(reader.line(), 2);
    QVERIFY2(reader.error().contains(QLatin1String("1 MiB")), qPrintable(reader.error()));
    QVERIFY(reader.fields().first().size() <= CsvReader::maxFieldLength);
    QVERIFY(reader.next());
    QCOMPARE(reader.line(), 3);
    QCOMPARE(reader.fields(), (QStringList{QStringLiteral("ok"), QStringLiteral("fine")}));
    QVERIFY(!reader.next());
    QCOMPARE(reader.bytesRead(), qint64(input.size()));
}

void TestCsvReader::doubledQuoteAcrossPieces() {
    // A long line is handed on in pieces at read boundaries (64 KiB reads, pieces of at least
    // 256 KiB): after "a\n", the fifth read ends the first piece at byte 327,678 of the line,
    // right between the two quotes of a doubled one. It is still one quote in the value.
    const qsizetype before = 5 * 65536 - 2 - 2;
    const QByteArray line = "\"" + QByteArray(before, 'x') + "\"\"y\",2\n";
    QByteArray input = "a\n" + line + "ok,fine\n";
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    reader.setDelimiter(QLatin1Char(','));
    QVERIFY(reader.next());
    QVERIFY(reader.next());
    QVERIFY2(reader.error().isEmpty(), qPrintable(reader.error()));
    QCOMPARE(reader.fields(), (QStringList{QString::fromLatin1(QByteArray(before, 'x') + "\"y"),
                                           QStringLiteral("2")}));
    QVERIFY(reader.next());
    QCOMPARE(reader.line(), 3);
    QVERIFY(!reader.next());
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
