// The Cli commands for campaigns, the first-touch SLA and an email touch's mailto: link.
#include "cli.h"

#include "cliarguments.h"
#include "core/domain/leadcolumns.h"
#include "core/nurture/campaignlinker.h"
#include "core/nurture/emailtemplate.h"
#include "core/storage/campaignrepository.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "core/storage/slareport.h"
#include "outputwriter.h"

#include <QJsonArray>
#include <QTextStream>

int Cli::campaign(const Database &db, const CliArguments &args) {
    const QStringList words = args.positionals();
    const QString action = words.value(0);
    const QStringList actions = {QStringLiteral("list"), QStringLiteral("add"),
                                 QStringLiteral("link"), QStringLiteral("rule"),
                                 QStringLiteral("sync"), QStringLiteral("leads"),
                                 QStringLiteral("rules")};
    if (!actions.contains(action))
        return usage(
            QStringLiteral("campaign: \"%1\" is not list, leads, add, link, rule, rules or sync")
                .arg(action));
    if (action == QLatin1String("leads"))
        return campaignLeads(db, args);
    Campaign c;
    if (action == QLatin1String("add")) {
        if (words.size() != 2)
            return usage(QStringLiteral("campaign add needs the campaign's NAME"));
        c.name = words.at(1);
        c.storefront = args.value(QStringLiteral("storefront"));
        if (!CampaignKinds::fromCanonicalName(
                args.value(QStringLiteral("kind"), QStringLiteral("other")), &c.kind))
            return usage(QStringLiteral("--kind: \"%1\" is not a campaign kind (%2)")
                             .arg(args.value(QStringLiteral("kind")), CampaignKinds::namesText()));
        for (const auto &[option, when] : {std::pair{QStringLiteral("starts"), &c.startsAt},
                                           std::pair{QStringLiteral("ends"), &c.endsAt}}) {
            if (!args.has(option))
                continue;
            *when = LeadColumns::parseIsoUtc(args.value(option));
            if (!when->isValid())
                return usage(
                    QStringLiteral("--%1: \"%2\" is not a date").arg(option, args.value(option)));
        }
        bool ok = true;
        c.budget = args.value(QStringLiteral("budget"), QStringLiteral("0")).toDouble(&ok);
        if (!ok || c.budget < 0)
            return usage(QStringLiteral("--budget: \"%1\" is not an amount")
                             .arg(args.value(QStringLiteral("budget"))));
    }
    QList<qint64> ids;
    const bool autoLink = args.has(QStringLiteral("auto"));
    if (action == QLatin1String("link")) {
        if (!autoLink && words.size() < 3)
            return usage(QStringLiteral("campaign link needs NAME and the lead ids, or --auto"));
        for (const QString &word : words.mid(2)) {
            bool ok = false;
            const qint64 id = word.toLongLong(&ok);
            if (!ok || id < 1)
                return usage(QStringLiteral("\"%1\" is not a lead id").arg(word));
            ids << id;
        }
    }
    if (action == QLatin1String("rule") && words.size() != 4)
        return usage(QStringLiteral("campaign rule needs STOREFRONT (or any), ACTION and NAME"));
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    CampaignRepository campaigns(db);
    if (action == QLatin1String("add")) {
        if (!campaigns.add(c, actor()))
            return fail(campaigns.lastError(), Usage);
        OutputWriter::writeJson(m_out, {{QStringLiteral("added"), c.name.trimmed()}},
                                OutputWriter::JsonStyle::Compact);
        return Ok;
    }
    if (action == QLatin1String("rules")) {
        const QList<CampaignRule> rules = campaigns.rules();
        if (!campaigns.lastError().isEmpty())
            return fail(campaigns.lastError());
        QList<OutputWriter::Record> records;
        for (const CampaignRule &rule : rules) {
            const QString storefront =
                rule.storefront.isEmpty() ? QStringLiteral("any") : rule.storefront;
            records << OutputWriter::Record{{{QStringLiteral("storefront"), storefront},
                                             {QStringLiteral("action"), rule.action},
                                             {QStringLiteral("campaign"), rule.campaign}},
                                            {storefront, rule.action, rule.campaign}};
        }
        OutputWriter::Format format = OutputWriter::Format::Table;
        if (!OutputWriter::parseFormat(
                args.value(QStringLiteral("format"), QStringLiteral("table")), &format))
            return usage(QStringLiteral("--format: \"%1\" is not table, csv or json")
                             .arg(args.value(QStringLiteral("format"))));
        OutputWriter writer(
            m_out, format,
            {QStringLiteral("storefront"), QStringLiteral("action"), QStringLiteral("campaign")});
        writer.writeRecords(records);
        writer.finish();
        return Ok;
    }
    if (action == QLatin1String("sync")) {
        const int made = campaigns.sync(actor());
        if (made < 0)
            return fail(campaigns.lastError());
        OutputWriter::writeJson(m_out, {{QStringLiteral("created"), made}},
                                OutputWriter::JsonStyle::Compact);
        return Ok;
    }
    if (action == QLatin1String("rule")) {
        const CampaignRule rule{0, words.at(1) == QLatin1String("any") ? QString() : words.at(1),
                                words.at(2), words.at(3)};
        if (!campaigns.setRule(rule))
            return fail(campaigns.lastError(), Usage);
        OutputWriter::writeJson(m_out,
                                {{QStringLiteral("storefront"), rule.storefront},
                                 {QStringLiteral("action"), rule.action},
                                 {QStringLiteral("campaign"), rule.campaign}},
                                OutputWriter::JsonStyle::Compact);
        return Ok;
    }
    if (action == QLatin1String("link") && autoLink) {
        const CampaignLinker::Result r = CampaignLinker(db).linkByRules(actor());
        if (!r.ok)
            return fail(r.error);
        OutputWriter::writeJson(
            m_out,
            {{QStringLiteral("linked"), r.linked}, {QStringLiteral("unmatched"), r.unmatched}},
            OutputWriter::JsonStyle::Compact);
        return Ok;
    }
    if (action == QLatin1String("link")) {
        if (!campaigns.find(words.at(1)))
            return fail(campaigns.lastError() +
                            QStringLiteral("; 'leadbench-cli campaign list' shows them"),
                        Usage);
        QList<LeadVersion> leads;
        for (qint64 id : ids)
            leads << LeadVersion{id, 0};
        QJsonArray linked;
        int code = Ok;
        for (const UpdateResult &r : LeadWriter(db).updateMany(
                 leads, LeadChanges().set(QStringLiteral("campaign"), words.at(1)), actor())) {
            if (r.ok()) {
                linked.append(r.id);
                continue;
            }
            m_err << "leadbench-cli: error: "
                  << (r.status == UpdateResult::Status::NotFound ? missingLead(db, r.id) : r.error)
                  << '\n';
            code = r.status == UpdateResult::Status::Invalid ? Usage : Failure;
        }
        OutputWriter::writeJson(m_out, {{QStringLiteral("linked"), linked}},
                                OutputWriter::JsonStyle::Compact);
        return code;
    }
    const QList<Campaign> all = campaigns.all();
    if (!campaigns.lastError().isEmpty())
        return fail(campaigns.lastError());
    QList<OutputWriter::Record> records;
    for (const Campaign &x : all) {
        const QJsonObject json{{QStringLiteral("name"), x.name},
                               {QStringLiteral("storefront"), x.storefront},
                               {QStringLiteral("kind"), CampaignKinds::canonicalName(x.kind)},
                               {QStringLiteral("starts"), LeadColumns::isoUtc(x.startsAt)},
                               {QStringLiteral("ends"), LeadColumns::isoUtc(x.endsAt)},
                               {QStringLiteral("budget"), x.budget},
                               {QStringLiteral("leads"), x.leads}};
        records << OutputWriter::Record{json,
                                        {x.name, x.storefront, CampaignKinds::canonicalName(x.kind),
                                         LeadColumns::isoUtc(x.startsAt),
                                         LeadColumns::isoUtc(x.endsAt), QString::number(x.budget),
                                         QString::number(x.leads)}};
    }
    OutputWriter::Format format = OutputWriter::Format::Table;
    if (!OutputWriter::parseFormat(args.value(QStringLiteral("format"), QStringLiteral("table")),
                                   &format))
        return usage(QStringLiteral("--format: \"%1\" is not table, csv or json")
                         .arg(args.value(QStringLiteral("format"))));
    OutputWriter writer(m_out, format,
                        {QStringLiteral("name"), QStringLiteral("storefront"),
                         QStringLiteral("kind"), QStringLiteral("starts"), QStringLiteral("ends"),
                         QStringLiteral("budget"), QStringLiteral("leads")});
    writer.writeRecords(records);
    writer.finish();
    return Ok;
}

int Cli::sla(const Database &db, const CliArguments &args) {
    OutputWriter::Format format = OutputWriter::Format::Table;
    if (!OutputWriter::parseFormat(args.value(QStringLiteral("format"), QStringLiteral("table")),
                                   &format))
        return usage(QStringLiteral("--format: \"%1\" is not table, csv or json")
                         .arg(args.value(QStringLiteral("format"))));
    int target = 0;
    if (args.has(QStringLiteral("set-target"))) {
        bool ok = false;
        target = args.value(QStringLiteral("set-target")).toInt(&ok);
        if (!ok || target < 1)
            return usage(QStringLiteral("--set-target: \"%1\" is not a number of hours")
                             .arg(args.value(QStringLiteral("set-target"))));
    }
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    SlaReport report(db);
    if (target > 0 && !report.setTargetHours(target))
        return fail(report.lastError());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (args.has(QStringLiteral("breached"))) {
        LeadFilter filter;
        filter.slaBreached = true;
        filter.slaTargetHours = report.targetHours();
        filter.slaNow = now;
        filter.owner = args.value(QStringLiteral("owner"));
        const LeadRepository leads(db);
        const QList<Lead> page =
            leads.page(filter, LeadSort{QStringLiteral("created_at"), false}, nullptr, 10000);
        if (!leads.lastError().isEmpty())
            return fail(leads.lastError());
        OutputWriter writer(m_out, format,
                            {QStringLiteral("id"), QStringLiteral("created_at"),
                             QStringLiteral("owner"), QStringLiteral("stage"),
                             QStringLiteral("company")});
        writer.writePage(page);
        writer.finish();
        return Ok;
    }
    const QList<RepSla> reps = report.perRep(now);
    if (!report.lastError().isEmpty())
        return fail(report.lastError());
    QList<OutputWriter::Record> records;
    for (const RepSla &r : reps) {
        if (args.has(QStringLiteral("owner")) && r.owner != args.value(QStringLiteral("owner")))
            continue;
        const QString hours = QString::number(r.averageHours, 'f', 1);
        records << OutputWriter::Record{{{QStringLiteral("owner"), r.owner},
                                         {QStringLiteral("leads"), r.leads},
                                         {QStringLiteral("touched"), r.touched},
                                         {QStringLiteral("breached"), r.breached},
                                         {QStringLiteral("average_hours"), r.averageHours},
                                         {QStringLiteral("target_hours"), report.targetHours()}},
                                        {r.owner, QString::number(r.leads),
                                         QString::number(r.touched), QString::number(r.breached),
                                         hours}};
    }
    OutputWriter writer(m_out, format,
                        {QStringLiteral("owner"), QStringLiteral("leads"),
                         QStringLiteral("touched"), QStringLiteral("breached"),
                         QStringLiteral("average_hours")});
    writer.writeRecords(records);
    writer.finish();
    return Ok;
}

int Cli::mailto(const Database &db, const CliArguments &args) {
    QList<qint64> ids;
    if (!parseIds(args, &ids))
        return Usage;
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    const std::optional<Lead> lead = LeadRepository(db).lead(ids.first());
    if (!lead)
        return fail(missingLead(db, ids.first()));
    EmailTemplate t = EmailTemplate::standard();
    t.subject = args.value(QStringLiteral("subject"), t.subject);
    t.body = args.value(QStringLiteral("body"), t.body);
    QString refusal;
    const QUrl url = t.mailto(*lead, lead->owner.isEmpty() ? actor() : lead->owner, &refusal);
    if (!url.isValid())
        return fail(refusal, Usage);
    m_out << url.toString(QUrl::FullyEncoded) << '\n';
    return Ok;
}

int Cli::campaignLeads(const Database &db, const CliArguments &args) {
    const QStringList words = args.positionals();
    if (words.size() != 2)
        return usage(QStringLiteral("campaign leads needs the campaign's NAME"));
    OutputWriter::Format format = OutputWriter::Format::Table;
    if (!OutputWriter::parseFormat(args.value(QStringLiteral("format"), QStringLiteral("table")),
                                   &format))
        return usage(QStringLiteral("--format: \"%1\" is not table, csv or json")
                         .arg(args.value(QStringLiteral("format"))));
    bool ok = true;
    const int limit = args.value(QStringLiteral("limit"), QStringLiteral("100")).toInt(&ok);
    if (!ok || limit < 1)
        return usage(QStringLiteral("--limit: \"%1\" is not a number of leads")
                         .arg(args.value(QStringLiteral("limit"))));
    if (!openDatabase(db, Access::ReadExisting))
        return Failure;
    // Newest first by id: one range of the campaign index.
    LeadFilter filter;
    filter.campaign = words.at(1);
    const LeadRepository leads(db);
    const QList<Lead> page =
        leads.page(filter, LeadSort{QStringLiteral("id"), true}, nullptr, limit);
    if (!leads.lastError().isEmpty())
        return fail(leads.lastError());
    OutputWriter writer(m_out, format,
                        {QStringLiteral("id"), QStringLiteral("storefront"),
                         QStringLiteral("action"), QStringLiteral("stage"), QStringLiteral("owner"),
                         QStringLiteral("company"), QStringLiteral("created_at")});
    writer.writePage(page);
    writer.finish();
    return Ok;
}
