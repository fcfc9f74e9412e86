#pragma once

#include "clicommand.h"
#include "core/domain/touchkind.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QStringList>

#include <optional>

class CliArguments;
class Database;
class QTextStream;
struct ImportOptions;
struct LeadFilter;
struct LeadSort;
struct UpdateResult;

// leadbench-cli: the commands of the CLI contract in DESIGN.md, over the lead library.
class Cli {
public:
    enum Exit { Ok = 0, Failure = 1, Usage = 2, Conflict = 3 };

    Cli(QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments); // arguments without the program name

    // The command table: parsing, dispatch and help all read it.
    static const QList<CliCommand> &commands();
    static const CliCommand *command(const QString &name);
    // True for a command line that draws a chart (report … --format png|svg|pdf): main() then
    // creates a QApplication, which draws offscreen without a display.
    static bool drawsCharts(const QStringList &arguments);

private:
    // The nurture rows of the table, in the order --help lists them (clinurturecommandtable.cpp).
    static QList<CliCommand> nurtureCommands();
    int usage(const QString &problem);
    int fail(const QString &message, int code = Failure);
    QString overview() const; // --help: the commands and global options
    // Read commands need an existing Leadbench database; init, generate and import create one.
    enum class Access { ReadExisting, Create };
    bool openDatabase(const Database &db, Access access);
    // Date-only values cover the whole day: --until 2025-06-30 includes June 30th
    // (clioptionparsing.cpp, with the filter, sort and column options).
    static QDateTime parseDate(const QString &text, bool endOfDay);
    bool parseFilter(const CliArguments &args, LeadFilter *filter);
    // --columns (a usage error names the problem); leaves `columns` as it is when absent.
    bool parseColumns(const CliArguments &args, QStringList *columns);
    bool parseSort(const CliArguments &args, LeadSort *sort);

    // The handlers the table's rows name.
    int help(const Database &db, const CliArguments &args);
    int init(const Database &db, const CliArguments &args);
    int generate(const Database &db, const CliArguments &args);
    // Preview and import (cliimportcommands.cpp).
    int preview(const Database &db, const CliArguments &args);
    int importLeads(const Database &db, const CliArguments &args);
    bool parseImportOptions(const Database &db, const CliArguments &args, ImportOptions *options);
    // --delimiter: one character, or "tab"; a usage error names the problem.
    bool parseDelimiter(const CliArguments &args, QChar *delimiter);
    int list(const Database &db, const CliArguments &args);
    int show(const Database &db, const CliArguments &args);
    int stats(const Database &db, const CliArguments &args);
    int count(const Database &db, const CliArguments &args);
    // Export to CSV or Excel (cliexportcommand.cpp).
    int exportLeads(const Database &db, const CliArguments &args);
    // Changes and history (cliwritecommands.cpp).
    int set(const Database &db, const CliArguments &args);
    int remove(const Database &db, const CliArguments &args);
    int restore(const Database &db, const CliArguments &args);
    int history(const Database &db, const CliArguments &args);
    int trash(const Database &db, const CliArguments &args);
    // From lead to opportunity (cliqualifycommands.cpp).
    int qualify(const Database &db, const CliArguments &args);
    int convert(const Database &db, const CliArguments &args);
    int disqualify(const Database &db, const CliArguments &args);
    int prerequisites(const Database &db, const CliArguments &args);
    // --if-version: 0 when absent; false after a usage error naming the problem.
    bool parseIfVersion(const CliArguments &args, qint64 *version);
    // Prints the lead a step stored as JSON, or says why it was not; the exit status.
    int reportStep(const Database &db, const UpdateResult &result, qint64 expectedVersion);
    // The charts' numbers as JSON or CSV, or a chart as PNG, SVG or PDF
    // (clireportcommand.cpp).
    int report(const Database &db, const CliArguments &args);
    // Nurture (clinurturecommands.cpp): log a touch, the Due queue, cadences.
    int logTouch(const Database &db, const CliArguments &args);
    int due(const Database &db, const CliArguments &args);
    int cadence(const Database &db, const CliArguments &args);
    // Campaigns, the first-touch SLA, an email's mailto: link (clicampaigncommands.cpp).
    int campaign(const Database &db, const CliArguments &args);
    int campaignLeads(const Database &db, const CliArguments &args); // campaign leads NAME
    int sla(const Database &db, const CliArguments &args);
    int mailto(const Database &db, const CliArguments &args);
    // A follow-up's time and kind from two options; none when the time option is absent; false
    // after a usage error naming the problem.
    struct FollowUpRequest {
        QDateTime at;
        TouchKind kind = TouchKind::Call;
    };
    bool parseFollowUp(const CliArguments &args, const QString &timeOption,
                       const QString &kindOption, std::optional<FollowUpRequest> *out);
    // Scores with the current scoring model (cliwritecommands.cpp).
    int score(const Database &db, const CliArguments &args);
    // "no lead with id N", or that it is in the trash and how to bring it back.
    static QString missingLead(const Database &db, qint64 id);
    bool parseIds(const CliArguments &args, QList<qint64> *ids);
    static QString actor();

    QTextStream &m_out;
    QTextStream &m_err;
    QElapsedTimer m_work; // started once the database is open: what --timing reports
    const CliCommand *m_command = nullptr; // the row running: usage errors show its synopsis
};
