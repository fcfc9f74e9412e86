#pragma once
// Import/export: CSV and JSON on the way in and out, and the demo data generator.

#include "recordreader.h"
#include "textencoding.h"

#include <QStringDecoder>
#include <QStringList>

class QIODevice;

// Reads RFC 4180 CSV record by record, telling the line each record starts on: the encoding
// (UTF-8, UTF-16 by BOM, Windows-1252) and the delimiter (comma, semicolon, tab, pipe) are
// detected from the start of the input unless set.
class CsvReader : public RecordReader {
public:
    // Reads files, buffers and pipes alike: the device is only read forward, never sized or
    // sought, so standard input works.
    explicit CsvReader(QIODevice *device);

    // Overrides for detection; set them before the first next().
    void setEncoding(TextEncoding::Kind encoding) { m_encoding = encoding; }
    void setDelimiter(QChar delimiter) { m_delimiter = delimiter; }
    // What is used: detected or set. Known after the first next().
    TextEncoding::Kind encoding() const { return m_encoding; }
    QChar delimiter() const { return m_delimiter; }
    // How the first line ends: "CRLF", "LF" or "CR"; empty for input of a single line.
    QString lineEnding() const { return m_lineEnding; }

    // Reads the next record; false at the end. A record that cannot be read has error() set.
    bool next() override;
    const QStringList &fields() const override { return m_fields; }
    qint64 line() const override { return m_line; } // 1-based line where the record starts
    // Why the record cannot be read ("has text after a closing quote"); the message does not
    // name the line: callers put line() in front of it.
    QString error() const override { return m_error; }
    // Why the input is no CSV at all (a ZIP archive, binary data); next() then returns false.
    QString unreadable() const override { return m_unreadable; }
    qint64 bytesRead() const override { return m_transcoding ? m_rawRead : m_bytesRead; }

    // A field longer than this is reported rather than held: one runaway quote must not take
    // the machine's memory.
    static constexpr qsizetype maxFieldLength = 1 << 20;

private:
    QByteArray readPhysicalLine(bool *partial); // up to and including its end
    bool fill();                                // appends what the device has next
    bool readRaw(QByteArray *into);             // one read of the device; false at its end
    bool start();                               // detection on the first bytes
    QChar detectDelimiter() const;
    QString detectLineEnding() const;
    bool atEnd() const;

    QIODevice *m_device;
    QByteArray m_buffer; // UTF-8 text (transcoded when the input is not UTF-8)
    qsizetype m_pos = 0;
    QStringList m_fields;
    QString m_error;
    QString m_unreadable;
    qint64 m_line = 0;
    qint64 m_nextLine = 1;
    qint64 m_bytesRead = 0;
    qint64 m_rawRead = 0;
    TextEncoding::Kind m_encoding = TextEncoding::Auto;
    QChar m_delimiter;
    QString m_lineEnding;
    QStringDecoder m_utf16; // keeps a character split between two reads
    bool m_started = false;
    bool m_transcoding = false;
    bool m_deviceAtEnd = false;
};
