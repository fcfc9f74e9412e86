#pragma once
// Import/export: CSV and JSON on the way in and out, and the demo data generator.

#include <QStringList>

class QIODevice;

// Reads RFC 4180 CSV (comma, UTF-8, optional BOM, quoted fields spanning lines) record by record,
// telling the line each record starts on.
class CsvReader {
public:
    // Reads files, buffers and pipes alike: the device is only read forward, never sized or
    // sought, so standard input works.
    explicit CsvReader(QIODevice *device);

    // Reads the next record; false at the end. A record that cannot be read has error() set.
    bool next();
    const QStringList &fields() const { return m_fields; }
    qint64 line() const { return m_line; } // 1-based line where the record starts
    // Why the record cannot be read ("has text after a closing quote"); the message does not
    // name the line: callers put line() in front of it.
    QString error() const { return m_error; }
    qint64 bytesRead() const { return m_bytesRead; }

private:
    QByteArray readPhysicalLine(); // up to and including its end: LF, CRLF or a lone CR
    bool fill();                   // appends what the device has next; false at its end
    bool atEnd() const;

    QIODevice *m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    QStringList m_fields;
    QString m_error;
    qint64 m_line = 0;
    qint64 m_nextLine = 1;
    qint64 m_bytesRead = 0;
    bool m_first = true;
    bool m_deviceAtEnd = false;
};
