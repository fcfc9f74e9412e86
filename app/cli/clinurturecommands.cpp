// The Cli commands that nurture leads: log a touch, the Due queue, cadences, campaigns, the
// first-touch SLA and an email touch's mailto: link.
#include "cli.h"

#include "cliarguments.h"
#include "core/domain/leadcolumns.h"
#include "core/nurture/campaignlinker.h"
#include "core/nurture/emailtemplate.h"
#include "core/nurture/leadnurturer.h"
#include "core/storage/cadencerepository.h"
#include "core/storage/campaignrepository.h"
#include "core/storage/duequeue.h"
#include "core/storage/leadrepository.h"
#include "core/storage/slareport.h"
#include "outputwriter.h"

#include <QJsonArray>
#include <QTextStream>

namespace {

bool formatOf(const QString &name, OutputWriter::Format *format) {
    return OutputWriter::parseFormat(name, format);
}

QJsonArray idArray(const QList<qint64> &ids) {
    QJsonArray out;
    for (qint64 id : ids)
        out.append(id);
    return out;
}

} // namespace

bool Cli::parseFollowUp(const CliArguments &args, const QString &timeOption,
                        const QString &kindOption, std::optional<FollowUpRequest> *out) {
    out->reset();
    if (!args.has(timeOption))
        return true;
    FollowUpRequest r;
    r.at = LeadColumns::parseIsoUtc(args.value(timeOption));
    if (!r.at.isValid()) {
        usage(QStringLiteral("--%1: \"%2\" is not an ISO 8601 time")
                  .arg(timeOption, args.value(timeOption)));
        return false;
    }
    const QString kind = args.value(kindOption, QStringLiteral("call"));
    if (!TouchKinds::fromCanonicalName(kind, &r.kind) || !TouchKinds::isFollowUpKind(r.kind)) {
        usage(QStringLiteral("--%1: \"%2\" is not a follow-up kind (%3)")
                  .arg(kindOption, kind, TouchKinds::followUpNamesText()));
        return false;
    }
    *out = r;
    return true;
}

int Cli::logTouch(const Database &db, const CliArguments &args) {
    QList<qint64> ids;
    qint64 expected = 0;
    if (!parseIds(args, &ids) || !parseIfVersion(args, &expected))
        return Usage;
    Touch touch;
    const QString kind = args.value(QStringLiteral("kind"));
    if (!TouchKinds::fromCanonicalName(kind, &touch.kind) || !TouchKinds::isLoggable(touch.kind))
        return usage(QStringLiteral("--kind: \"%1\" is not a touch (%2)")
                         .arg(kind, TouchKinds::loggableNamesText()));
    touch.outcome = args.value(QStringLiteral("outcome"));
    touch.text = args.value(QStringLiteral("text"));
    if (args.has(QStringLiteral("next-kind")) && !args.has(QStringLiteral("next-follow-up")))
        return usage(QStringLiteral("--next-kind needs --next-follow-up TIME"));
    std::optional<FollowUpRequest> next;
    if (!parseFollowUp(args, QStringLiteral("next-follow-up"), QStringLiteral("next-kind"), &next))
        return Usage;
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    std::optional<NurturePolicy::NextFollowUp> following;
    if (next)
        following = NurturePolicy::NextFollowUp{next->at, next->kind};
    return reportStep(
        db, LeadNurturer(db).logTouch(ids.first(), expected, touch, following, actor()), expected);
}

int Cli::due(const Database &db, const CliArguments &args) {
    OutputWriter::Format format = OutputWriter::Format::Table;
    if (!formatOf(args.value(QStringLiteral("format"), QStringLiteral("table")), &format))
        return usage(QStringLiteral("--format: \"%1\" is not table, csv or json")
                         .arg(args.value(QStringLiteral("format"))));
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (args.has(QStringLiteral("at"))) {
        now = LeadColumns::parseIsoUtc(args.value(QStringLiteral("at")));
        if (!now.isValid())
            return usage(QStringLiteral("--at: \"%1\" is not an ISO 8601 time")
                             .arg(args.value(QStringLiteral("at"))));
    }
    bool ok = true;
    const int limit = args.value(QStringLiteral("limit"), QStringLiteral("0")).toInt(&ok);
    if (!ok || limit < 0)
        return usage(QStringLiteral("--limit: \"%1\" is not a number of follow-ups")
                         .arg(args.value(QStringLiteral("limit"))));
    const QString owner = args.value(QStringLiteral("owner"), actor());
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    const DueQueue queue(db);
    const QList<DueFollowUp> due = queue.of(owner, now, limit);
    if (!queue.lastError().isEmpty())
        return fail(queue.lastError());
    QList<OutputWriter::Record> records;
    for (const DueFollowUp &d : due) {
        const QString when = LeadColumns::isoUtc(d.lead.nextFollowUpAt);
        const QJsonObject json{{QStringLiteral("id"), d.lead.id},
                               {QStringLiteral("next_follow_up_at"), when},
                               {QStringLiteral("kind"), d.kind},
                               {QStringLiteral("overdue"), d.overdue},
                               {QStringLiteral("cadence"), d.cadence},
                               {QStringLiteral("name"), d.lead.fullName()},
                               {QStringLiteral("company"), d.lead.company},
                               {QStringLiteral("stage"), Stages::canonicalName(d.lead.stage)},
                               {QStringLiteral("owner"), d.lead.owner},
                               {QStringLiteral("version"), d.lead.version}};
        records << OutputWriter::Record{json,
                                        {QString::number(d.lead.id), when, d.kind,
                                         d.overdue ? QStringLiteral("yes") : QStringLiteral("no"),
                                         d.lead.fullName(), d.lead.company,
                                         Stages::canonicalName(d.lead.stage), d.cadence}};
    }
    OutputWriter writer(m_out, format,
                        {QStringLiteral("id"), QStringLiteral("next_follow_up_at"),
                         QStringLiteral("kind"), QStringLiteral("overdue"), QStringLiteral("name"),
                         QStringLiteral("company"), QStringLiteral("stage"),
                         QStringLiteral("cadence")});
    writer.writeRecords(records);
    writer.finish();
    return Ok;
}

int Cli::cadence(const Database &db, const CliArguments &args) {
    const QStringList words = args.positionals();
    const QString action = words.value(0);
    if (action != QLatin1String("list") && action != QLatin1String("show") &&
        action != QLatin1String("enroll") && action != QLatin1String("add"))
        return usage(
            QStringLiteral("cadence: \"%1\" is not list, show, add or enroll").arg(action));
    if (action != QLatin1String("list") && (words.size() < 2 || words.at(1).trimmed().isEmpty()))
        return usage(QStringLiteral("cadence %1 needs the cadence's NAME").arg(action));
    QList<CadenceTouch> touches;
    if (action == QLatin1String("add")) {
        QString problem;
        if (!Cadence::parseTouches(args.value(QStringLiteral("touches")), &touches, &problem))
            return usage(QStringLiteral("--touches: ") + problem);
    }
    QList<qint64> ids;
    if (action == QLatin1String("enroll")) {
        if (words.size() < 3)
            return usage(QStringLiteral("cadence enroll needs NAME and the lead ids"));
        for (const QString &word : words.mid(2)) {
            bool ok = false;
            const qint64 id = word.toLongLong(&ok);
            if (!ok || id < 1)
                return usage(QStringLiteral("\"%1\" is not a lead id").arg(word));
            if (!ids.contains(id))
                ids << id;
        }
    }
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    CadenceRepository cadences(db);
    if (action == QLatin1String("add")) {
        Cadence c;
        c.name = words.at(1).trimmed();
        c.description = args.value(QStringLiteral("description"));
        c.touches = touches;
        if (!cadences.save(c, actor()))
            return fail(cadences.lastError());
        OutputWriter::writeJson(m_out, {{QStringLiteral("saved"), c.name}},
                                OutputWriter::JsonStyle::Compact);
        return Ok;
    }
    if (action == QLatin1String("enroll")) {
        QList<qint64> enrolled, refused;
        bool missing = false; // a lead that is not there is a failure, as for set and show
        for (const UpdateResult &r : LeadNurturer(db).enroll(ids, words.at(1), actor())) {
            if (r.status == UpdateResult::Status::Failed)
                return fail(r.error);
            (r.ok() ? enrolled : refused) << r.id;
            missing = missing || r.status == UpdateResult::Status::NotFound;
            if (!r.ok())
                m_err << "leadbench-cli: error: "
                      << (r.status == UpdateResult::Status::NotFound ? missingLead(db, r.id)
                                                                     : r.error)
                      << '\n';
        }
        OutputWriter::writeJson(m_out,
                                {{QStringLiteral("enrolled"), idArray(enrolled)},
                                 {QStringLiteral("refused"), idArray(refused)}},
                                OutputWriter::JsonStyle::Compact);
        return missing ? Failure : refused.isEmpty() ? Ok : Usage;
    }
    const QList<Cadence> all = cadences.all();
    if (!cadences.lastError().isEmpty())
        return fail(cadences.lastError());
    QJsonArray list;
    for (const Cadence &c : all) {
        QJsonObject o = c.toJson();
        o.insert(QStringLiteral("name"), c.name);
        if (action == QLatin1String("show") &&
            c.name.compare(words.at(1).trimmed(), Qt::CaseInsensitive) == 0) {
            OutputWriter::writeJson(m_out, o, OutputWriter::JsonStyle::Indented);
            return Ok;
        }
        if (action == QLatin1String("list"))
            m_out << c.name << "  " << c.touchesText() << '\n';
    }
    if (action == QLatin1String("show"))
        return fail(QStringLiteral("no cadence named \"%1\"; 'leadbench-cli cadence list' shows "
                                   "them")
                        .arg(words.at(1)),
                    Usage);
    return Ok;
}
