#include "csvreader.h"

#include <QIODevice>
#include <QStringDecoder>

CsvReader::CsvReader(QIODevice *device)
    : m_device(device) {}

bool CsvReader::atEnd() const {
    return m_pos >= m_buffer.size() && m_device->atEnd();
}

QByteArray CsvReader::readPhysicalLine() {
    while (true) {
        const char *data = m_buffer.constData();
        for (qsizetype i = m_pos; i < m_buffer.size(); ++i) {
            if (data[i] != '\n' && data[i] != '\r')
                continue;
            // A CR at the end of the buffer may be the first half of a CRLF.
            if (data[i] == '\r' && i + 1 == m_buffer.size() && !m_device->atEnd())
                break;
            qsizetype end = i + 1;
            if (data[i] == '\r' && end < m_buffer.size() && data[end] == '\n')
                ++end;
            QByteArray line = m_buffer.mid(m_pos, end - m_pos);
            m_pos = end;
            return line;
        }
        if (m_device->atEnd()) {
            QByteArray rest = m_buffer.mid(m_pos);
            m_buffer.clear();
            m_pos = 0;
            return rest;
        }
        m_buffer.remove(0, m_pos);
        m_pos = 0;
        const QByteArray more = m_device->read(1 << 16);
        if (more.isEmpty() && !m_device->atEnd())
            return {}; // read error
        m_buffer += more;
    }
}

bool CsvReader::next() {
    m_fields.clear();
    m_error.clear();
    if (atEnd())
        return false;
    m_line = m_nextLine;

    QString field;
    bool inQuotes = false;
    bool quotedField = false;
    bool badUtf8 = false;
    bool strayQuote = false;
    while (true) {
        QByteArray raw = readPhysicalLine();
        if (raw.isEmpty() && atEnd()) {
            if (inQuotes)
                m_error =
                    QStringLiteral("a quoted field opened on line %1 is never closed").arg(m_line);
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
            } else {
                strayQuote = strayQuote || quotedField; // text after a closing quote
                field += c;
            }
            ++i;
        }
        if (!inQuotes || lineDone)
            break;
        if (atEnd() && inQuotes) {
            m_error =
                QStringLiteral("a quoted field opened on line %1 is never closed").arg(m_line);
            break;
        }
    }
    m_fields << field;
    if (m_error.isEmpty() && badUtf8)
        m_error = QStringLiteral("line %1 is not valid UTF-8").arg(m_line);
    if (m_error.isEmpty() && strayQuote)
        m_error = QStringLiteral("line %1 has text after a closing quote").arg(m_line);
    return true;
}
