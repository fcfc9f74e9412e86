#include "cli.h"

#include "cliarguments.h"
#include "core/domain/followupdestination.h"
#include "core/domain/leadchanges.h"
#include "core/domain/leadcolumns.h"
#include "core/io/leadgenerator.h"
#include "core/io/leadimporter.h"
#include "core/io/leadjson.h"
#include "core/scoring/scoreexplanation.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadrepository.h"
#include "core/storage/migrator.h"
#include "core/storage/scoringmodelrepository.h"
#include "outputwriter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace {

const QString programName = QStringLiteral("leadbench-cli");
// What comes before the command, in a command's usage line.
const QString programSynopsis = QStringLiteral("leadbench-cli [--db PATH|URL] [--timing]");

const QStringList tableColumns = {QStringLiteral("id"),         QStringLiteral("storefront"),
                                  QStringLiteral("stage"),      QStringLiteral("score"),
                                  QStringLiteral("first_name"), QStringLiteral("last_name"),
                                  QStringLiteral("company"),    QStringLiteral("email"),
                                  QStringLiteral("offer_id"),   QStringLiteral("created_at")};

} // namespace

Cli::Cli(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err) {
    m_out.setEncoding(QStringConverter::Utf8);
    m_err.setEncoding(QStringConverter::Utf8);
}

int Cli::usage(const QString &problem) {
    // The problem, the synopsis, and where the rest is: the error stays in view.
    m_err << "leadbench-cli: error: " << problem << '\n';
    if (m_command)
        m_err << "usage: " << programSynopsis << ' ' << m_command->synopsis() << '\n'
              << "Run 'leadbench-cli " << m_command->name
              << " --help' for its options and an example.\n";
    else
        m_err << overview().section(QLatin1Char('\n'), 0, 0) << '\n'
              << "Run 'leadbench-cli --help' for the commands and their options.\n";
    return Usage;
}

int Cli::fail(const QString &message, int code) {
    m_err << "leadbench-cli: error: " << message << '\n';
    return code;
}

bool Cli::openDatabase(const Database &db, Access access) {
    QString error;
    if (access == Access::ReadExisting) {
        // A mistyped path must not quietly become a new, empty database.
        const int version = db.isNewFile() ? 0 : Migrator(db).currentVersion(&error);
        if (version < 0) {
            fail(error);
            return false;
        }
        if (version == 0) {
            fail(QStringLiteral("no Leadbench database at %1: create one with 'leadbench-cli "
                                "--db %2 init'")
                     .arg(db.displayName(), db.location()));
            return false;
        }
    }
    if (!Migrator(db).migrate(&error)) {
        fail(error);
        return false;
    }
    m_work.start();
    return true;
}

int Cli::run(const QStringList &arguments) {
    // Global options come before the command.
    QString location;
    bool timing = false;
    qsizetype i = 0;
    for (; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            m_out << overview();
            return Ok;
        }
        if (a == QLatin1String("--version")) {
            m_out << programName << ' ' << LEADBENCH_VERSION << '\n';
            return Ok;
        }
        if (a == QLatin1String("--db")) {
            if (i + 1 >= arguments.size())
                return usage(QStringLiteral("--db needs a value"));
            location = arguments.at(++i);
        } else if (a == QLatin1String("--timing")) {
            timing = true;
        } else if (a.startsWith(QLatin1String("--db="))) {
            location = a.mid(5);
        } else if (a.startsWith(QLatin1String("-"))) {
            return usage(QStringLiteral("unknown option %1").arg(a));
        } else {
            break;
        }
    }
    if (i >= arguments.size())
        return usage(QStringLiteral("no command given"));
    const CliCommand *command = Cli::command(arguments.at(i));
    if (!command)
        return usage(QStringLiteral("unknown command %1").arg(arguments.at(i)));
    m_command = command;
    const QStringList rest = arguments.mid(i + 1);
    if (rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h"))) {
        m_out << command->help(programSynopsis);
        return Ok;
    }
    CliArguments args;
    QString problem;
    if (!command->parse(rest, &args, &problem))
        return usage(problem);
    Database db;
    if (command->usesDatabase) {
        db = Database::fromLocation(location.isEmpty() ? Database::defaultLocation() : location);
        if (!db.isValid())
            return fail(db.error(), Usage);
    }

    const int code = (this->*command->handler)(db, args);
    if (timing && m_work.isValid())
        m_err << "leadbench-cli: " << command->name << " took "
              << QString::number(m_work.nsecsElapsed() / 1e6, 'f', 1) << " ms\n";
    return code;
}

int Cli::help(const Database &, const CliArguments &args) {
    if (args.positionals().isEmpty()) {
        m_out << overview();
        return Ok;
    }
    const CliCommand *command = Cli::command(args.positionals().first());
    if (!command)
        return usage(QStringLiteral("help: unknown command %1").arg(args.positionals().first()));
    m_out << command->help(programSynopsis);
    return Ok;
}

int Cli::init(const Database &db, const CliArguments &) {
    QString error;
    const int before = Migrator(db).currentVersion(&error);
    if (before < 0)
        return fail(error);
    if (!openDatabase(db, Access::Create))
        return Failure;
    m_err << "leadbench-cli: " << db.displayName() << " is at schema version "
          << Migrator::latestVersion() << (before == Migrator::latestVersion() ? " (already)" : "")
          << '\n';
    return Ok;
}

int Cli::generate(const Database &db, const CliArguments &args) {
    bool ok = false;
    const qint64 count = args.value(QStringLiteral("count")).toLongLong(&ok);
    if (!ok || count < 1)
        return usage(QStringLiteral("generate needs --count N with N a positive whole number"));
    quint64 seed = 1;
    if (args.has(QStringLiteral("seed"))) {
        seed = args.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return usage(QStringLiteral("--seed: \"%1\" is not a whole number")
                             .arg(args.value(QStringLiteral("seed"))));
    }
    LeadGenerator generator(db);
    if (args.has(QStringLiteral("end"))) {
        const QDateTime end = parseDate(args.value(QStringLiteral("end")), false);
        if (!end.isValid())
            return usage(QStringLiteral("--end: \"%1\" is not a date")
                             .arg(args.value(QStringLiteral("end"))));
        generator.setEnd(end);
    }
    if (!openDatabase(db, Access::Create))
        return Failure;
    QElapsedTimer timer;
    timer.start();
    const GenerateResult r = generator.generate(count, seed);
    if (!r.ok)
        return fail(r.error);
    OutputWriter::writeJson(m_out,
                            {{QStringLiteral("generated"), r.generated},
                             {QStringLiteral("seed"), QString::number(seed)},
                             {QStringLiteral("seconds"), timer.elapsed() / 1000.0}},
                            OutputWriter::JsonStyle::Compact);
    return Ok;
}

int Cli::list(const Database &db, const CliArguments &args) {
    LeadFilter filter;
    if (!parseFilter(args, &filter))
        return Usage;
    const QString formatName = args.value(QStringLiteral("format"), QStringLiteral("table"));
    OutputWriter::Format format;
    if (!OutputWriter::parseFormat(formatName, &format))
        return usage(QStringLiteral("--format: \"%1\" is not table, csv or json").arg(formatName));
    QStringList columns = format == OutputWriter::Format::Table ? tableColumns : LeadColumns::all();
    if (!parseColumns(args, &columns))
        return Usage;
    LeadSort sort;
    if (!parseSort(args, &sort))
        return Usage;
    qint64 limit = -1;
    qint64 offset = 0;
    bool ok = true;
    if (args.has(QStringLiteral("limit"))) {
        limit = args.value(QStringLiteral("limit")).toLongLong(&ok);
        if (!ok || limit < 0)
            return usage(QStringLiteral("--limit: \"%1\" is not a count")
                             .arg(args.value(QStringLiteral("limit"))));
    }
    if (args.has(QStringLiteral("offset"))) {
        offset = args.value(QStringLiteral("offset")).toLongLong(&ok);
        if (!ok || offset < 0)
            return usage(QStringLiteral("--offset: \"%1\" is not a count")
                             .arg(args.value(QStringLiteral("offset"))));
    }
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;

    LeadRepository repo(db);
    OutputWriter writer(m_out, format, columns);
    // Large lists stream in keyset pages; --offset starts with one offset page.
    const int pageSize = 1000;
    qint64 remaining = limit;
    std::optional<LeadCursor> cursor;
    bool first = true;
    while (remaining != 0) {
        const int want = remaining < 0 ? pageSize : int(std::min<qint64>(remaining, pageSize));
        const QList<Lead> page = first && offset > 0
                                     ? repo.list(filter, sort, want, offset)
                                     : repo.page(filter, sort, cursor ? &*cursor : nullptr, want);
        if (!repo.lastError().isEmpty())
            return fail(repo.lastError());
        first = false;
        writer.writePage(page);
        if (remaining > 0)
            remaining -= page.size();
        if (page.size() < want)
            break;
        cursor = LeadRepository::cursorAfter(page.last(), sort);
    }
    writer.finish();
    return Ok;
}

int Cli::show(const Database &db, const CliArguments &args) {
    bool ok = false;
    const qint64 id = args.positionals().first().toLongLong(&ok);
    if (!ok || id < 1)
        return usage(
            QStringLiteral("show: \"%1\" is not a lead id").arg(args.positionals().first()));
    const QString format = args.value(QStringLiteral("format"), QStringLiteral("text"));
    if (format != QLatin1String("json") && format != QLatin1String("text"))
        return usage(QStringLiteral("--format: \"%1\" is not text or json").arg(format));
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    LeadRepository repo(db);
    const std::optional<Lead> lead = repo.lead(id);
    if (!lead)
        return fail(repo.lastError().isEmpty() ? missingLead(db, id) : repo.lastError());
    const LeadHistory history(db);
    const QList<LeadEvent> events = history.events(id);
    if (!history.lastError().isEmpty())
        return fail(history.lastError());
    const QList<Activity> activities = history.activities(id);
    if (!history.lastError().isEmpty())
        return fail(history.lastError());
    if (format == QLatin1String("json")) {
        QJsonObject o = LeadJson::storedLead(*lead);
        QJsonArray ev, ac;
        for (const LeadEvent &e : events)
            ev.append(LeadJson::event(e));
        for (const Activity &a : activities)
            ac.append(LeadJson::activity(a));
        o.insert(QStringLiteral("marketplace_events"), ev); // "events" is the count column
        o.insert(QStringLiteral("activities"), ac);
        const QDateTime handedOver =
            FollowUpDestinations::handedOverAt(lead->destination, activities);
        o.insert(QStringLiteral("handed_over_at"), handedOver.isValid()
                                                       ? QJsonValue(LeadColumns::isoUtc(handedOver))
                                                       : QJsonValue(QJsonValue::Null));
        // The explanation in the words of the model that scored the lead.
        if (lead->scoreModelVersion > 0) {
            ScoringModelRepository models(db);
            if (const std::optional<ScoringModel> model = models.model(lead->scoreModelVersion))
                o.insert(QStringLiteral("score_explanation"),
                         ScoreExplanation::toJson(
                             ScoreExplanation::fromText(lead->scoreExplanation, &*model)));
        }
        OutputWriter::writeJson(m_out, o, OutputWriter::JsonStyle::Indented);
        return Ok;
    }
    for (const QString &c : LeadColumns::all())
        m_out << OutputWriter::cell(c, 19) << LeadColumns::text(*lead, c) << '\n';
    m_out << OutputWriter::cell(QStringLiteral("privacy_restricted"), 19)
          << (lead->privacyRestricted ? "true" : "false") << '\n'
          << OutputWriter::cell(QStringLiteral("version"), 19) << lead->version << '\n'
          << OutputWriter::cell(QStringLiteral("handed_over_at"), 19)
          << LeadColumns::isoUtc(FollowUpDestinations::handedOverAt(lead->destination, activities))
          << "\n\nevents:\n";
    for (const LeadEvent &e : events)
        m_out << "  " << LeadColumns::isoUtc(e.occurredAt) << "  " << e.leadSource << "  "
              << e.channel << '\n';
    m_out << "\nactivities:\n";
    for (const Activity &a : activities)
        m_out << "  " << LeadColumns::isoUtc(a.at) << "  " << a.actor << "  "
              << ActivityKinds::canonicalName(a.kind) << "  " << a.field
              << (a.field.isEmpty() ? "" : ": ") << LeadColumns::valueText(a.oldValue)
              << (a.field.isEmpty() ? "" : " -> ") << LeadColumns::valueText(a.newValue) << "  "
              << a.note << '\n';
    return Ok;
}

int Cli::stats(const Database &db, const CliArguments &args) {
    LeadFilter filter;
    if (!parseFilter(args, &filter))
        return Usage;
    const QString format = args.value(QStringLiteral("format"), QStringLiteral("json"));
    if (format != QLatin1String("json") && format != QLatin1String("table"))
        return usage(QStringLiteral("--format: \"%1\" is not json or table").arg(format));
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    LeadRepository repo(db);
    const std::optional<LeadStats> s = repo.stats(filter);
    if (!s)
        return fail(repo.lastError());
    if (format == QLatin1String("json")) {
        OutputWriter::writeJson(m_out, LeadJson::stats(*s), OutputWriter::JsonStyle::Indented);
        return Ok;
    }
    m_out << OutputWriter::cell(QStringLiteral("total"), 24) << s->total << '\n';
    for (const auto &[title, map] :
         {std::pair{"storefront", &s->byStorefront}, std::pair{"stage", &s->byStage},
          std::pair{"action", &s->byAction}}) {
        m_out << '\n' << title << ":\n";
        for (auto it = map->cbegin(); it != map->cend(); ++it)
            m_out << "  "
                  << OutputWriter::cell(it.key().isEmpty() ? QStringLiteral("(none)") : it.key(),
                                        22)
                  << it.value() << '\n';
    }
    return Ok;
}

int Cli::count(const Database &db, const CliArguments &args) {
    LeadFilter filter;
    if (!parseFilter(args, &filter))
        return Usage;
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    LeadRepository repo(db);
    const qint64 n = repo.count(filter);
    if (n < 0)
        return fail(repo.lastError());
    OutputWriter::writeJson(m_out, {{QStringLiteral("count"), n}},
                            OutputWriter::JsonStyle::Compact);
    return Ok;
}
