#include "leadexporter.h"

#include "../domain/lead.h"
#include "../domain/leadcolumns.h"
#include "../storage/leadquery.h"
#include "crmexportlayout.h"
#include "csvwriter.h"
#include "xlsxleadwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QThread>

#include <cstdio>
#include <optional>

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

// Writes CSV rows to a device: cells are escaped straight into one text buffer, which is
// encoded and written in large blocks.
class CsvSink {
public:
    CsvSink(QIODevice *device, const LeadExporter::Options &options)
        : m_device(device)
        , m_bom(options.bom) {
        m_style.delimiter = options.delimiter;
        m_buffer.reserve(flushAt + 4096);
    }

    bool header(const QStringList &cells) {
        if (m_bom)
            m_buffer += QChar(0xFEFF);
        for (qsizetype i = 0; i < cells.size(); ++i)
            cell(i, cells.at(i), false);
        return endRow() && flush();
    }
    // One cell of the current row; `typedText` for text a person typed, which a spreadsheet
    // must not run as a formula.
    void cell(qsizetype column, QStringView text, bool typedText) {
        if (column > 0)
            m_buffer += m_style.delimiter;
        CsvWriter::appendEscaped(m_buffer, text, m_style, typedText);
    }
    bool endRow() {
        m_buffer += QLatin1String("\r\n");
        return m_buffer.size() < flushAt || flush();
    }
    bool flush() {
        const QByteArray bytes = m_buffer.toUtf8();
        m_buffer.clear();
        return m_device->write(bytes) == bytes.size();
    }

private:
    static constexpr qsizetype flushAt = 1 << 20;
    QIODevice *m_device;
    bool m_bom;
    CsvWriter::Style m_style;
    QString m_buffer;
};

// The stored cell of a canonical column as the export writes it: stored times are ISO 8601
// UTC already, and storefronts and stages their canonical names.
void storedCell(CsvSink &sink, qsizetype column, const QVariant &value, LeadColumns::Type type) {
    switch (type) {
    case LeadColumns::Type::Flag:
        sink.cell(column, value.toInt() ? u"true" : u"false", false);
        return;
    case LeadColumns::Type::Real:
        sink.cell(column, QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest),
                  false);
        return;
    case LeadColumns::Type::Integer:
        sink.cell(column, QString::number(value.toLongLong()), false);
        return;
    case LeadColumns::Type::Text:
        sink.cell(column, value.toString(), true);
        return;
    case LeadColumns::Type::Time:
    case LeadColumns::Type::Storefront:
    case LeadColumns::Type::Stage:
        sink.cell(column, value.toString(), false);
        return;
    }
}

QString writeError(QIODevice *device) {
    return QStringLiteral("cannot write: %1").arg(device->errorString());
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

LeadExporter::Result
LeadExporter::eachRow(const LeadFilter &filter, const LeadSort &sort, const QStringList &columns,
                      const std::function<bool(const QSqlQuery &, QString *)> &row) {
    Result result;
    if (!LeadQuery::isSortable(sort.column)) {
        result.error = QStringLiteral("cannot sort: unknown column %1").arg(sort.column);
        return result;
    }
    if (const QString unknown = unknownColumn(columns); !unknown.isEmpty()) {
        result.error = QStringLiteral("unknown column %1").arg(unknown);
        return result;
    }
    auto failed = [&result](const QSqlQuery &query) {
        result.error = QStringLiteral("cannot read the leads: %1").arg(query.lastError().text());
        return result;
    };
    auto run = [](QSqlQuery &query, const QString &sql, const QVariantList &binds) {
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return false;
        for (const QVariant &v : binds)
            query.addBindValue(v);
        return query.exec();
    };
    const LeadQuery sql(m_db.backend());
    if (m_db.backend() == Database::Backend::Sqlite)
        return eachSortedRow(filter, sort, columns, row);
    // PostgreSQL: the order first, as ids alone, then the rows page by page in that order.
    // Keyset pages would sort the rest of the table again for every page of a sort no index
    // gives (test leads included).
    QList<qint64> ids;
    {
        QSqlQuery query(m_db.connection());
        QVariantList binds;
        if (!run(query, sql.ids(filter, sort, &binds), binds))
            return failed(query);
        while (query.next())
            ids << query.value(0).toLongLong();
        if (query.lastError().isValid())
            return failed(query);
    }
    const qint64 total = ids.size();
    if (m_progress)
        m_progress(0, total);
    const qsizetype pageSize = std::max(1, m_pageSize);
    // One statement for every page: only its one bound value, the page's ids, changes.
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql.rowsOf(columns)))
        return failed(query);
    for (qsizetype from = 0; from < ids.size(); from += pageSize) {
        if (cancelled()) {
            result.cancelled = true;
            return result;
        }
        query.bindValue(0, sql.idList(ids.mid(from, pageSize)));
        if (!query.exec())
            return failed(query);
        while (query.next()) {
            if (!row(query, &result.error))
                return result;
            ++result.rows;
        }
        if (query.lastError().isValid())
            return failed(query);
        if (m_progress)
            m_progress(result.rows, std::max(total, result.rows));
    }
    return result;
}

LeadExporter::Result
LeadExporter::eachSortedRow(const LeadFilter &filter, const LeadSort &sort,
                            const QStringList &columns,
                            const std::function<bool(const QSqlQuery &, QString *)> &row) {
    Result result;
    const LeadQuery sql(m_db.backend());
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    auto failed = [&result, &query]() {
        result.error = QStringLiteral("cannot read the leads: %1").arg(query.lastError().text());
        return result;
    };
    QVariantList binds;
    if (!query.prepare(QStringLiteral("SELECT count(*) FROM leads") + sql.where(filter, &binds)))
        return failed();
    for (const QVariant &v : std::as_const(binds))
        query.addBindValue(v);
    if (!query.exec() || !query.next())
        return failed();
    const qint64 total = query.value(0).toLongLong();
    query.finish();
    if (m_progress)
        m_progress(0, total);
    // The sort spills to temporary files in sorted runs, not to memory as the connection's
    // short sorts do; helper threads sort the runs on the other cores.
    query.exec(QStringLiteral("PRAGMA temp_store=FILE"));
    query.exec(QStringLiteral("PRAGMA threads=%1").arg(std::min(QThread::idealThreadCount(), 4)));
    const auto restore = qScopeGuard(
        [this] { QSqlQuery(m_db.connection()).exec(QStringLiteral("PRAGMA temp_store=MEMORY")); });
    binds.clear();
    if (!query.prepare(sql.sortedRows(filter, sort, columns, &binds)))
        return failed();
    for (const QVariant &v : std::as_const(binds))
        query.addBindValue(v);
    if (!query.exec())
        return failed();
    const qint64 every = std::max(1, m_pageSize);
    while (query.next()) {
        if (!row(query, &result.error))
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
    if (query.lastError().isValid())
        return failed();
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
        r = eachRow(filter, sort, source, [&](const QSqlQuery &query, QString *error) {
            Lead lead;
            for (qsizetype i = 0; i < source.size(); ++i)
                LeadColumns::setValue(lead, source.at(i), query.value(int(i)));
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
        r = eachRow(filter, sort, columns, [&](const QSqlQuery &query, QString *error) {
            for (qsizetype i = 0; i < types.size(); ++i)
                storedCell(sink, i, query.value(int(i)), types.at(i));
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
            r = eachRow(filter, sort, columnsOf(options),
                        [&](const QSqlQuery &query, QString *error) {
                            if (writer.writeStored(query))
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
