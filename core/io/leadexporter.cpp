#include "leadexporter.h"

#include "../domain/lead.h"
#include "../domain/leadcolumns.h"
#include "../storage/leadquery.h"
#include "../storage/prefetchedleadrows.h"
#include "crmexportlayout.h"
#include "csvwriter.h"
#include "xlsxleadwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QTemporaryFile>

#include <charconv>
#include <cstdio>
#include <optional>
#include <string>

namespace {

QStringList columnsOf(const LeadExporter::Options &options) {
    return options.columns.isEmpty() ? LeadColumns::all() : options.columns;
}

QString unknownColumn(const QStringList &columns) {
    for (const QString &c : columns)
        if (!LeadColumns::isKnown(c))
            return c;
    return QString();
}

std::optional<CrmVocabulary::Crm> crmOf(LeadExporter::Format format) {
    switch (format) {
    case LeadExporter::Format::Salesforce:
        return CrmVocabulary::Crm::Salesforce;
    case LeadExporter::Format::Dynamics:
        return CrmVocabulary::Crm::Dynamics;
    case LeadExporter::Format::Csv:
    case LeadExporter::Format::Xlsx:
        break;
    }
    return std::nullopt;
}

// Writes CSV rows to a device: cells are escaped as UTF-8 straight into one byte buffer,
// which is written in large blocks.
class CsvSink {
public:
    CsvSink(QIODevice *device, const LeadExporter::Options &options)
        : m_device(device)
        , m_bom(options.bom)
        , m_delimiter(QString(options.delimiter).toUtf8()) {
        m_singleDelimiter = m_delimiter.size() == 1;
        m_style.delimiter = options.delimiter;
        m_buffer.reserve(flushAt + 4096);
    }

    bool header(const QStringList &cells) {
        if (m_bom)
            m_buffer += "\xEF\xBB\xBF";
        for (qsizetype i = 0; i < cells.size(); ++i)
            cell(i, cells.at(i), false);
        return endRow() && flush();
    }
    // One cell of the current row; `typedText` for text a person typed, which a spreadsheet
    // must not run as a formula.
    void cell(qsizetype column, QStringView text, bool typedText) {
        cell(column, text.toUtf8(), typedText);
    }
    void cell(qsizetype column, QByteArrayView text, bool typedText) {
        if (column > 0)
            m_buffer.append(m_delimiter.constData(), std::size_t(m_delimiter.size()));
        // The quote goes inside the CSV quoting: the spreadsheet must see it as the cell's
        // first character, or it would run the formula after all (CsvWriter's rule).
        const bool quoteMark = typedText && m_style.neutraliseFormulas && !text.isEmpty() &&
                               QByteArrayView("=+-@\t\r").contains(text.front());
        // One pass over the cell tells whether it needs quotes and whether quotes need doubling.
        bool quoted = false, doubled = false;
        for (const char c : text) {
            if (c == '"') {
                quoted = doubled = true;
                break;
            }
            if (c == '\n' || c == '\r' || (m_singleDelimiter && c == m_delimiter.front()))
                quoted = true;
        }
        if (!m_singleDelimiter && text.contains(m_delimiter))
            quoted = true;
        if (quoted)
            m_buffer += '"';
        if (quoteMark)
            m_buffer += '\'';
        if (doubled) {
            for (const char c : text) {
                if (c == '"')
                    m_buffer += '"';
                m_buffer += c;
            }
        } else {
            m_buffer.append(text.data(), std::size_t(text.size()));
        }
        if (quoted)
            m_buffer += '"';
    }
    bool endRow() {
        m_buffer += "\r\n";
        return m_buffer.size() < flushAt || flush();
    }
    bool flush() {
        const bool written =
            m_device->write(m_buffer.data(), qint64(m_buffer.size())) == qint64(m_buffer.size());
        m_buffer.clear(); // keeps its capacity: no growing again from nothing
        return written;
    }

private:
    static constexpr std::size_t flushAt = 1 << 20;
    QIODevice *m_device;
    bool m_bom;
    QByteArray m_delimiter;
    bool m_singleDelimiter = false; // a one-byte delimiter, found in the cell's one pass
    CsvWriter::Style m_style;
    std::string m_buffer; // QByteArray's append checks for sharing on every cell
};

// The stored cell of a canonical column as the export writes it: stored times are ISO 8601
// UTC already, and storefronts and stages their canonical names.
void storedCell(CsvSink &sink, int column, const PrefetchedLeadRows &rows, LeadColumns::Type type) {
    switch (type) {
    case LeadColumns::Type::Flag:
        sink.cell(column, QByteArrayView(rows.integer(column) ? "true" : "false"), false);
        return;
    case LeadColumns::Type::Real:
        sink.cell(column, QString::number(rows.real(column), 'g', QLocale::FloatingPointShortest),
                  false);
        return;
    case LeadColumns::Type::Integer: {
        char digits[24];
        const std::to_chars_result end =
            std::to_chars(digits, digits + sizeof digits, rows.integer(column));
        sink.cell(column, QByteArrayView(digits, end.ptr - digits), false);
        return;
    }
    case LeadColumns::Type::Text:
        sink.cell(column, rows.utf8(column), true);
        return;
    case LeadColumns::Type::Time:
    case LeadColumns::Type::Storefront:
    case LeadColumns::Type::Stage:
        sink.cell(column, rows.utf8(column), false);
        return;
    }
}

QString writeError(QIODevice *device) {
    return QCoreApplication::translate("LeadExporter", "cannot write: %1")
        .arg(device->errorString());
}

} // namespace

std::optional<LeadExporter::Format> LeadExporter::formatFromName(const QString &name) {
    for (const Format f : {Format::Csv, Format::Xlsx, Format::Salesforce, Format::Dynamics})
        if (name.compare(formatName(f), Qt::CaseInsensitive) == 0)
            return f;
    return std::nullopt;
}

QString LeadExporter::formatName(Format format) {
    switch (format) {
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::Xlsx:
        return QStringLiteral("xlsx");
    case Format::Salesforce:
        return QStringLiteral("salesforce");
    case Format::Dynamics:
        return QStringLiteral("dynamics");
    }
    return QString();
}

QStringList LeadExporter::headers(const Options &options) {
    if (const auto crm = crmOf(options.format))
        return CrmExportLayout(*crm).headers();
    return columnsOf(options);
}

LeadExporter::LeadExporter(const Database &db)
    : m_db(db) {}

LeadExporter::Result LeadExporter::eachRow(const LeadFilter &filter, const LeadSort &sort,
                                           const QStringList &columns, const RowHandler &row,
                                           bool streamed) {
    Result result;
    if (!LeadQuery::isSortable(sort.column)) {
        result.error = QCoreApplication::translate("LeadExporter", "cannot sort: unknown column %1")
                           .arg(sort.column);
        return result;
    }
    if (const QString unknown = unknownColumn(columns); !unknown.isEmpty()) {
        result.error =
            QCoreApplication::translate("LeadExporter", "unknown column %1").arg(unknown);
        return result;
    }
    PrefetchedLeadRows rows(m_db);
    rows.setStreamed(streamed);
    if (!rows.start(filter, sort, columns)) {
        result.error = rows.error();
        return result;
    }
    const qint64 total = rows.total();
    if (m_progress)
        m_progress(0, total);
    const qint64 every = std::max(1, m_pageSize);
    while (rows.next()) {
        if (!row(rows, &result.error))
            return result;
        if (++result.rows % every == 0) {
            if (m_progress)
                m_progress(result.rows, std::max(total, result.rows));
            if (cancelled()) {
                result.cancelled = true;
                return result;
            }
        }
    }
    if (!rows.error().isEmpty()) {
        result.error = rows.error();
        return result;
    }
    if (m_progress)
        m_progress(result.rows, std::max(total, result.rows));
    return result;
}

LeadExporter::Result LeadExporter::exportCsv(const LeadFilter &filter, const LeadSort &sort,
                                             const Options &options, QIODevice *device) {
    CsvSink sink(device, options);
    if (!sink.header(headers(options))) {
        Result r;
        r.error = writeError(device);
        return r;
    }
    Result r;
    if (const auto crm = crmOf(options.format)) {
        const CrmExportLayout layout(*crm);
        const QStringList &source = CrmExportLayout::sourceColumns();
        r = eachRow(filter, sort, source, [&](const PrefetchedLeadRows &rows, QString *error) {
            Lead lead;
            for (qsizetype i = 0; i < source.size(); ++i)
                LeadColumns::setValue(lead, source.at(i), rows.value(int(i)));
            const QStringList cells = layout.row(lead);
            for (qsizetype i = 0; i < cells.size(); ++i)
                sink.cell(i, cells.at(i), layout.mayNeutralise(i, cells.at(i)));
            if (sink.endRow())
                return true;
            *error = writeError(device);
            return false;
        });
    } else {
        const QStringList columns = columnsOf(options);
        QList<LeadColumns::Type> types;
        for (const QString &c : columns)
            types << LeadColumns::type(c);
        r = eachRow(filter, sort, columns, [&](const PrefetchedLeadRows &rows, QString *error) {
            for (qsizetype i = 0; i < types.size(); ++i)
                storedCell(sink, int(i), rows, types.at(i));
            if (sink.endRow())
                return true;
            *error = writeError(device);
            return false;
        });
    }
    if (r.ok() && !sink.flush())
        r.error = writeError(device);
    return r;
}

LeadExporter::Result LeadExporter::exportToFile(const LeadFilter &filter, const LeadSort &sort,
                                                const Options &options, const QString &path) {
    if (options.format != Format::Xlsx) {
        // QSaveFile writes beside the target and renames on commit; without a commit the
        // target is left as it was.
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            Result r;
            r.error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
            return r;
        }
        Result r = exportCsv(filter, sort, options, &file);
        if (!r.ok()) {
            file.cancelWriting();
            file.commit(); // discards the temporary file
            if (!r.error.isEmpty())
                r.error = QStringLiteral("%1: %2").arg(path, r.error);
            return r;
        }
        if (!file.commit())
            r.error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
        return r;
    }

    // libxlsxwriter writes a file of its own name: give it a fresh one beside the target.
    const QFileInfo target(path);
    QString temporary;
    {
        QTemporaryFile reserve(target.absoluteDir().filePath(
            QStringLiteral(".%1.XXXXXX.part").arg(target.fileName())));
        reserve.setAutoRemove(false);
        if (!reserve.open()) {
            Result r;
            r.error = QStringLiteral("%1: cannot write: %2").arg(path, reserve.errorString());
            return r;
        }
        temporary = reserve.fileName();
    }
    // The name stays reserved by its dot and random part; the file itself is created again by
    // libxlsxwriter with the usual permissions rather than a temporary file's 0600.
    QFile::remove(temporary);
    Result r;
    {
        XlsxLeadWriter writer(temporary, columnsOf(options), options.title);
        if (options.xlsxRowsPerSheet > 0)
            writer.setRowsPerSheet(options.xlsxRowsPerSheet);
        if (!writer.open()) {
            r.error = writer.error();
        } else {
            r = eachRow(
                filter, sort, columnsOf(options),
                [&](const PrefetchedLeadRows &rows, QString *error) {
                    if (writer.writeStored(rows))
                        return true;
                    *error = writer.error();
                    return false;
                },
                // libxlsxwriter takes longer per row than a look-up: rows in index
                // order keep it busy from the start instead of after a whole sort.
                true);
            if (!writer.close() && r.error.isEmpty())
                r.error = writer.error();
        }
    }
    if (r.ok() && std::rename(QFile::encodeName(temporary).constData(),
                              QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        r.error = QCoreApplication::translate("LeadExporter", "cannot rename %1 to %2")
                      .arg(temporary, path);
    if (!r.ok()) {
        QFile::remove(temporary);
        if (!r.error.isEmpty() && !r.error.startsWith(path))
            r.error = QStringLiteral("%1: %2").arg(path, r.error);
    }
    return r;
}
