#include "core/domain/lead.h"
#include "core/io/fastdeflate.h"
#include "core/io/xlsxleadwriter.h"
#include "core/io/xlsxreader.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <unzip.h>
#include <zlib.h>

#include "rawinflate.h"

// FastDeflate: a large Excel export is zipped at zlib's fastest level, still a workbook any
// reader opens, while every other deflate stream keeps the level it asked for.
class TestFastDeflate : public QObject {
    Q_OBJECT
private slots:
    void onlyInsideTheScope();
    void exportedSheetIsDeflatedFastAndReadable();
};

namespace {

// `data` deflated raw (no zlib header) as minizip does, at `level`.
QByteArray deflated(const QByteArray &data, int level) {
    z_stream s = {};
    if (deflateInit2(&s, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(int(deflateBound(&s, uLong(data.size()))), Qt::Uninitialized);
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    const int r = deflate(&s, Z_FINISH);
    out.resize(qsizetype(s.total_out));
    deflateEnd(&s);
    return r == Z_STREAM_END ? out : QByteArray();
}

QByteArray sampleXml() {
    QByteArray xml("<sheetData>");
    for (int i = 0; i < 20000; ++i)
        xml += "<row r=\"" + QByteArray::number(i) + "\"><c t=\"inlineStr\"><is><t>Northwind " +
               QByteArray::number(i * 7919 % 1000) + "</t></is></c></row>";
    return xml + "</sheetData>";
}

} // namespace

void TestFastDeflate::onlyInsideTheScope() {
    const QByteArray xml = sampleXml();
    const QByteArray fastest = deflated(xml, Z_BEST_SPEED);
    const QByteArray best = deflated(xml, Z_BEST_COMPRESSION);
    QVERIFY(!fastest.isEmpty());
    QVERIFY(best.size() < fastest.size()); // the levels differ on this text
    QVERIFY(!FastDeflate::isActive());
    {
        const FastDeflate fast;
        QVERIFY(FastDeflate::isActive());
        // The fastest level, on every core: the same text back, about the size zlib alone
        // makes at that level.
        const QByteArray inScope = deflated(xml, Z_BEST_COMPRESSION);
        QCOMPARE(rawInflated(inScope, xml.size()), xml);
        QVERIFY2(inScope.size() > best.size() && inScope.size() <= fastest.size() * 102 / 100,
                 qPrintable(QStringLiteral("%1 bytes against %2 (fastest) and %3 (best)")
                                .arg(inScope.size())
                                .arg(fastest.size())
                                .arg(best.size())));
        QCOMPARE(deflated(xml, Z_NO_COMPRESSION).size() > xml.size(), true); // stored stays stored
    }
    QVERIFY(!FastDeflate::isActive());
    QCOMPARE(deflated(xml, Z_BEST_COMPRESSION), best);
}

void TestFastDeflate::exportedSheetIsDeflatedFastAndReadable() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("leads.xlsx"));
    const QStringList columns{QStringLiteral("id"), QStringLiteral("company"),
                              QStringLiteral("email"), QStringLiteral("created_at")};
    XlsxLeadWriter writer(path, columns, QStringLiteral("Leads"));
    QVERIFY2(writer.open(), qPrintable(writer.error()));
    const QDateTime start(QDate(2026, 3, 1), QTime(9, 0), QTimeZone::utc());
    for (int i = 1; i <= 3000; ++i) {
        Lead l;
        l.id = i;
        l.company = QStringLiteral("Northwind %1").arg(i % 97);
        l.email = QStringLiteral("buyer%1@northwind.example").arg(i);
        l.createdAt = start.addSecs(i * 60);
        QVERIFY2(writer.write(l), qPrintable(writer.error()));
    }
    QVERIFY2(writer.close(), qPrintable(writer.error()));

    // The sheet as stored in the archive, and its XML.
    unzFile zip = unzOpen64(QFile::encodeName(path).constData());
    QVERIFY(zip);
    QCOMPARE(unzLocateFile(zip, "xl/worksheets/sheet1.xml", 0), UNZ_OK);
    unz_file_info64 info = {};
    QCOMPARE(unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0), UNZ_OK);
    QCOMPARE(int(info.compression_method), Z_DEFLATED);
    QCOMPARE(unzOpenCurrentFile(zip), UNZ_OK);
    QByteArray xml(qsizetype(info.uncompressed_size), Qt::Uninitialized);
    QCOMPARE(unzReadCurrentFile(zip, xml.data(), unsigned(xml.size())), int(xml.size()));
    QCOMPARE(unzCloseCurrentFile(zip), UNZ_OK); // the checksum of what was read matches
    unzClose(zip);
    QVERIFY(xml.contains("buyer3000@northwind.example"));
    // Stored at the fastest level (on every core: a few bytes more per block), not at
    // libxlsxwriter's default.
    QVERIFY(xml.size() > 4 * 128 * 1024); // more than one block
    const qsizetype fastest = deflated(xml, Z_BEST_SPEED).size();
    QVERIFY2(qsizetype(info.compressed_size) <= fastest * 102 / 100,
             qPrintable(QStringLiteral("%1 bytes, %2 at the fastest level")
                            .arg(qsizetype(info.compressed_size))
                            .arg(fastest)));
    QVERIFY(qsizetype(info.compressed_size) > deflated(xml, Z_DEFAULT_COMPRESSION).size());

    // And it reads back as the same leads.
    XlsxReader reader(path);
    QVERIFY2(reader.next(), qPrintable(reader.unreadable()));
    QCOMPARE(reader.fields(), columns);
    int rows = 0;
    QStringList last;
    while (reader.next()) {
        ++rows;
        last = reader.fields();
    }
    QCOMPARE(rows, 3000);
    QCOMPARE(last.value(2), QStringLiteral("buyer3000@northwind.example"));
}

QTEST_GUILESS_MAIN(TestFastDeflate)
#include "tst_fastdeflate.moc"
