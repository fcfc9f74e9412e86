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
};

namespace {

using Records = QList<QStringList>;
using Lines = QList<qint64>;

QByteArray utf8(const QString &text) {
    return text.toUtf8();
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

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
