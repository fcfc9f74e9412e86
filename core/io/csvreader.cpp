#include "csvreader.h"

#include <QCoreApplication>
#include <QIODevice>

#include <array>

namespace {
constexpr qsizetype chunkSize = 1 << 16;
// Enough of the start to see a BOM, a ZIP signature and the first lines.
constexpr qsizetype headSize = 1 << 12;
// A physical line longer than this is handed on in pieces, so that a file without line ends
// (or one runaway quote) never sits in memory whole.
constexpr qsizetype pieceSize = 1 << 18;
// Delimiter detection looks at this many records at most.
constexpr int sampleRecords = 20;
} // namespace

CsvReader::CsvReader(QIODevice *device)
    : m_device(device) {}

bool CsvReader::atEnd() const {
    return m_pos >= m_buffer.size() && m_deviceAtEnd;
}

bool CsvReader::readRaw(QByteArray *into) {
    const qsizetype kept = into->size();
    into->resize(kept + chunkSize);
    while (true) {
        const qint64 n = m_device->read(into->data() + kept, chunkSize);
        if (n > 0) {
            into->resize(kept + n);
            return true;
        }
        // A pipe or a process may have nothing yet without being at its end. atEnd() and
        // bytesAvailable() cannot tell the two apart on standard input, so only a read or a
        // wait that comes back empty ends the input.
        if (n == 0 && m_device->isSequential() && m_device->waitForReadyRead(-1))
            continue;
        into->resize(kept);
        return false;
    }
}

bool CsvReader::fill() {
    if (m_deviceAtEnd)
        return false;
    m_buffer.remove(0, m_pos);
    m_pos = 0;
    if (!m_transcoding) {
        if (!readRaw(&m_buffer))
            m_deviceAtEnd = true;
        return !m_deviceAtEnd;
    }
    QByteArray raw;
    if (!readRaw(&raw)) {
        m_deviceAtEnd = true;
        return false;
    }
    m_rawRead += raw.size();
    // The parser reads UTF-8: other encodings are turned into it as they arrive.
    m_buffer += (m_encoding == TextEncoding::Windows1252 ? TextEncoding::fromWindows1252(raw)
                                                         : m_utf16.decode(raw))
                    .toUtf8();
    return true;
}

bool CsvReader::start() {
    QByteArray head;
    while (head.size() < headSize && readRaw(&head)) {
    }
    if (head.size() < headSize)
        m_deviceAtEnd = true;
    if (head.isEmpty())
        return false;
    if (head.startsWith("PK\x03\x04")) {
        m_unreadable = QCoreApplication::translate(
            "CsvReader", "is a ZIP archive (an Excel workbook, perhaps), not CSV "
                         "text; save it from Excel as CSV");
        return false;
    }
    qsizetype bom = 0;
    if (m_encoding == TextEncoding::Auto)
        m_encoding = TextEncoding::detect(head, &bom);
    else
        bom = TextEncoding::bomLength(m_encoding, head);
    const bool utf16 = m_encoding == TextEncoding::Utf16LE || m_encoding == TextEncoding::Utf16BE;
    // Text never holds NUL bytes; UTF-16 holds one in every ASCII character.
    if (!utf16 && head.contains('\0')) {
        m_unreadable = QCoreApplication::translate(
            "CsvReader", "is binary data (it holds NUL bytes), not CSV text");
        return false;
    }
    if (m_encoding == TextEncoding::Utf8) {
        m_bytesRead = bom;
        m_buffer = head.mid(bom);
    } else {
        m_transcoding = true;
        m_rawRead = head.size();
        if (utf16)
            m_utf16 = QStringDecoder(m_encoding == TextEncoding::Utf16LE ? QStringDecoder::Utf16LE
                                                                         : QStringDecoder::Utf16BE);
        const QByteArray body = head.mid(bom);
        m_buffer = (utf16 ? m_utf16.decode(body) : TextEncoding::fromWindows1252(body)).toUtf8();
    }
    if (m_delimiter.isNull())
        m_delimiter = detectDelimiter();
    m_lineEnding = detectLineEnding();
    return true;
}

QString CsvReader::detectLineEnding() const {
    bool inQuotes = false;
    const char *data = m_buffer.constData();
    for (qsizetype i = 0; i < m_buffer.size(); ++i) {
        const char c = data[i];
        if (c == '"')
            inQuotes = !inQuotes;
        else if (!inQuotes && c == '\n')
            return QStringLiteral("LF");
        else if (!inQuotes && c == '\r')
            return i + 1 < m_buffer.size() && data[i + 1] == '\n' ? QStringLiteral("CRLF")
                                                                  : QStringLiteral("CR");
    }
    return QString();
}

QChar CsvReader::detectDelimiter() const {
    // The delimiter is the candidate the header has and most records have as often; quoted
    // text does not count. Ties go to the more common one, a comma first.
    static constexpr std::array<char, 4> candidates = {',', ';', '\t', '|'};
    QList<std::array<int, 4>> counts;
    std::array<int, 4> record{};
    bool inQuotes = false;
    bool content = false;
    const char *data = m_buffer.constData();
    for (qsizetype i = 0; i < m_buffer.size() && counts.size() < sampleRecords; ++i) {
        const char c = data[i];
        if (c == '"') {
            inQuotes = !inQuotes;
            content = true;
        } else if (!inQuotes && (c == '\n' || c == '\r')) {
            if (content)
                counts.append(record);
            record = {};
            content = false;
        } else if (!inQuotes) {
            content = true;
            for (std::size_t k = 0; k < candidates.size(); ++k)
                if (c == candidates[k])
                    ++record[k];
        }
    }
    // A last record without its line end is whole only when the input ends there.
    if (content && m_deviceAtEnd && counts.size() < sampleRecords)
        counts.append(record);
    if (counts.isEmpty())
        return QLatin1Char(',');
    std::size_t best = 0;
    int bestAgreeing = -1;
    int bestCount = 0;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        const int inHeader = counts.first()[k];
        if (inHeader == 0)
            continue;
        int agreeing = 0;
        for (const auto &r : std::as_const(counts))
            agreeing += r[k] == inHeader ? 1 : 0;
        if (agreeing > bestAgreeing || (agreeing == bestAgreeing && inHeader > bestCount)) {
            best = k;
            bestAgreeing = agreeing;
            bestCount = inHeader;
        }
    }
    return QLatin1Char(candidates[best]);
}

QByteArray CsvReader::readPhysicalLine(bool *partial) {
    *partial = false;
    qsizetype scanned = 0; // bytes after m_pos already known to hold no line end
    while (true) {
        const char *data = m_buffer.constData();
        bool needMore = true;
        qsizetype i = m_pos + scanned;
        for (; i < m_buffer.size(); ++i) {
            if (data[i] != '\n' && data[i] != '\r')
                continue;
            // A CR at the end of what has been read may be the first half of a CRLF.
            if (data[i] == '\r' && i + 1 == m_buffer.size() && !m_deviceAtEnd)
                break;
            needMore = false;
            break;
        }
        if (!needMore) {
            qsizetype end = i + 1;
            if (data[i] == '\r' && end < m_buffer.size() && data[end] == '\n')
                ++end;
            QByteArray line = m_buffer.mid(m_pos, end - m_pos);
            m_pos = end;
            return line;
        }
        scanned = i - m_pos;
        const bool crPending = i < m_buffer.size(); // found again once the end is known
        if (!crPending && scanned >= pieceSize) {
            // A quote is kept for the next piece: it may be the first half of a doubled one.
            const qsizetype length = data[m_pos + scanned - 1] == '"' ? scanned - 1 : scanned;
            *partial = true;
            QByteArray piece = m_buffer.mid(m_pos, length);
            m_pos += length;
            return piece;
        }
        if (!fill() && !crPending) {
            // The input ended without a line end: the rest is the last line.
            QByteArray rest = m_buffer.mid(m_pos);
            m_buffer.clear();
            m_pos = 0;
            return rest;
        }
    }
}

bool CsvReader::next() {
    m_fields.clear();
    m_error.clear();
    if (!m_started) {
        m_started = true;
        if (!start()) {
            m_deviceAtEnd = true;
            m_buffer.clear();
            return false;
        }
    }
    if (m_pos >= m_buffer.size())
        fill();
    if (atEnd())
        return false;
    m_line = m_nextLine;

    // Translated where it happens: a lookup for every record would slow the reading.
    static const char *const neverClosed =
        QT_TRANSLATE_NOOP("CsvReader", "has a quoted field that is never closed");
    QString field;
    bool inQuotes = false;
    bool quotedField = false;
    bool badUtf8 = false;
    bool strayQuote = false;
    bool tooLong = false;
    // One decoder for the whole record, so that a character split between two pieces of a
    // long line stays whole.
    QStringDecoder decoder(QStringDecoder::Utf8);
    auto append = [&](QChar c) {
        if (field.size() < maxFieldLength)
            field += c;
        else
            tooLong = true;
    };
    while (true) {
        bool partial = false;
        const QByteArray raw = readPhysicalLine(&partial);
        if (raw.isEmpty() && atEnd()) {
            if (inQuotes)
                m_error = QCoreApplication::translate("CsvReader", neverClosed);
            break;
        }
        m_bytesRead += raw.size();
        if (!partial)
            ++m_nextLine;
        const QString text = decoder.decode(raw);
        badUtf8 = badUtf8 || decoder.hasError();

        qsizetype i = 0;
        const qsizetype n = text.size();
        bool lineDone = false;
        while (i < n) {
            const QChar c = text.at(i);
            if (inQuotes) {
                if (c == QLatin1Char('"')) {
                    if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                        append(QLatin1Char('"'));
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                } else {
                    append(c);
                }
            } else if (c == m_delimiter) {
                m_fields << field;
                field.clear();
                quotedField = false;
            } else if (c == QLatin1Char('"') && field.isEmpty() && !quotedField) {
                inQuotes = true;
                quotedField = true;
            } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
                lineDone = true;
                break;
            } else if (quotedField && (c == QLatin1Char(' ') || c == QLatin1Char('\t'))) {
                // Hand-edited files and some exporters leave blanks between a closing quote and
                // the comma: they are not part of the value, and not worth rejecting a row for.
            } else {
                strayQuote = strayQuote || quotedField; // text after a closing quote
                append(c);
            }
            ++i;
        }
        if (partial && !lineDone)
            continue;
        if (!inQuotes || lineDone)
            break;
        if (atEnd()) {
            m_error = QCoreApplication::translate("CsvReader", neverClosed);
            break;
        }
    }
    m_fields << field;
    if (m_error.isEmpty() && tooLong)
        m_error = QCoreApplication::translate("CsvReader", "has a field over 1 MiB");
    if (m_error.isEmpty() && badUtf8)
        m_error = QCoreApplication::translate(
            "CsvReader", "is not valid UTF-8"); // the other encodings arrive transcoded
    if (m_error.isEmpty() && strayQuote)
        m_error = QCoreApplication::translate("CsvReader", "has text after a closing quote");
    return true;
}
