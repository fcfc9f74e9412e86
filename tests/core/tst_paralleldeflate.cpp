#include "core/io/paralleldeflate.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QTest>

#include <zlib.h>

#include "rawinflate.h"

// ParallelDeflate: whatever the size and however the caller feeds it, the blocks compressed
// side by side are one deflate stream that inflates to exactly the input.
class TestParallelDeflate : public QObject {
    Q_OBJECT
private slots:
    void inflatesToTheInput_data();
    void inflatesToTheInput();
    void keepsTheCompressionOfOneStream();
    void inputAfterTheEndIsRefused();
};

namespace {

// Sheet-like text with repeats far apart (beyond a block), and some noise.
QByteArray sample(qsizetype size) {
    QByteArray text;
    text.reserve(size + 64);
    QRandomGenerator random(7);
    while (text.size() < size) {
        text += "<row r=\"" + QByteArray::number(text.size()) + "\"><c t=\"inlineStr\"><is><t>";
        text += "Contoso " + QByteArray::number(random.bounded(5000)) + "</t></is></c></row>";
    }
    text.resize(size);
    return text;
}

// Feeds `input` as minizip does: `chunk` bytes at a time with Z_NO_FLUSH into an output
// buffer of `room` bytes emptied whenever it is full, then Z_FINISH until the stream ends.
QByteArray deflatedInChunks(ParallelDeflate &deflater, const QByteArray &input, int chunk, int room,
                            z_stream *s) {
    QByteArray out;
    QByteArray buffer(room, Qt::Uninitialized);
    s->next_out = reinterpret_cast<Bytef *>(buffer.data());
    s->avail_out = uInt(room);
    const auto drain = [&] {
        out.append(buffer.constData(), room - qsizetype(s->avail_out));
        s->next_out = reinterpret_cast<Bytef *>(buffer.data());
        s->avail_out = uInt(room);
    };
    for (qsizetype at = 0; at < input.size(); at += chunk) {
        s->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData() + at));
        s->avail_in = uInt(std::min<qsizetype>(chunk, input.size() - at));
        while (s->avail_in > 0) {
            if (s->avail_out == 0)
                drain();
            if (deflater.deflate(s, Z_NO_FLUSH) != Z_OK)
                return {};
        }
    }
    for (int r = Z_OK; r != Z_STREAM_END;) {
        if (s->avail_out == 0)
            drain();
        r = deflater.deflate(s, Z_FINISH);
        if (r != Z_OK && r != Z_STREAM_END)
            return {};
    }
    drain();
    return out;
}

} // namespace

void TestParallelDeflate::inflatesToTheInput_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("chunk");
    QTest::addColumn<int>("room");
    QTest::addColumn<int>("threads");
    const int block = 128 * 1024;
    QTest::newRow("empty") << 0 << 16384 << 65536 << 2;
    QTest::newRow("one byte") << 1 << 16384 << 65536 << 2;
    QTest::newRow("under a block") << 100000 << 16384 << 65536 << 2;
    QTest::newRow("exactly a block") << block << 16384 << 65536 << 2;
    QTest::newRow("a block and a byte") << block + 1 << 16384 << 65536 << 2;
    QTest::newRow("many blocks, minizip's buffers") << 3000000 << 16384 << 65536 << 2;
    QTest::newRow("many blocks, one thread") << 1000000 << 16384 << 65536 << 1;
    QTest::newRow("many blocks, four threads") << 1000000 << 16384 << 65536 << 4;
    QTest::newRow("all at once, tiny output buffer") << 700000 << 700000 << 7 << 2;
    QTest::newRow("byte by byte") << 300000 << 1 << 4096 << 3;
}

void TestParallelDeflate::inflatesToTheInput() {
    QFETCH(int, size);
    QFETCH(int, chunk);
    QFETCH(int, room);
    QFETCH(int, threads);
    const QByteArray input = sample(size);
    ParallelDeflate deflater(Z_BEST_SPEED, 8, Z_DEFAULT_STRATEGY, threads);
    z_stream s = {};
    const QByteArray out = deflatedInChunks(deflater, input, chunk, room, &s);
    QVERIFY(!out.isEmpty());
    QCOMPARE(qsizetype(s.total_in), input.size());
    QCOMPARE(qsizetype(s.total_out), out.size());
    QCOMPARE(rawInflated(out, input.size()), input);
}

void TestParallelDeflate::keepsTheCompressionOfOneStream() {
    // Each block starts with the 32 KiB before it as its dictionary: repeats across the
    // blocks' borders still compress, so the stream is about as small as zlib's own. Here
    // 20 KiB of noise again and again: without the dictionary every block would store its
    // first copy whole.
    QByteArray noise(20 * 1024, Qt::Uninitialized);
    QRandomGenerator random(11);
    for (char &c : noise)
        c = char(random.bounded(256));
    const QByteArray input = noise.repeated(200);
    ParallelDeflate deflater(Z_BEST_SPEED, 8, Z_DEFAULT_STRATEGY, 2);
    z_stream s = {};
    const QByteArray parallel = deflatedInChunks(deflater, input, 16384, 65536, &s);
    z_stream one = {};
    QCOMPARE(deflateInit2(&one, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    QByteArray single(qsizetype(deflateBound(&one, uLong(input.size()))), Qt::Uninitialized);
    one.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
    one.avail_in = uInt(input.size());
    one.next_out = reinterpret_cast<Bytef *>(single.data());
    one.avail_out = uInt(single.size());
    QCOMPARE(deflate(&one, Z_FINISH), Z_STREAM_END);
    single.resize(qsizetype(one.total_out));
    deflateEnd(&one);
    QVERIFY2(
        parallel.size() <= single.size() * 101 / 100,
        qPrintable(QStringLiteral("%1 bytes against %2").arg(parallel.size()).arg(single.size())));
}

void TestParallelDeflate::inputAfterTheEndIsRefused() {
    ParallelDeflate deflater(Z_BEST_SPEED, 8, Z_DEFAULT_STRATEGY, 2);
    QByteArray out(1024, Qt::Uninitialized);
    QByteArray text("Fabrikam");
    z_stream s = {};
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    s.next_in = reinterpret_cast<Bytef *>(text.data());
    s.avail_in = uInt(text.size());
    QCOMPARE(deflater.deflate(&s, Z_FINISH), Z_STREAM_END);
    s.next_in = reinterpret_cast<Bytef *>(text.data());
    s.avail_in = uInt(text.size());
    QCOMPARE(deflater.deflate(&s, Z_NO_FLUSH), Z_STREAM_ERROR);
}

QTEST_GUILESS_MAIN(TestParallelDeflate)
#include "tst_paralleldeflate.moc"
