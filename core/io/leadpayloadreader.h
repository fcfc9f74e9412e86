#pragma once

#include "recordreader.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QStringList>

class QIODevice;

// Reads the JSON the marketplace POSTs to a publisher's HTTPS endpoint, one payload or an array
// of them, as records under the payload's field names: UserDetails' fields beside the top
// level ones, nothing dropped.
class LeadPayloadReader : public RecordReader {
public:
    // The device is read whole at the first next(): the header needs every payload's keys.
    explicit LeadPayloadReader(QIODevice *device);

    // A larger input is refused rather than held in memory.
    static constexpr qint64 maxInputSize = qint64(512) << 20;

    // The header first: FirstName, LastName, Email, Phone, Country, Company, Title, LeadSource,
    // ActionCode, OfferTitle, Description, then every other key any payload has, top level or
    // in UserDetails, in the order first seen (alphabetical within one payload, as QJsonObject
    // keeps no order). A key found at both levels fills one column, UserDetails' value first.
    // Numbers and booleans come as their JSON text, null as empty, objects and arrays as
    // compact JSON.
    bool next() override;
    const QStringList &fields() const override { return m_fields; }
    // The payload's 1-based position in the array (1 for a lone object); 0 for the header,
    // which the file has no line for.
    qint64 line() const override { return m_line; }
    // The line of the file on which the payload's opening brace stands; 0 for the header.
    qint64 textLine() const { return m_textLine; }
    // Why the payload cannot be read ("is a number, not a lead object").
    QString error() const override { return m_error; }
    // Why the input is no lead payload JSON: empty, too large, a syntax error (with its line,
    // column and byte offset), a top level that is neither an object nor an array.
    QString unreadable() const override { return m_unreadable; }
    // Where the next payload starts in the input; its whole size at the end.
    qint64 bytesRead() const override;

private:
    bool load();

    QIODevice *m_device;
    QJsonArray m_payloads;
    QList<qint64> m_starts; // byte offset of each payload in the input
    QList<qint64> m_lines;  // and the line it starts on
    QStringList m_header;
    QHash<QString, qsizetype> m_columns; // by columnKey(): the header's column
    QStringList m_fields;
    QString m_error;
    QString m_unreadable;
    qint64 m_size = 0;
    qint64 m_line = 0;
    qint64 m_textLine = 0;
    qsizetype m_next = -1; // -1 before the header
    bool m_loaded = false;
};
