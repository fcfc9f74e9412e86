#include "leadexporter.h"

#include "../domain/lead.h"
#include "../domain/leadcolumns.h"
#include "../storage/leadrepository.h"
#include "csvwriter.h"
#include "xlsxleadwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringEncoder>
#include <QTemporaryFile>

#include <cstdio>
#include <optional>

namespace {

QStringList columnsOf(const LeadExporter::Options &options) {
    return options.columns.isEmpty() ? LeadColumns::all() : options.columns;
}

// Only text a person typed can be a formula; numbers, times and names Leadbench keeps itself
// are never neutralised (a negative number stays a number).
QList<bool> textColumns(const QStringList &columns) {
    QList<bool> out;
    for (const QString &c : columns)
        out << (LeadColumns::type(c) == LeadColumns::Type::Text);
    return out;
}

// Writes CSV rows to a device through one buffered encoder.
class CsvSink {
public:
    CsvSink(QIODevice *device, const LeadExporter::Options &options)
        : m_device(device)
        , m_columns(columnsOf(options))
        , m_text(textColumns(m_columns))
        , m_bom(options.bom) {
        m_style.delimiter = options.delimiter;
    }

    bool header() {
        if (m_bom)
            m_buffer += QChar(0xFEFF);
        QStringList cells;
        for (const QString &c : m_columns)
            cells << CsvWriter::escape(c, m_style, false);
        append(cells);
        return flush();
    }
    bool row(const Lead &lead) {
        QStringList cells;
        cells.reserve(m_columns.size());
        for (qsizetype i = 0; i < m_columns.size(); ++i)
            cells << CsvWriter::escape(LeadColumns::text(lead, m_columns.at(i)), m_style,
                                       m_text.at(i));
        append(cells);
        return m_buffer.size() < 1 << 16 || flush();
    }
    bool flush() {
        const QByteArray bytes = m_buffer.toUtf8();
        m_buffer.clear();
        return m_device->write(bytes) == bytes.size();
    }

private:
    void append(const QStringList &cells) {
        m_buffer += cells.join(m_style.delimiter);
        m_buffer += QLatin1String("\r\n");
    }

    QIODevice *m_device;
    QStringList m_columns;
    QList<bool> m_text;
    bool m_bom;
    CsvWriter::Style m_style;
    QString m_buffer;
};

} // namespace

LeadExporter::LeadExporter(const Database &db)
    : m_db(db) {}

LeadExporter::Result
LeadExporter::eachLead(const LeadFilter &filter, const LeadSort &sort,
                       const std::function<bool(const Lead &, QString *)> &row) {
    Result result;
    LeadRepository repo(m_db);
    const qint64 total = repo.count(filter);
    if (total < 0) {
        result.error = repo.lastError();
        return result;
    }
    if (m_progress)
        m_progress(0, total);
    std::optional<LeadCursor> cursor;
    for (;;) {
        if (m_cancel && m_cancel->load()) {
            result.cancelled = true;
            return result;
        }
        const QList<Lead> page = repo.page(filter, sort, cursor ? &*cursor : nullptr, m_pageSize);
        if (!repo.lastError().isEmpty()) {
            result.error = repo.lastError();
            return result;
        }
        for (const Lead &lead : page) {
            if (!row(lead, &result.error))
                return result;
            ++result.rows;
        }
        if (m_progress)
            m_progress(result.rows, std::max(total, result.rows));
        if (page.size() < m_pageSize)
            return result;
        cursor = LeadRepository::cursorAfter(page.last(), sort);
    }
}

LeadExporter::Result LeadExporter::exportCsv(const LeadFilter &filter, const LeadSort &sort,
                                             const Options &options, QIODevice *device) {
    CsvSink sink(device, options);
    if (!sink.header()) {
        Result r;
        r.error = QStringLiteral("cannot write: %1").arg(device->errorString());
        return r;
    }
    Result r = eachLead(filter, sort, [&](const Lead &lead, QString *error) {
        if (sink.row(lead))
            return true;
        *error = QStringLiteral("cannot write: %1").arg(device->errorString());
        return false;
    });
    if (r.ok() && !sink.flush())
        r.error = QStringLiteral("cannot write: %1").arg(device->errorString());
    return r;
}

LeadExporter::Result LeadExporter::exportToFile(const LeadFilter &filter, const LeadSort &sort,
                                                const Options &options, const QString &path) {
    if (options.format == Format::Csv) {
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
            r = eachLead(filter, sort, [&](const Lead &lead, QString *error) {
                if (writer.write(lead))
                    return true;
                *error = writer.error();
                return false;
            });
            if (!writer.close() && r.error.isEmpty())
                r.error = writer.error();
        }
    }
    if (r.ok() && std::rename(QFile::encodeName(temporary).constData(),
                              QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        r.error = QStringLiteral("cannot rename %1 to %2").arg(temporary, path);
    if (!r.ok()) {
        QFile::remove(temporary);
        if (!r.error.isEmpty() && !r.error.startsWith(path))
            r.error = QStringLiteral("%1: %2").arg(path, r.error);
    }
    return r;
}
