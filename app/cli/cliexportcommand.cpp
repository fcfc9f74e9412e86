// The Cli command that writes leads to a file: export, to CSV or Excel.
#include "cli.h"

#include "cliarguments.h"
#include "core/domain/leadcolumns.h"
#include "core/io/leadexporter.h"
#include "core/storage/leadfilter.h"
#include "outputwriter.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <optional>

int Cli::exportLeads(const Database &db, const CliArguments &args) {
    const QString out = args.positionals().first();
    const bool toStdout = out == QLatin1String("-");
    QString formatName = args.value(QStringLiteral("format"));
    if (formatName.isEmpty())
        formatName = !toStdout && QFileInfo(out).suffix().compare(QLatin1String("xlsx"),
                                                                  Qt::CaseInsensitive) == 0
                         ? QStringLiteral("xlsx")
                         : QStringLiteral("csv");
    LeadExporter::Options options;
    const std::optional<LeadExporter::Format> format = LeadExporter::formatFromName(formatName);
    if (!format)
        return usage(QStringLiteral("--format: \"%1\" is not csv, xlsx, salesforce or dynamics")
                         .arg(formatName));
    options.format = *format;
    formatName = LeadExporter::formatName(*format);
    if (toStdout && options.format == LeadExporter::Format::Xlsx)
        return usage(QStringLiteral("an Excel workbook cannot go to standard output: name a "
                                    "file, or use --format csv"));
    // A CRM's import reads its own columns; a file without some of them would not import.
    if (LeadExporter::isCrmLayout(options.format) && args.has(QStringLiteral("columns")))
        return usage(QStringLiteral("--columns: the %1 layout has fixed columns; use --format "
                                    "csv to choose columns")
                         .arg(formatName));
    if (!parseDelimiter(args, &options.delimiter))
        return Usage;
    options.bom = !args.has(QStringLiteral("no-bom"));
    LeadFilter filter;
    if (!parseFilter(args, &filter))
        return Usage;
    options.columns = LeadColumns::all();
    if (!parseColumns(args, &options.columns))
        return Usage;
    LeadSort sort;
    if (!parseSort(args, &sort))
        return Usage;
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;

    LeadExporter exporter(db);
    LeadExporter::Result r;
    if (toStdout) {
        m_out.flush();
        QFile stdoutFile;
        if (!stdoutFile.open(fileno(stdout), QIODevice::WriteOnly, QFileDevice::DontCloseHandle))
            return fail(QStringLiteral("cannot write to standard output: %1")
                            .arg(stdoutFile.errorString()));
        r = exporter.exportCsv(filter, sort, options, &stdoutFile);
        stdoutFile.flush();
    } else {
        options.title =
            QStringLiteral("Leadbench leads: %1").arg(QFileInfo(out).completeBaseName());
        r = exporter.exportToFile(filter, sort, options, out);
    }
    if (!r.ok())
        return fail(r.error.isEmpty() ? QStringLiteral("export cancelled") : r.error);
    if (!toStdout)
        OutputWriter::writeJson(m_out,
                                {{QStringLiteral("exported"), r.rows},
                                 {QStringLiteral("file"), out},
                                 {QStringLiteral("format"), formatName}},
                                OutputWriter::JsonStyle::Compact);
    return Ok;
}
