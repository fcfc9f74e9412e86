// The nurture rows of leadbench-cli's command table: log, due, cadence, campaign, sla, mailto.
#include "cli.h"

namespace {

// --if-version, as set has it.
CliParameter ifVersionParameter() {
    return CliParameter::option(QStringLiteral("if-version"), QStringLiteral("V"),
                                QStringLiteral("change the lead only if it is still at version V; "
                                               "exit 3 if someone changed it since"));
}

} // namespace

QList<CliCommand> Cli::nurtureCommands() {
    using P = CliParameter;
    return {
        {.name = QStringLiteral("log"),
         .summary = QStringLiteral("log a touch with a lead: counts it, records the first touch, "
                                   "schedules the cadence's next; prints the lead as JSON"),
         .parameters = {P::positional(QStringLiteral("ID"), QStringLiteral("the lead's id")),
                        P::option(QStringLiteral("kind"), QStringLiteral("KIND"),
                                  QStringLiteral("what the touch was: call, email, meeting or "
                                                 "note"),
                                  true),
                        P::option(QStringLiteral("outcome"), QStringLiteral("TEXT"),
                                  QStringLiteral("how it went; \"responded\" ends a cadence"),
                                  true),
                        P::option(QStringLiteral("text"), QStringLiteral("TEXT"),
                                  QStringLiteral("what was said")),
                        P::option(QStringLiteral("next-follow-up"), QStringLiteral("TIME"),
                                  QStringLiteral("the next follow-up instead of the cadence's")),
                        P::option(QStringLiteral("next-kind"), QStringLiteral("KIND"),
                                  QStringLiteral("what the next follow-up is: call (default), "
                                                 "email, meeting or task")),
                        ifVersionParameter()},
         .example = QStringLiteral("log 42 --kind call --outcome \"left a voicemail\" --text "
                                   "\"asked about pricing tiers\""),
         .handler = &Cli::logTouch},
        {.name = QStringLiteral("due"),
         .summary = QStringLiteral("the Due queue: a rep's overdue and today's follow-ups, oldest "
                                   "first (test, closed and do-not-contact leads left out)"),
         .parameters = {P::option(QStringLiteral("owner"), QStringLiteral("NAME"),
                                  QStringLiteral("whose queue (default: $USER)")),
                        P::option(QStringLiteral("format"), QStringLiteral("table|csv|json"),
                                  QStringLiteral("output format (default table)")),
                        P::option(QStringLiteral("at"), QStringLiteral("TIME"),
                                  QStringLiteral("the queue as at this time (default now)")),
                        P::option(QStringLiteral("limit"), QStringLiteral("N"),
                                  QStringLiteral("the oldest N only (default all)"))},
         .example = QStringLiteral("due --owner sam --format json"),
         .handler = &Cli::due},
        {.name = QStringLiteral("cadence"),
         .summary = QStringLiteral("cadences of touches: list, show NAME, add NAME --touches, "
                                   "enroll NAME ID..."),
         .parameters = {P::positionals(QStringLiteral("ACTION"),
                                       QStringLiteral("list | show NAME | add NAME | enroll NAME "
                                                      "ID...")),
                        P::option(QStringLiteral("touches"), QStringLiteral("TOUCHES"),
                                  QStringLiteral("add: the touches, such as \"0 email, 2 call, 5 "
                                                 "email\"")),
                        P::option(QStringLiteral("description"), QStringLiteral("TEXT"),
                                  QStringLiteral("add: what the cadence is for"))},
         .example = QStringLiteral("cadence enroll \"Contact me\" 42 43 44"),
         .handler = &Cli::cadence},
        {.name = QStringLiteral("campaign"),
         .summary = QStringLiteral("campaigns: list, leads NAME, add NAME, link NAME ID... or "
                                   "link --auto by the rules, rules, rule STOREFRONT ACTION "
                                   "NAME, sync"),
         .parameters = {P::positionals(QStringLiteral("ACTION"),
                                       QStringLiteral("list | leads NAME | add NAME | link NAME "
                                                      "ID... | link --auto | rules | rule "
                                                      "STOREFRONT|any ACTION NAME | sync")),
                        P::option(QStringLiteral("storefront"), QStringLiteral("NAME"),
                                  QStringLiteral("add: appsource, azure-marketplace, "
                                                 "azure-portal or other (default: any)")),
                        P::option(QStringLiteral("kind"), QStringLiteral("KIND"),
                                  QStringLiteral("add: contact-me, free-trial, test-drive, "
                                                 "in-demand, event or other (default other)")),
                        P::option(QStringLiteral("starts"), QStringLiteral("DATE"),
                                  QStringLiteral("add: the first day")),
                        P::option(QStringLiteral("ends"), QStringLiteral("DATE"),
                                  QStringLiteral("add: the last day")),
                        P::option(QStringLiteral("budget"), QStringLiteral("X"),
                                  QStringLiteral("add: the budget")),
                        P::flag(QStringLiteral("auto"),
                                QStringLiteral("link: every lead without a campaign, by the "
                                               "rules")),
                        P::option(QStringLiteral("limit"), QStringLiteral("N"),
                                  QStringLiteral("leads: at most N, newest first (default 100)")),
                        P::option(
                            QStringLiteral("format"), QStringLiteral("table|csv|json"),
                            QStringLiteral("list, leads, rules: output format (default table)"))},
         .example = QStringLiteral("campaign add \"Ignite 2026\" --kind event --starts "
                                   "2026-11-18 --budget 12000"),
         .handler = &Cli::campaign},
        {.name = QStringLiteral("sla"),
         .summary = QStringLiteral("the first-touch SLA per rep, or the leads past it; sets its "
                                   "target"),
         .parameters = {P::option(QStringLiteral("owner"), QStringLiteral("NAME"),
                                  QStringLiteral("only this rep")),
                        P::flag(QStringLiteral("breached"),
                                QStringLiteral("list the leads past the target")),
                        P::option(QStringLiteral("set-target"), QStringLiteral("HOURS"),
                                  QStringLiteral("store a new target (default 24 hours)")),
                        P::option(QStringLiteral("format"), QStringLiteral("table|csv|json"),
                                  QStringLiteral("output format (default table)"))},
         .example = QStringLiteral("sla --breached --owner sam"),
         .handler = &Cli::sla},
        {.name = QStringLiteral("mailto"),
         .summary = QStringLiteral("the mailto: link of an email touch, filled from a template"),
         .parameters = {P::positional(QStringLiteral("ID"), QStringLiteral("the lead's id")),
                        P::option(QStringLiteral("subject"), QStringLiteral("TEXT"),
                                  QStringLiteral("the subject; placeholders {FirstName} "
                                                 "{Company} {OfferTitle} {Storefront} {Owner}")),
                        P::option(QStringLiteral("body"), QStringLiteral("TEXT"),
                                  QStringLiteral("the body, with the same placeholders"))},
         .example = QStringLiteral("mailto 42 --subject \"{OfferTitle} for {Company}\""),
         .handler = &Cli::mailto},
    };
}
