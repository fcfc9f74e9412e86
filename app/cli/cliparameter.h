#pragma once

#include <QString>

// One thing a command takes on its command line: a valued option, a flag or a positional
// argument, with the line its help gives it.
struct CliParameter {
    enum class Kind { Option, Flag, Positional };

    Kind kind = Kind::Option;
    QString name;        // "format" for --format; "FILE" for a positional
    QString valueName;   // what an option's value looks like: "csv|json|table"
    QString description; // one line
    bool required = false;
    bool repeats = false; // a positional that takes one or more values: "ID..."

    static CliParameter option(const QString &name, const QString &valueName,
                               const QString &description, bool required = false) {
        return {Kind::Option, name, valueName, description, required};
    }
    static CliParameter flag(const QString &name, const QString &description) {
        return {Kind::Flag, name, {}, description, false};
    }
    static CliParameter positional(const QString &name, const QString &description,
                                   bool required = true) {
        return {Kind::Positional, name, {}, description, required};
    }
    static CliParameter positionals(const QString &name, const QString &description) {
        return {Kind::Positional, name, {}, description, true, true};
    }

    // As a usage line writes it: "--format csv|json|table", "--include-test", "FILE".
    QString synopsis() const;
};
