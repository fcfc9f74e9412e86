// The Cli commands that bring leads in: preview (what a file holds) and import.
#include "cli.h"

#include "cliarguments.h"
#include "core/io/importpreview.h"

#include "core/io/leadimporter.h"
#include "core/storage/mappingprofilerepository.h"
#include "outputwriter.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

bool Cli::parseDelimiter(const CliArguments &args, QChar *delimiter) {
    if (!args.has(QStringLiteral("delimiter")))
        return true;
    const QString d = args.value(QStringLiteral("delimiter"));
    // A tab is hard to type on a command line: the word and \t say it too. A quote or a line
    // end as the separator would make the quoting itself ambiguous.
    if (d == QLatin1String("tab") || d == QLatin1String("\\t"))
        *delimiter = QLatin1Char('\t');
    else if (d.size() == 1 && d != QLatin1String("\"") && d != QLatin1String("\n") &&
             d != QLatin1String("\r"))
        *delimiter = d.at(0);
    else
        return usage(QStringLiteral("--delimiter: \"%1\" is not one character such as , ; | or tab")
                         .arg(d)),
               false;
    return true;
}

bool Cli::parseImportOptions(const Database &db, const CliArguments &args, ImportOptions *options) {
    auto bad = [this](const QString &problem) {
        usage(problem);
        return false;
    };
    const QString formatName = args.value(QStringLiteral("format"), QStringLiteral("auto"));
    if (!ImportFormat::parse(formatName, &options->format))
        return bad(
            QStringLiteral("--format: \"%1\" is not auto, csv, xlsx or json").arg(formatName));
    const QString encodingName = args.value(QStringLiteral("encoding"), QStringLiteral("auto"));
    if (!TextEncoding::parse(encodingName, &options->encoding))
        return bad(QStringLiteral("--encoding: \"%1\" is not utf-8, utf-16, windows-1252 or auto")
                       .arg(encodingName));
    if (!parseDelimiter(args, &options->delimiter))
        return false;
    options->sheet = args.value(QStringLiteral("sheet"));
    const QString duplicates = args.value(QStringLiteral("on-duplicate"), QStringLiteral("merge"));
    if (duplicates == QLatin1String("merge"))
        options->onDuplicate = ImportOptions::OnDuplicate::Merge;
    else if (duplicates == QLatin1String("skip"))
        options->onDuplicate = ImportOptions::OnDuplicate::Skip;
    else
        return bad(QStringLiteral("--on-duplicate: \"%1\" is not merge or skip").arg(duplicates));
    options->dryRun = args.has(QStringLiteral("dry-run"));

    const QString mapping = args.value(QStringLiteral("mapping"), QStringLiteral("auto"));
    if (mapping == QLatin1String("auto"))
        return true;
    if (mapping.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        QFile file(mapping);
        if (!file.open(QIODevice::ReadOnly))
            return bad(
                QStringLiteral("--mapping: cannot open %1: %2").arg(mapping, file.errorString()));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (!doc.isObject())
            return bad(QStringLiteral("--mapping: %1 is not a mapping profile (a JSON object): %2")
                           .arg(mapping, error.errorString()));
        options->profile = doc.object();
        return true;
    }
    if (!openDatabase(db, Access::ReadExisting))
        return false;
    MappingProfileRepository profiles(db);
    const std::optional<QJsonObject> profile = profiles.profile(mapping);
    if (!profile) {
        const QString why = profiles.lastError();
        const QStringList names = profiles.names();
        return bad(QStringLiteral("--mapping: %1; the saved profiles are: %2")
                       .arg(why, names.isEmpty() ? QStringLiteral("none")
                                                 : names.join(QStringLiteral(", "))));
    }
    options->profile = *profile;
    return true;
}

int Cli::preview(const Database &db, const CliArguments &args) {
    ImportOptions options;
    if (!parseImportOptions(db, args, &options))
        return Usage;
    bool ok = false;
    const int rows = args.value(QStringLiteral("rows"), QStringLiteral("10")).toInt(&ok);
    if (!ok || rows < 0)
        return usage(QStringLiteral("--rows: \"%1\" is not a number of records")
                         .arg(args.value(QStringLiteral("rows"))));
    const ImportPreview p = ImportPreview::read(args.positionals().first(), options, rows);
    OutputWriter::writeJson(m_out, p.toJson(), OutputWriter::JsonStyle::Indented);
    // A file that is not there is a runtime failure, as for import; one that is there but
    // cannot be used is rejected input.
    const QString path = args.positionals().first();
    if (!p.fatal.isEmpty())
        return fail(p.fatal,
                    path == QLatin1String("-") || QFileInfo::exists(path) ? Usage : Failure);
    return Ok;
}

int Cli::importLeads(const Database &db, const CliArguments &args) {
    ImportOptions options;
    if (!parseImportOptions(db, args, &options))
        return Usage;
    const QStringList files = args.positionals();
    if (args.has(QStringLiteral("save-mapping")) &&
        args.value(QStringLiteral("save-mapping")).trimmed().isEmpty())
        return usage(QStringLiteral("--save-mapping: the profile needs a name"));
    LeadImporter importer(db, actor());
    importer.setOptions(options);
    // A file that cannot be opened is reported before the database is created or touched.
    ImportSummary s;
    for (const QString &path : files) {
        QFile file(path);
        if (path != QLatin1String("-") && !file.open(QIODevice::ReadOnly)) {
            s.fatal = QStringLiteral("%1: cannot open: %2").arg(path, file.errorString());
            s.failure = ImportSummary::Failure::Storage;
            break;
        }
    }
    if (s.fatal.isEmpty()) {
        if (!openDatabase(db, Access::Create))
            return Failure;
        s = importer.importFiles(files);
    }
    for (const QString &w : std::as_const(s.warnings))
        m_err << "leadbench-cli: warning: " << w << '\n';
    for (const ImportError &w : std::as_const(s.recordWarningList))
        m_err << "leadbench-cli: warning: " << w.file << ": line " << w.line << ": " << w.message
              << '\n';
    if (s.recordWarnings > s.recordWarningList.size())
        m_err << "leadbench-cli: warning: " << s.recordWarnings - s.recordWarningList.size()
              << " more records with a warning\n";
    for (const ImportError &e : std::as_const(s.errors))
        m_err << "leadbench-cli: " << e.file << ": line " << e.line << ": " << e.message << '\n';
    if (!s.fatal.isEmpty())
        m_err << "leadbench-cli: error: " << s.fatal << '\n';
    bool saved = true;
    if (s.ok() && args.has(QStringLiteral("save-mapping")) && !options.dryRun) {
        const QString name = args.value(QStringLiteral("save-mapping"));
        MappingProfileRepository profiles(db);
        saved = profiles.save(name, s.mapping.toProfile(name), actor());
        if (!saved)
            m_err << "leadbench-cli: error: --save-mapping: " << profiles.lastError() << '\n';
    }
    OutputWriter::writeJson(m_out, s.toJson(), OutputWriter::JsonStyle::Compact);
    switch (s.failure) {
    case ImportSummary::Failure::Input:
        return Usage;
    case ImportSummary::Failure::Storage:
        return Failure;
    case ImportSummary::Failure::Conflict:
        return Conflict;
    case ImportSummary::Failure::None:
        break;
    }
    if (!saved)
        return Failure;
    return s.rejected > 0 ? Usage : Ok;
}
