#include "csvreader.h"

#include <QIODevice>
#include <QStringDecoder>

namespace {
constexpr qsizetype chunkSize = 1 << 16;
}

CsvReader::CsvReader(QIODevice *device)
    : m_device(device) {}

bool CsvReader::atEnd() const {
    return m_pos >= m_buffer.size() && m_deviceAtEnd;
}

bool CsvReader::fill() {
    if (m_deviceAtEnd)
        return false;
    m_buffer.remove(0, m_pos);
    m_pos = 0;
    const qsizetype kept = m_buffer.size();
    m_buffer.resize(kept + chunkSize);
    while (true) {
        const qint64 n = m_device->read(m_buffer.data() + kept, chunkSize);
        if (n > 0) {
            m_buffer.resize(kept + n);
            return true;
        }
        // A pipe or a process may have nothing yet without being at its end. atEnd() and
        // bytesAvailable() cannot tell the two apart on standard input, so only a read or a
        // wait that comes back empty ends the input.
        if (n == 0 && m_device->isSequential() && m_device->waitForReadyRead(-1))
            continue;
        m_buffer.resize(kept);
        m_deviceAtEnd = true;
        return false;
    }
}

QByteArray CsvReader::readPhysicalLine() {
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
    if (m_pos >= m_buffer.size())
        fill();
    if (atEnd())
        return false;
    m_line = m_nextLine;

    const QString neverClosed = QStringLiteral("has a quoted field that is never closed");
    QString field;
    bool inQuotes = false;
    bool quotedField = false;
    bool badUtf8 = false;
    bool strayQuote = false;
    while (true) {
        QByteArray raw = readPhysicalLine();
        if (raw.isEmpty() && atEnd()) {
            if (inQuotes)
                m_error = neverClosed;
            break;
        }
        m_bytesRead += raw.size();
        ++m_nextLine;
        if (m_first) {
            m_first = false;
            if (raw.startsWith("\xEF\xBB\xBF"))
                raw.remove(0, 3);
        }
        QStringDecoder decoder(QStringDecoder::Utf8);
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
                        field += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                } else {
                    field += c;
                }
            } else if (c == QLatin1Char(',')) {
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
                field += c;
            }
            ++i;
        }
        if (!inQuotes || lineDone)
            break;
        if (atEnd()) {
            m_error = neverClosed;
            break;
        }
    }
    m_fields << field;
    if (m_error.isEmpty() && badUtf8)
        m_error = QStringLiteral("is not valid UTF-8");
    if (m_error.isEmpty() && strayQuote)
        m_error = QStringLiteral("has text after a closing quote");
    return true;
}
