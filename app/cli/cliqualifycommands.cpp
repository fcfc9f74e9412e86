// The Cli commands that take a lead from qualification to opportunity: qualify, convert,
// disqualify, each printing the lead as it is now, as JSON, like set; and prerequisites, the
// team's qualification checklist.
#include "cli.h"

#include "cliarguments.h"
#include "core/domain/opportunitydetails.h"
#include "core/io/leadjson.h"
#include "core/storage/leadqualifier.h"
#include "core/storage/prerequisitestore.h"
#include "outputwriter.h"

#include <QTextStream>

bool Cli::parseIfVersion(const CliArguments &args, qint64 *version) {
    *version = 0;
    if (!args.has(QStringLiteral("if-version")))
        return true;
    bool ok = false;
    *version = args.value(QStringLiteral("if-version")).toLongLong(&ok);
    if (!ok || *version < 1) {
        usage(QStringLiteral("--if-version: \"%1\" is not a version")
                  .arg(args.value(QStringLiteral("if-version"))));
        return false;
    }
    return true;
}

int Cli::reportStep(const Database &db, const UpdateResult &r, qint64 expected) {
    switch (r.status) {
    case UpdateResult::Status::Updated:
        OutputWriter::writeJson(m_out, LeadJson::storedLead(*r.lead),
                                OutputWriter::JsonStyle::Indented);
        return Ok;
    case UpdateResult::Status::Conflict:
        // Theirs on stdout, to compare with what was meant.
        if (r.lead)
            OutputWriter::writeJson(m_out, LeadJson::storedLead(*r.lead),
                                    OutputWriter::JsonStyle::Indented);
        return fail(QStringLiteral("lead %1 was changed by someone else: it is at version %2%3; "
                                   "nothing was changed")
                        .arg(r.id)
                        .arg(r.lead ? r.lead->version : 0)
                        .arg(expected ? QStringLiteral(", not %1").arg(expected) : QString()),
                    Conflict);
    case UpdateResult::Status::Invalid:
        // The policy's refusals name the lead; a column's problem does not.
        return fail(r.error.startsWith(QStringLiteral("lead "))
                        ? r.error
                        : QStringLiteral("lead %1 not changed: %2").arg(r.id).arg(r.error),
                    Usage);
    case UpdateResult::Status::NotFound:
        return fail(missingLead(db, r.id));
    case UpdateResult::Status::Failed:
        return fail(r.error);
    }
    return Failure;
}

int Cli::qualify(const Database &db, const CliArguments &args) {
    QList<qint64> ids;
    qint64 expected = 0;
    if (!parseIds(args, &ids) || !parseIfVersion(args, &expected))
        return Usage;
    QStringList items;
    for (const QString &item :
         args.value(QStringLiteral("check")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    const bool checkOnly = args.has(QStringLiteral("check-only"));
    if (checkOnly && items.isEmpty())
        return usage(QStringLiteral("--check-only needs --check with the items to tick, such as "
                                    "--check budget,need"));
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    LeadQualifier qualifier(db);
    return reportStep(db,
                      checkOnly ? qualifier.tick(ids.first(), expected, items, actor())
                                : qualifier.qualify(ids.first(), expected, items, actor()),
                      expected);
}

int Cli::convert(const Database &db, const CliArguments &args) {
    QList<qint64> ids;
    qint64 expected = 0;
    if (!parseIds(args, &ids) || !parseIfVersion(args, &expected))
        return Usage;
    QStringList problems;
    const OpportunityDetails details = OpportunityDetails::fromText(
        args.value(QStringLiteral("value")), args.value(QStringLiteral("currency")),
        args.value(QStringLiteral("close-date")), args.value(QStringLiteral("destination")),
        &problems);
    if (!problems.isEmpty())
        return usage(problems.join(QStringLiteral("; ")));
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    return reportStep(db, LeadQualifier(db).convert(ids.first(), expected, details, actor()),
                      expected);
}

int Cli::disqualify(const Database &db, const CliArguments &args) {
    QList<qint64> ids;
    qint64 expected = 0;
    if (!parseIds(args, &ids) || !parseIfVersion(args, &expected))
        return Usage;
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    return reportStep(db,
                      LeadQualifier(db).disqualify(ids.first(), expected,
                                                   args.value(QStringLiteral("reason")),
                                                   args.value(QStringLiteral("text")), actor()),
                      expected);
}

int Cli::prerequisites(const Database &db, const CliArguments &args) {
    const QString format = args.value(QStringLiteral("format"), QStringLiteral("json"));
    if (format != QLatin1String("json") && format != QLatin1String("table"))
        return usage(QStringLiteral("--format: \"%1\" is not json or table").arg(format));
    if (args.has(QStringLiteral("set")) && args.has(QStringLiteral("reset")))
        return usage(QStringLiteral("--set and --reset cannot be combined"));
    QList<QualificationPolicy::Prerequisite> wanted;
    for (const QString &pair :
         args.value(QStringLiteral("set")).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq < 0)
            return usage(QStringLiteral("--set: \"%1\" is not ITEM=Label").arg(pair.trimmed()));
        wanted.append({pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed()});
    }
    if (args.has(QStringLiteral("set"))) {
        const QString problem = QualificationPolicy::checkPrerequisites(wanted);
        if (!problem.isEmpty())
            return usage(QStringLiteral("--set: %1").arg(problem));
    }
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    PrerequisiteStore store(db);
    if (args.has(QStringLiteral("set")) && !store.save(wanted))
        return fail(store.lastError());
    if (args.has(QStringLiteral("reset")) && !store.reset())
        return fail(store.lastError());
    const std::optional<QualificationPolicy> policy = store.policy();
    if (!policy)
        return fail(store.lastError());
    QList<OutputWriter::Record> records;
    for (const QualificationPolicy::Prerequisite &p : policy->prerequisites())
        records << OutputWriter::Record{
            {{QStringLiteral("item"), p.item}, {QStringLiteral("label"), p.label}},
            {p.item, p.label}};
    OutputWriter writer(m_out,
                        format == QLatin1String("json") ? OutputWriter::Format::Json
                                                        : OutputWriter::Format::Table,
                        {QStringLiteral("item"), QStringLiteral("label")});
    writer.writeRecords(records);
    writer.finish();
    return Ok;
}
