#include "cli.h"

#include "cliarguments.h"
#include "core/domain/leadcolumns.h"
#include "core/io/csvwriter.h"
#include "core/io/leadgenerator.h"
#include "core/io/leadimporter.h"
#include "core/io/leadjson.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadrepository.h"
#include "core/storage/migrator.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimeZone>

namespace {

const char usageText[] =
    "usage: leadbench-cli [--db PATH|postgresql://user@host:port/db] COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  init                          create or migrate the database\n"
    "  generate --count N [--seed S] [--end DATE]\n"
    "                                add N realistic synthetic leads (deterministic per seed)\n"
    "  import FILE                   import marketplace leads from CSV; prints a JSON summary\n"
    "  list [filters] [--format csv|json|table] [--columns a,b] [--sort col[:desc]]\n"
    "       [--limit N] [--offset N] list leads\n"
    "  show ID [--format text|json]  a lead with its events and activities\n"
    "  stats [--format json|table]   counts per storefront, stage and action\n"
    "  count [filters]               the number of matching leads, as JSON\n"
    "\n"
    "filters: --storefront S --stage S --owner O --offer ID --action A --search TEXT\n"
    "         --min-score N --since DATE --until DATE --include-test\n"
    "\n"
    "--timing (before the command) reports on stderr how long the command took once the\n"
    "database was open.\n"
    "The database is --db, else $LEADBENCH_DB, else the per-user data directory.\n"
    "Exit status: 0 success, 1 runtime failure, 2 bad usage or rejected input, 3 conflict.\n";

const QSet<QString> filterOptions = {
    QStringLiteral("storefront"), QStringLiteral("stage"),  QStringLiteral("owner"),
    QStringLiteral("offer"),      QStringLiteral("action"), QStringLiteral("search"),
    QStringLiteral("min-score"),  QStringLiteral("since"),  QStringLiteral("until")};

const QStringList tableColumns = {QStringLiteral("id"),         QStringLiteral("storefront"),
                                  QStringLiteral("stage"),      QStringLiteral("score"),
                                  QStringLiteral("first_name"), QStringLiteral("last_name"),
                                  QStringLiteral("company"),    QStringLiteral("email"),
                                  QStringLiteral("offer_id"),   QStringLiteral("created_at")};

// Date-only values cover the whole day: --until 2025-06-30 includes June 30th.
QDateTime parseDate(const QString &text, bool endOfDay) {
    const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (date.isValid() && text.trimmed().size() == 10)
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), QTimeZone::utc());
    return LeadColumns::parseIsoUtc(text);
}

QString pad(const QString &text, qsizetype width) {
    QString t = text;
    t.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (t.size() > width)
        t = t.left(width - 1) + QChar(0x2026);
    return t.leftJustified(width);
}

// One cell of a text table: padded and followed by a space, or ending the line unpadded.
QString tableCell(const QString &text, qsizetype width, bool last) {
    return last ? pad(text, width).trimmed() + QLatin1Char('\n')
                : pad(text, width) + QLatin1Char(' ');
}

} // namespace

Cli::Cli(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err) {
    m_out.setEncoding(QStringConverter::Utf8);
    m_err.setEncoding(QStringConverter::Utf8);
}

int Cli::usage(const QString &problem) {
    if (problem.isEmpty()) {
        m_err << usageText;
        return Usage;
    }
    // The problem, the synopsis, and where the rest is: the error stays in view.
    const QString text = QString::fromUtf8(usageText);
    m_err << "leadbench-cli: error: " << problem << '\n'
          << text.left(text.indexOf(QLatin1Char('\n')) + 1)
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
            m_out << usageText;
            return Ok;
        }
        if (a == QLatin1String("--version")) {
            m_out << "leadbench-cli " << LEADBENCH_VERSION << '\n';
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
    const QString command = arguments.at(i);
    const QStringList rest = arguments.mid(i + 1);
    if (command == QLatin1String("help") || rest.contains(QLatin1String("--help"))) {
        m_out << usageText;
        return Ok;
    }
    const Database db =
        Database::fromLocation(location.isEmpty() ? Database::defaultLocation() : location);
    if (!db.isValid())
        return fail(db.error(), Usage);

    CliArguments args;
    auto accept = [&](QSet<QString> valued, const QSet<QString> &flags, int positionals) {
        if (!args.parse(rest, valued, flags)) {
            usage(args.error());
            return false;
        }
        if (args.positionals().size() != positionals) {
            usage(
                positionals == 0
                    ? QStringLiteral("%1 takes no argument %2")
                          .arg(command, args.positionals().value(0))
                    : QStringLiteral("%1 needs exactly %2 argument").arg(command).arg(positionals));
            return false;
        }
        return true;
    };

    const int code = dispatch(command, db, accept, args);
    if (timing && m_work.isValid())
        m_err << "leadbench-cli: " << command << " took "
              << QString::number(m_work.nsecsElapsed() / 1e6, 'f', 1) << " ms\n";
    return code;
}

template <typename Accept>
int Cli::dispatch(const QString &command, const Database &db, Accept &accept,
                  const CliArguments &args) {
    if (command == QLatin1String("init"))
        return accept({}, {}, 0) ? init(db) : Usage;
    if (command == QLatin1String("generate"))
        return accept({QStringLiteral("count"), QStringLiteral("seed"), QStringLiteral("end")}, {},
                      0)
                   ? generate(db, args)
                   : Usage;
    if (command == QLatin1String("import"))
        return accept({}, {}, 1) ? importCsv(db, args) : Usage;
    if (command == QLatin1String("list")) {
        QSet<QString> valued = filterOptions;
        valued += {QStringLiteral("format"), QStringLiteral("columns"), QStringLiteral("sort"),
                   QStringLiteral("limit"), QStringLiteral("offset")};
        return accept(valued, {QStringLiteral("include-test")}, 0) ? list(db, args) : Usage;
    }
    if (command == QLatin1String("show"))
        return accept({QStringLiteral("format")}, {}, 1) ? show(db, args) : Usage;
    if (command == QLatin1String("stats")) {
        QSet<QString> valued = filterOptions;
        valued += QStringLiteral("format");
        return accept(valued, {QStringLiteral("include-test")}, 0) ? stats(db, args) : Usage;
    }
    if (command == QLatin1String("count"))
        return accept(filterOptions, {QStringLiteral("include-test")}, 0) ? count(db, args) : Usage;
    return usage(QStringLiteral("unknown command %1").arg(command));
}

bool Cli::parseFilter(const CliArguments &args, LeadFilter *f) {
    if (args.has(QStringLiteral("storefront"))) {
        Storefront s;
        if (!Storefronts::fromCanonicalName(args.value(QStringLiteral("storefront")), &s)) {
            usage(QStringLiteral("--storefront: unknown storefront \"%1\" (appsource, "
                                 "azure-marketplace, azure-portal, other)")
                      .arg(args.value(QStringLiteral("storefront"))));
            return false;
        }
        f->storefront = s;
    }
    if (args.has(QStringLiteral("stage"))) {
        Stage s;
        if (!Stages::fromCanonicalName(args.value(QStringLiteral("stage")), &s)) {
            QStringList names;
            for (Stage st : Stages::all())
                names << Stages::canonicalName(st);
            usage(QStringLiteral("--stage: unknown stage \"%1\" (%2)")
                      .arg(args.value(QStringLiteral("stage")), names.join(QStringLiteral(", "))));
            return false;
        }
        f->stage = s;
    }
    f->owner = args.value(QStringLiteral("owner"));
    f->offerId = args.value(QStringLiteral("offer"));
    f->action = args.value(QStringLiteral("action"));
    f->search = args.value(QStringLiteral("search"));
    if (args.has(QStringLiteral("min-score"))) {
        bool ok = false;
        const int score = args.value(QStringLiteral("min-score")).toInt(&ok);
        if (!ok) {
            usage(QStringLiteral("--min-score: \"%1\" is not a whole number")
                      .arg(args.value(QStringLiteral("min-score"))));
            return false;
        }
        f->minScore = score;
    }
    for (const auto &[name, target, endOfDay] :
         {std::tuple{QStringLiteral("since"), &f->since, false},
          std::tuple{QStringLiteral("until"), &f->until, true}}) {
        if (!args.has(name))
            continue;
        *target = parseDate(args.value(name), endOfDay);
        if (!target->isValid()) {
            usage(QStringLiteral("--%1: \"%2\" is not a date (YYYY-MM-DD or ISO 8601)")
                      .arg(name, args.value(name)));
            return false;
        }
    }
    if (f->since.isValid() && f->until.isValid() && f->since >= f->until) {
        usage(QStringLiteral("--since %1 is not before --until %2")
                  .arg(args.value(QStringLiteral("since")), args.value(QStringLiteral("until"))));
        return false;
    }
    f->includeTest = args.has(QStringLiteral("include-test"));
    return true;
}

int Cli::init(const Database &db) {
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
    m_out << QJsonDocument(QJsonObject{{QStringLiteral("generated"), r.generated},
                                       {QStringLiteral("seed"), QString::number(seed)},
                                       {QStringLiteral("seconds"), timer.elapsed() / 1000.0}})
                 .toJson(QJsonDocument::Compact)
          << '\n';
    return Ok;
}

int Cli::importCsv(const Database &db, const CliArguments &args) {
    const QString path = args.positionals().first();
    // An unreadable file is reported before the database is created or touched.
    if (QFileInfo(path).isFile() && !openDatabase(db, Access::Create))
        return Failure;
    LeadImporter importer(db, QStringLiteral("cli"));
    const ImportSummary s = importer.importCsvFile(path);
    for (const QString &w : s.warnings)
        m_err << "leadbench-cli: warning: " << w << '\n';
    for (const ImportError &e : s.errors)
        m_err << "leadbench-cli: " << args.positionals().first() << ": line " << e.line << ": "
              << e.message << '\n';
    if (!s.fatal.isEmpty())
        m_err << "leadbench-cli: error: " << s.fatal << '\n';
    m_out << QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact) << '\n';
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
    return s.rejected > 0 ? Usage : Ok;
}

int Cli::list(const Database &db, const CliArguments &args) {
    LeadFilter filter;
    if (!parseFilter(args, &filter))
        return Usage;
    const QString format = args.value(QStringLiteral("format"), QStringLiteral("table"));
    if (format != QLatin1String("csv") && format != QLatin1String("json") &&
        format != QLatin1String("table"))
        return usage(QStringLiteral("--format: \"%1\" is not csv, json or table").arg(format));
    QStringList columns = format == QLatin1String("table") ? tableColumns : LeadColumns::all();
    if (args.has(QStringLiteral("columns"))) {
        columns = args.value(QStringLiteral("columns")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString &c : columns) {
            c = c.trimmed();
            if (!LeadColumns::isKnown(c))
                return usage(QStringLiteral("--columns: unknown column \"%1\"").arg(c));
        }
    }
    LeadSort sort;
    if (args.has(QStringLiteral("sort"))) {
        const QStringList parts = args.value(QStringLiteral("sort")).split(QLatin1Char(':'));
        sort.column = parts.first().trimmed();
        const QString dir = parts.value(1).trimmed().toLower();
        if (!LeadColumns::isKnown(sort.column))
            return usage(QStringLiteral("--sort: unknown column \"%1\"").arg(sort.column));
        if (parts.size() > 2 ||
            (!dir.isEmpty() && dir != QLatin1String("asc") && dir != QLatin1String("desc")))
            return usage(QStringLiteral("--sort: expected column[:asc|:desc], got \"%1\"")
                             .arg(args.value(QStringLiteral("sort"))));
        sort.descending = dir == QLatin1String("desc");
    }
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
    QJsonArray json;
    const bool table = format == QLatin1String("table");
    QList<qsizetype> widths; // a table's columns fit its first page, up to 40 characters
    if (format == QLatin1String("csv"))
        m_out << CsvWriter::line(columns);
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
        if (table && first) {
            for (const QString &c : std::as_const(columns)) {
                qsizetype w = c.size();
                for (const Lead &lead : page)
                    w = std::max(w, LeadColumns::text(lead, c).size());
                widths << std::min<qsizetype>(w, 40);
            }
            for (qsizetype c = 0; c < columns.size(); ++c)
                m_out << tableCell(columns.at(c), widths.at(c), c + 1 == columns.size());
        }
        first = false;
        for (const Lead &lead : page) {
            if (format == QLatin1String("json")) {
                json.append(LeadJson::lead(lead, columns));
            } else {
                QStringList values;
                for (const QString &c : std::as_const(columns))
                    values << LeadColumns::text(lead, c);
                if (table) {
                    for (qsizetype c = 0; c < values.size(); ++c)
                        m_out << tableCell(values.at(c), widths.at(c), c + 1 == values.size());
                } else {
                    m_out << CsvWriter::line(values);
                }
            }
        }
        if (remaining > 0)
            remaining -= page.size();
        if (page.size() < want)
            break;
        cursor = LeadRepository::cursorAfter(page.last(), sort);
    }
    if (format == QLatin1String("json"))
        m_out << QJsonDocument(json).toJson(QJsonDocument::Indented);
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
        return fail(repo.lastError().isEmpty() ? QStringLiteral("no lead with id %1").arg(id)
                                               : repo.lastError());
    const LeadHistory history(db);
    const QList<LeadEvent> events = history.events(id);
    const QList<Activity> activities = history.activities(id);
    if (format == QLatin1String("json")) {
        QJsonObject o = LeadJson::lead(*lead, LeadColumns::all());
        o.insert(QStringLiteral("privacy_restricted"), lead->privacyRestricted);
        o.insert(QStringLiteral("version"), lead->version);
        QJsonArray ev, ac;
        for (const LeadEvent &e : events)
            ev.append(LeadJson::event(e));
        for (const Activity &a : activities)
            ac.append(LeadJson::activity(a));
        o.insert(QStringLiteral("marketplace_events"), ev); // "events" is the count column
        o.insert(QStringLiteral("activities"), ac);
        m_out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Ok;
    }
    for (const QString &c : LeadColumns::all())
        m_out << pad(c, 19) << LeadColumns::text(*lead, c) << '\n';
    m_out << pad(QStringLiteral("privacy_restricted"), 19)
          << (lead->privacyRestricted ? "true" : "false") << "\n\nevents:\n";
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
        m_out << QJsonDocument(LeadJson::stats(*s)).toJson(QJsonDocument::Indented);
        return Ok;
    }
    m_out << pad(QStringLiteral("total"), 24) << s->total << '\n';
    for (const auto &[title, map] :
         {std::pair{"storefront", &s->byStorefront}, std::pair{"stage", &s->byStage},
          std::pair{"action", &s->byAction}}) {
        m_out << '\n' << title << ":\n";
        for (auto it = map->cbegin(); it != map->cend(); ++it)
            m_out << "  " << pad(it.key().isEmpty() ? QStringLiteral("(none)") : it.key(), 22)
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
    m_out << QJsonDocument(QJsonObject{{QStringLiteral("count"), n}}).toJson(QJsonDocument::Compact)
          << '\n';
    return Ok;
}
