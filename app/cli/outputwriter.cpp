#include "outputwriter.h"

#include "core/domain/lead.h"
#include "core/domain/leadcolumns.h"
#include "core/io/csvwriter.h"
#include "core/io/leadjson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace {

constexpr qsizetype widestColumn = 40;

// One cell of a text table: padded and followed by a space, or ending the line unpadded so that
// lines carry no trailing blanks.
QString tableCell(const QString &text, qsizetype width, bool last) {
    return last ? OutputWriter::cell(text, width).trimmed() + QLatin1Char('\n')
                : OutputWriter::cell(text, width) + QLatin1Char(' ');
}

} // namespace

bool OutputWriter::parseFormat(const QString &name, Format *format) {
    if (name == QLatin1String("table"))
        *format = Format::Table;
    else if (name == QLatin1String("csv"))
        *format = Format::Csv;
    else if (name == QLatin1String("json"))
        *format = Format::Json;
    else
        return false;
    return true;
}

OutputWriter::OutputWriter(QTextStream &out, Format format, const QStringList &columns)
    : m_out(out)
    , m_format(format)
    , m_columns(columns) {}

QString OutputWriter::cell(const QString &text, qsizetype width) {
    QString t = text;
    t.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (t.size() > width)
        t = t.left(width - 1) + QChar(0x2026);
    return t.leftJustified(width);
}

void OutputWriter::writeTableHeader(const QList<Record> &firstPage) {
    for (qsizetype c = 0; c < m_columns.size(); ++c) {
        qsizetype w = m_columns.at(c).size();
        for (const Record &record : firstPage)
            w = std::max(w, record.cells.value(c).size());
        m_widths << std::min(w, widestColumn);
    }
    for (qsizetype c = 0; c < m_columns.size(); ++c)
        m_out << tableCell(m_columns.at(c), m_widths.at(c), c + 1 == m_columns.size());
}

void OutputWriter::writePage(const QList<Lead> &page) {
    QList<Record> records;
    records.reserve(page.size());
    for (const Lead &lead : page) {
        Record record;
        if (m_format == Format::Json) {
            record.json = LeadJson::lead(lead, m_columns);
        } else {
            record.cells.reserve(m_columns.size());
            for (const QString &c : std::as_const(m_columns))
                record.cells << LeadColumns::text(lead, c);
        }
        records << record;
    }
    writeRecords(records);
}

void OutputWriter::writeRecords(const QList<Record> &page) {
    if (!m_started) {
        m_started = true;
        switch (m_format) {
        case Format::Table:
            writeTableHeader(page);
            break;
        case Format::Csv:
            m_out << CsvWriter::line(m_columns);
            break;
        case Format::Json:
            m_out << "[\n";
            break;
        }
    }
    for (const Record &record : page) {
        if (m_format == Format::Json) {
            // The same text QJsonDocument gives a whole array, one element at a time: each
            // object indented one level, commas between them.
            const QByteArray object = QJsonDocument(record.json).toJson(QJsonDocument::Indented);
            if (m_written > 0)
                m_out << ",\n";
            QByteArray indented = "    " + object.trimmed();
            indented.replace("\n", "\n    ");
            m_out << QString::fromUtf8(indented);
        } else if (m_format == Format::Csv) {
            m_out << CsvWriter::line(record.cells);
        } else {
            for (qsizetype c = 0; c < m_columns.size(); ++c) {
                const bool last = c + 1 == m_columns.size();
                if (last && m_lastColumnWhole)
                    m_out << QString(record.cells.value(c))
                                 .replace(QLatin1Char('\n'), QLatin1Char(' '))
                          << '\n';
                else
                    m_out << tableCell(record.cells.value(c), m_widths.at(c), last);
            }
        }
        ++m_written;
    }
}

void OutputWriter::finish() {
    if (!m_started)
        writeRecords({});
    if (m_format == Format::Json)
        m_out << (m_written > 0 ? "\n]\n" : "]\n");
}

void OutputWriter::writeJson(QTextStream &out, const QJsonObject &object, JsonStyle style) {
    const QByteArray text = QJsonDocument(object).toJson(
        style == JsonStyle::Compact ? QJsonDocument::Compact : QJsonDocument::Indented);
    out << QString::fromUtf8(text);
    if (style == JsonStyle::Compact)
        out << '\n';
}
