#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>

class QTextStream;
struct Lead;

// Prints leads as a text table, CSV or a JSON array, page by page as they are read: only the
// page in hand is held, so a million leads take the memory of a thousand. Every command that
// prints lead records or JSON goes through it, so all output looks alike.
class OutputWriter {
public:
    enum class Format { Table, Csv, Json };
    // "table", "csv", "json"; false for anything else.
    static bool parseFormat(const QString &name, Format *format);

    OutputWriter(QTextStream &out, Format format, const QStringList &columns);

    // The first page, even an empty one, sets a table's column widths and prints its header.
    void writePage(const QList<Lead> &page);
    // Records other than leads (a history, the trash): each is its JSON object and the text of
    // its cells, one per column, for a table or CSV. Pages of them as with writePage().
    struct Record {
        QJsonObject json;
        QStringList cells;
    };
    void writeRecords(const QList<Record> &page);
    // A table's last column in full rather than cut at 40 characters (free text such as a
    // history's detail).
    void setLastColumnWhole(bool whole) { m_lastColumnWhole = whole; }
    // Ends the output: closes the JSON array.
    void finish();

    // One JSON document: indented for people, or on one line (summaries that end a stream).
    enum class JsonStyle { Indented, Compact };
    static void writeJson(QTextStream &out, const QJsonObject &object, JsonStyle style);
    // A table cell: newlines flattened, cut to `width` with an ellipsis, padded to it.
    static QString cell(const QString &text, qsizetype width);

private:
    void writeTableHeader(const QList<Record> &firstPage);

    QTextStream &m_out;
    Format m_format;
    QStringList m_columns;
    QList<qsizetype> m_widths; // a table's columns fit its first page
    qint64 m_written = 0;
    bool m_started = false;
    bool m_lastColumnWhole = false;
};
