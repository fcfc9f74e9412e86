#pragma once

#include "cliparameter.h"

#include <QList>
#include <QSet>
#include <QStringList>

#include <utility>

class Cli;
class CliArguments;
class Database;

// One row of the CLI's command table: a command's name, what it takes, how its help explains it
// and the Cli member that runs it. Parsing, dispatch and every help text are read from the rows,
// so a new command is a new row (and its handler), never another branch.
struct CliCommand {
    using Handler = int (Cli::*)(const Database &db, const CliArguments &args);

    QString name;
    QString summary;                // one line, for the command list and the command's help
    QList<CliParameter> parameters; // options, flags and positionals, in the order help lists them
    QString example;                // a whole command line after the program name
    Handler handler = nullptr;
    bool usesDatabase = true; // false: runs even when --db or $LEADBENCH_DB is unusable

    // Splits `words` into `args` and checks them against this row; false with the problem.
    bool parse(const QStringList &words, CliArguments *args, QString *problem) const;
    // The words after the program and global options: "show ID [options]".
    QString synopsis() const;
    // Usage, summary, arguments and options with a line each, and the example.
    QString help(const QString &programSynopsis) const;

    // Name and description rows, the descriptions lined up in a second column.
    static QString twoColumns(const QList<std::pair<QString, QString>> &rows);
};
