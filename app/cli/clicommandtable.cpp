// The command table of leadbench-cli: every command declared once, with its parameters, help
// and handler; parsing, dispatch and every help text read it.
#include "cli.h"

#include "core/domain/leadchanges.h"
#include "core/domain/leadcolumns.h"

namespace {

// The filters list, stats and count share (parseFilter reads them).
QList<CliParameter> filterParameters() {
    using P = CliParameter;
    return {
        P::option(QStringLiteral("storefront"), QStringLiteral("NAME"),
                  QStringLiteral("only this storefront: appsource, azure-marketplace, "
                                 "azure-portal, other")),
        P::option(QStringLiteral("stage"), QStringLiteral("STAGE"),
                  QStringLiteral("only this stage: new, contacted, nurturing, qualified, "
                                 "opportunity, won, lost, disqualified")),
        P::option(QStringLiteral("owner"), QStringLiteral("NAME"),
                  QStringLiteral("only leads this person owns")),
        P::option(QStringLiteral("offer"), QStringLiteral("ID"),
                  QStringLiteral("only leads for this offer (publisher.offer)")),
        P::option(QStringLiteral("action"), QStringLiteral("CODE"),
                  QStringLiteral("only leads whose newest marketplace action is CODE (INS, PLT, "
                                 "DNC, ...)")),
        P::option(QStringLiteral("search"), QStringLiteral("TEXT"),
                  QStringLiteral("every word must appear in a name, email, company or title")),
        P::option(QStringLiteral("min-score"), QStringLiteral("N"),
                  QStringLiteral("only leads scoring at least N")),
        P::option(QStringLiteral("grade"), QStringLiteral("GRADE"),
                  QStringLiteral("only leads of this grade: A, B, C or D")),
        P::flag(QStringLiteral("do-not-contact"),
                QStringLiteral("only leads marked do-not-contact")),
        P::option(QStringLiteral("due-before"), QStringLiteral("DATE"),
                  QStringLiteral("only leads with a next follow-up before DATE (a date covers "
                                 "the whole day)")),
        P::option(QStringLiteral("since"), QStringLiteral("DATE"),
                  QStringLiteral("created on or after DATE (YYYY-MM-DD in UTC, or ISO 8601)")),
        P::option(QStringLiteral("until"), QStringLiteral("DATE"),
                  QStringLiteral("created on or before DATE (a date covers the whole day)")),
        P::flag(QStringLiteral("include-test"),
                QStringLiteral("include test leads (MSFT_TEST_ markers), left out otherwise")),
        P::option(QStringLiteral("campaign"), QStringLiteral("NAME"),
                  QStringLiteral("only leads linked to this campaign")),
        P::option(QStringLiteral("origin"), QStringLiteral("ORIGIN"),
                  QStringLiteral("only leads that came this way: marketplace, co-sell, import, "
                                 "manual")),
        P::option(QStringLiteral("destination"), QStringLiteral("WHERE"),
                  QStringLiteral("only leads followed up there: own-crm, co-sell, marketplace")),
    };
}

// How preview and import read a file (parseImportOptions reads them).
QList<CliParameter> readParameters() {
    using P = CliParameter;
    return {
        P::option(QStringLiteral("format"), QStringLiteral("auto|csv|xlsx|json"),
                  QStringLiteral("the file format (default: by the file's first bytes)")),
        P::option(QStringLiteral("delimiter"), QStringLiteral("C"),
                  QStringLiteral("CSV: the field delimiter , ; | or tab (default: detected)")),
        P::option(QStringLiteral("encoding"), QStringLiteral("E"),
                  QStringLiteral("CSV: utf-8, utf-16, windows-1252 or auto (default: by BOM, "
                                 "else UTF-8 if valid, else Windows-1252)")),
        P::option(QStringLiteral("sheet"), QStringLiteral("NAME"),
                  QStringLiteral("Excel: the sheet to read (default: the first)")),
        P::option(QStringLiteral("mapping"), QStringLiteral("NAME|FILE"),
                  QStringLiteral("how columns map to lead fields: a saved profile, or a profile "
                                 "file (.json); default auto: proposed from the header")),
    };
}

// set: one option per column a person may change, named with - for _, and --if-version.
QList<CliParameter> setParameters() {
    using P = CliParameter;
    QList<CliParameter> out = {
        P::positional(QStringLiteral("ID"), QStringLiteral("the lead's id"))};
    for (const QString &column : LeadColumns::all()) {
        if (!LeadChanges::isEditable(column))
            continue;
        const LeadColumns::Type type = LeadColumns::type(column);
        const QString value = type == LeadColumns::Type::Flag      ? QStringLiteral("true|false")
                              : type == LeadColumns::Type::Time    ? QStringLiteral("TIME")
                              : type == LeadColumns::Type::Integer ? QStringLiteral("N")
                              : type == LeadColumns::Type::Real    ? QStringLiteral("X")
                              : type == LeadColumns::Type::Stage   ? QStringLiteral("STAGE")
                                                                   : QStringLiteral("TEXT");
        out << P::option(QString(column).replace(QLatin1Char('_'), QLatin1Char('-')), value,
                         QStringLiteral("set %1%2")
                             .arg(column, type == LeadColumns::Type::Time
                                              ? QStringLiteral(" (ISO 8601; \"\" clears it)")
                                              : QString()));
    }
    out << P::option(QStringLiteral("next-follow-up"), QStringLiteral("TIME"),
                     QStringLiteral("schedule the next follow-up (ISO 8601), with --kind"))
        << P::option(QStringLiteral("kind"), QStringLiteral("KIND"),
                     QStringLiteral("what the next follow-up is: call (default), email, meeting "
                                    "or task; a do-not-contact lead may only get a task"))
        << P::option(QStringLiteral("note"), QStringLiteral("TEXT"),
                     QStringLiteral("a note with the change; moving the stage back needs one"));
    out << P::option(QStringLiteral("if-version"), QStringLiteral("V"),
                     QStringLiteral("change the lead only if it is still at version V (as show "
                                    "or list print it); exit 3 if someone changed it since"));
    return out;
}

// --if-version of the qualification commands, as set has it.
CliParameter ifVersionParameter() {
    return CliParameter::option(QStringLiteral("if-version"), QStringLiteral("V"),
                                QStringLiteral("change the lead only if it is still at version V; "
                                               "exit 3 if someone changed it since"));
}

} // namespace

const QList<CliCommand> &Cli::commands() {
    using P = CliParameter;
    // One row per command, in the order --help lists them; the nurture rows before help.
    static const QList<CliCommand> rows = {
        {.name = QStringLiteral("init"),
         .summary = QStringLiteral("create the database, or migrate it to this version's schema"),
         .parameters = {},
         .example = QStringLiteral("--db team-leads.sqlite init"),
         .handler = &Cli::init},
        {.name = QStringLiteral("generate"),
         .summary = QStringLiteral("add realistic synthetic leads, the same ones for the same "
                                   "seed; prints a JSON summary"),
         .parameters = {P::option(QStringLiteral("count"), QStringLiteral("N"),
                                  QStringLiteral("how many leads to add"), true),
                        P::option(QStringLiteral("seed"), QStringLiteral("S"),
                                  QStringLiteral("the random seed (default 1)")),
                        P::option(QStringLiteral("end"), QStringLiteral("DATE"),
                                  QStringLiteral("the newest lead's time (default now); the "
                                                 "leads spread over two years before it"))},
         .example = QStringLiteral("generate --count 10000 --seed 7"),
         .handler = &Cli::generate},
        {.name = QStringLiteral("preview"),
         .summary = QStringLiteral("what a file holds, as the import would read it: format, "
                                   "encoding, header, proposed mapping, first records, as JSON"),
         .parameters = QList<CliParameter>{P::positional(QStringLiteral("FILE"),
                                                         QStringLiteral("a CSV, Excel (.xlsx) "
                                                                        "or JSON file")),
                                           P::option(QStringLiteral("rows"), QStringLiteral("N"),
                                                     QStringLiteral("how many records to show "
                                                                    "(default 10)"))} +
                       readParameters(),
         .example = QStringLiteral("preview salesforce-leads.csv --rows 5"),
         .handler = &Cli::preview},
        {.name = QStringLiteral("import"),
         .summary = QStringLiteral("import leads from CSV, Excel or marketplace JSON, from any "
                                   "CRM's columns; prints a JSON summary"),
         .parameters =
             QList<CliParameter>{P::positionals(QStringLiteral("FILE"),
                                                QStringLiteral("CSV, Excel (.xlsx) or JSON "
                                                               "files, imported together; - "
                                                               "reads standard input"))} +
             readParameters() +
             QList<CliParameter>{
                 P::option(QStringLiteral("on-duplicate"), QStringLiteral("merge|skip"),
                           QStringLiteral("a person and offer already stored: merge the record "
                                          "into that lead (default) or leave the lead alone")),
                 P::flag(QStringLiteral("dry-run"),
                         QStringLiteral("check and count everything, store nothing")),
                 P::option(QStringLiteral("save-mapping"), QStringLiteral("NAME"),
                           QStringLiteral("save the first file's column mapping as a profile "
                                          "for --mapping NAME"))},
         .example = QStringLiteral("import hubspot-contacts.csv --on-duplicate skip --dry-run"),
         .handler = &Cli::importLeads},
        {.name = QStringLiteral("list"),
         .summary = QStringLiteral("list leads as a table, CSV or JSON, streamed page by page"),
         .parameters =
             filterParameters() +
             QList<CliParameter>{
                 P::option(QStringLiteral("format"), QStringLiteral("table|csv|json"),
                           QStringLiteral("output format (default table)")),
                 P::option(QStringLiteral("columns"), QStringLiteral("a,b,..."),
                           QStringLiteral("canonical column names, e.g. id,email,stage, and "
                                          "version or privacy_restricted (default: ten for a "
                                          "table, all canonical ones for CSV and JSON)")),
                 P::option(QStringLiteral("sort"), QStringLiteral("COLUMN[:desc]"),
                           QStringLiteral("order by any column (default last_event_at:desc)")),
                 P::option(QStringLiteral("limit"), QStringLiteral("N"),
                           QStringLiteral("print at most N leads")),
                 P::option(QStringLiteral("offset"), QStringLiteral("N"),
                           QStringLiteral("skip the first N leads"))},
         .example = QStringLiteral(
             "list --storefront appsource --stage new --sort created_at:desc --limit 20"),
         .handler = &Cli::list},
        {.name = QStringLiteral("export"),
         .summary = QStringLiteral("write leads to a CSV or Excel file for a spreadsheet or "
                                   "another CRM; prints a JSON summary"),
         .parameters =
             QList<CliParameter>{
                 P::positional(QStringLiteral("OUT"),
                               QStringLiteral("the file to write; - writes CSV to standard "
                                              "output")),
                 P::option(QStringLiteral("format"), QStringLiteral("FORMAT"),
                           QStringLiteral("csv, xlsx, salesforce or dynamics (default: from OUT's "
                                          "extension, else csv); salesforce and dynamics write "
                                          "CSV in that CRM's lead-import columns and words"))} +
             filterParameters() +
             QList<CliParameter>{
                 P::option(QStringLiteral("sort"), QStringLiteral("COLUMN[:desc]"),
                           QStringLiteral("order by any column (default last_event_at:desc)")),
                 P::option(QStringLiteral("columns"), QStringLiteral("a,b,..."),
                           QStringLiteral("canonical column names (default: all canonical "
                                          "ones); not with salesforce or dynamics")),
                 P::flag(QStringLiteral("no-bom"),
                         QStringLiteral("CSV without the UTF-8 byte order mark")),
                 P::option(QStringLiteral("delimiter"), QStringLiteral("C"),
                           QStringLiteral("CSV field separator: one character, or tab "
                                          "(default ,)"))},
         .example = QStringLiteral("export new-leads.csv --format salesforce --stage new --sort "
                                   "score:desc"),
         .handler = &Cli::exportLeads},
        {.name = QStringLiteral("show"),
         .summary = QStringLiteral("one lead with its marketplace events and activities"),
         .parameters = {P::positional(QStringLiteral("ID"),
                                      QStringLiteral("the lead's id, as list prints it")),
                        P::option(QStringLiteral("format"), QStringLiteral("text|json"),
                                  QStringLiteral("output format (default text)"))},
         .example = QStringLiteral("show 42 --format json"),
         .handler = &Cli::show},
        {.name = QStringLiteral("stats"),
         .summary = QStringLiteral("lead counts per storefront, stage and action"),
         .parameters =
             filterParameters() +
             QList<CliParameter>{P::option(QStringLiteral("format"), QStringLiteral("json|table"),
                                           QStringLiteral("output format (default "
                                                          "json)"))},
         .example = QStringLiteral("stats --storefront azure-marketplace --format table"),
         .handler = &Cli::stats},
        {.name = QStringLiteral("count"),
         .summary = QStringLiteral("the number of matching leads, as JSON"),
         .parameters = filterParameters(),
         .example = QStringLiteral("count --offer contoso.analytics-saas --since 2026-01-01"),
         .handler = &Cli::count},
        {.name = QStringLiteral("report"),
         .summary = QStringLiteral("what the charts show: the funnel per storefront, offer "
                                   "performance, the trend, scores by grade, campaigns or the "
                                   "time to first touch, as JSON or CSV, or drawn as PNG, SVG "
                                   "or PDF"),
         .parameters =
             QList<CliParameter>{P::positional(QStringLiteral("REPORT"),
                                               QStringLiteral("funnel, offers, trend, scores, "
                                                              "campaigns or first-touch"))} +
             filterParameters() +
             QList<CliParameter>{
                 P::option(QStringLiteral("by"), QStringLiteral("storefront|action"),
                           QStringLiteral("trend: stack by storefront or by action (default "
                                          "storefront)")),
                 P::option(QStringLiteral("interval"), QStringLiteral("week|month"),
                           QStringLiteral("trend: leads per UTC week (from Monday) or month "
                                          "(default month)")),
                 P::option(QStringLiteral("sort"), QStringLiteral("leads|conversion|score"),
                           QStringLiteral("offers: the order (default leads)")),
                 P::option(
                     QStringLiteral("format"), QStringLiteral("json|csv|png|svg|pdf"),
                     QStringLiteral("output format (default: the --out file's ending, else json)")),
                 P::option(QStringLiteral("out"), QStringLiteral("FILE"),
                           QStringLiteral("write to FILE (images need one; default standard "
                                          "output)")),
                 P::option(QStringLiteral("width"), QStringLiteral("PX"),
                           QStringLiteral("image width (default 1000)")),
                 P::option(QStringLiteral("height"), QStringLiteral("PX"),
                           QStringLiteral("image height (default 600)"))},
         .example = QStringLiteral("report funnel --since 2026-01-01 --format png --out "
                                   "funnel.png"),
         .handler = &Cli::report},
        {.name = QStringLiteral("set"),
         .summary = QStringLiteral("change a lead's columns; prints the lead as it is now, as "
                                   "JSON"),
         .parameters = setParameters(),
         .example = QStringLiteral("set 42 --stage contacted --owner sam --next-follow-up-at "
                                   "2026-12-03T09:00:00Z --if-version 3"),
         .handler = &Cli::set},
        {.name = QStringLiteral("score"),
         .summary = QStringLiteral("score leads with the current scoring model, retrain the win "
                                   "model on the closed leads and give every open lead its win "
                                   "probability; prints a JSON summary"),
         .parameters = {P::flag(QStringLiteral("rescore-all"),
                                QStringLiteral("score every lead, not only those the current "
                                               "model has not scored yet")),
                        P::flag(QStringLiteral("evaluate"),
                                QStringLiteral("only measure the win model on the newest 20% of "
                                               "the closed leads (AUC, the rule score's AUC, "
                                               "calibration by decile) and change nothing")),
                        P::option(QStringLiteral("preview"), QStringLiteral("MODEL.json"),
                                  QStringLiteral("only show how the leads would grade under the "
                                                 "scoring model in MODEL.json (its grade "
                                                 "counts, how many would change grade) and "
                                                 "change nothing"))},
         .example = QStringLiteral("score --rescore-all"),
         .handler = &Cli::score},
        {.name = QStringLiteral("delete"),
         .summary = QStringLiteral("move leads to the trash, with their history; restore brings "
                                   "them back"),
         .parameters = {P::positionals(QStringLiteral("ID"), QStringLiteral("the leads' ids"))},
         .example = QStringLiteral("delete 42 43"),
         .handler = &Cli::remove},
        {.name = QStringLiteral("restore"),
         .summary = QStringLiteral("bring deleted leads back from the trash, under their ids"),
         .parameters = {P::positionals(QStringLiteral("ID"), QStringLiteral("the leads' ids"))},
         .example = QStringLiteral("restore 42"),
         .handler = &Cli::restore},
        {.name = QStringLiteral("trash"),
         .summary = QStringLiteral("the deleted leads, newest first, that restore can bring "
                                   "back"),
         .parameters = {P::option(QStringLiteral("format"), QStringLiteral("table|csv|json"),
                                  QStringLiteral("output format (default table)"))},
         .example = QStringLiteral("trash --format json"),
         .handler = &Cli::trash},
        {.name = QStringLiteral("history"),
         .summary = QStringLiteral("a lead's marketplace events and activities in time order"),
         .parameters = {P::positional(QStringLiteral("ID"), QStringLiteral("the lead's id")),
                        P::option(QStringLiteral("format"), QStringLiteral("table|csv|json"),
                                  QStringLiteral("output format (default table)"))},
         .example = QStringLiteral("history 42 --format json"),
         .handler = &Cli::history},
        {.name = QStringLiteral("qualify"),
         .summary = QStringLiteral("tick qualification prerequisites and move the lead to "
                                   "qualified once all are ticked; prints the lead as JSON"),
         .parameters = {P::positional(QStringLiteral("ID"), QStringLiteral("the lead's id")),
                        P::option(QStringLiteral("check"), QStringLiteral("a,b,..."),
                                  QStringLiteral("tick these prerequisites first: budget, "
                                                 "authority, need, timeline")),
                        P::flag(QStringLiteral("check-only"),
                                QStringLiteral("tick the --check items and leave the stage")),
                        ifVersionParameter()},
         .example = QStringLiteral("qualify 42 --check budget,authority,need,timeline"),
         .handler = &Cli::qualify},
        {.name = QStringLiteral("convert"),
         .summary = QStringLiteral("make a qualified lead an opportunity, with its value, close "
                                   "date and follow-up destination; prints the lead as JSON"),
         .parameters = {P::positional(QStringLiteral("ID"), QStringLiteral("the lead's id")),
                        P::option(QStringLiteral("value"), QStringLiteral("V"),
                                  QStringLiteral("the estimated value, above 0"), true),
                        P::option(QStringLiteral("currency"), QStringLiteral("C"),
                                  QStringLiteral("the value's ISO 4217 currency: USD, EUR, ..."),
                                  true),
                        P::option(QStringLiteral("close-date"), QStringLiteral("DATE"),
                                  QStringLiteral("the expected close date (YYYY-MM-DD)"), true),
                        P::option(QStringLiteral("destination"), QStringLiteral("WHERE"),
                                  QStringLiteral("where it is followed up: own-crm (your CRM), "
                                                 "co-sell (the Microsoft field seller) or "
                                                 "marketplace"),
                                  true),
                        ifVersionParameter()},
         .example = QStringLiteral("convert 42 --value 25000 --currency EUR --close-date "
                                   "2027-03-31 --destination co-sell"),
         .handler = &Cli::convert},
        {.name = QStringLiteral("disqualify"),
         .summary = QStringLiteral("close a lead as disqualified, with the reason why; prints "
                                   "the lead as JSON"),
         .parameters = {P::positional(QStringLiteral("ID"), QStringLiteral("the lead's id")),
                        P::option(QStringLiteral("reason"), QStringLiteral("R"),
                                  QStringLiteral("no-budget, no-need, competitor, bad-data, "
                                                 "student, test-lead, dnc or other"),
                                  true),
                        P::option(QStringLiteral("text"), QStringLiteral("T"),
                                  QStringLiteral("what happened, in words; needed for other")),
                        ifVersionParameter()},
         .example = QStringLiteral("disqualify 42 --reason other --text \"reseller, not an end "
                                   "customer\""),
         .handler = &Cli::disqualify},
        {.name = QStringLiteral("prerequisites"),
         .summary = QStringLiteral("the qualification checklist every lead is qualified "
                                   "against (BANT until changed), or set it for everyone"),
         .parameters = {P::option(QStringLiteral("set"), QStringLiteral("ITEM=Label;..."),
                                  QStringLiteral("the checklist in order; item names are "
                                                 "lower-case letters, digits, - and _")),
                        P::flag(QStringLiteral("reset"),
                                QStringLiteral("back to budget, authority, need, timeline")),
                        P::option(QStringLiteral("format"), QStringLiteral("json|table"),
                                  QStringLiteral("how to print the checklist (default json)"))},
         .example = QStringLiteral("prerequisites --set \"budget=Budget;champion=Has a "
                                   "champion;need=Need;timeline=Timeline\""),
         .handler = &Cli::prerequisites},
        {.name = QStringLiteral("help"),
         .summary = QStringLiteral("the commands, or one command's options and an example"),
         .parameters = {P::positional(QStringLiteral("COMMAND"),
                                      QStringLiteral("the command to explain"), false)},
         .example = QStringLiteral("help import"),
         .handler = &Cli::help,
         .usesDatabase = false},
    };
    static const QList<CliCommand> table = [] {
        QList<CliCommand> all = rows;
        const QList<CliCommand> nurture = nurtureCommands();
        for (qsizetype i = 0; i < nurture.size(); ++i)
            all.insert(all.size() - 1, nurture.at(i));
        return all;
    }();
    return table;
}

const CliCommand *Cli::command(const QString &name) {
    for (const CliCommand &c : commands())
        if (c.name == name)
            return &c;
    return nullptr;
}

QString Cli::overview() const {
    QString text = QStringLiteral(
        "usage: leadbench-cli [--db PATH|postgresql://user@host:port/db] COMMAND [options]\n"
        "\ncommands:\n");
    QList<std::pair<QString, QString>> rows;
    for (const CliCommand &c : commands())
        rows << std::pair{c.name, c.summary};
    text += CliCommand::twoColumns(rows);
    text += QStringLiteral("\nglobal options, before the command:\n");
    text += CliCommand::twoColumns(
        {{QStringLiteral("--db PATH|URL"),
          QStringLiteral("a SQLite file or postgresql://user@host:port/db; else $LEADBENCH_DB, "
                         "else the per-user data directory")},
         {QStringLiteral("--timing"),
          QStringLiteral("report on stderr how long the command took once the database was "
                         "open")},
         {QStringLiteral("--version"), QStringLiteral("print the version")},
         {QStringLiteral("--help"), QStringLiteral("this help")}});
    text += QStringLiteral(
        "\n'leadbench-cli COMMAND --help' or 'leadbench-cli help COMMAND' explains a command: "
        "its\noptions and an example.\n"
        "Exit status: 0 success, 1 runtime failure, 2 bad usage or rejected input, 3 conflict.\n");
    return text;
}
