#include "clicommand.h"

#include "cliarguments.h"

bool CliCommand::parse(const QStringList &words, CliArguments *args, QString *problem) const {
    QSet<QString> valued, flags;
    QStringList required, positionals;
    qsizetype requiredPositionals = 0;
    bool repeats = false;
    for (const CliParameter &p : parameters) {
        switch (p.kind) {
        case CliParameter::Kind::Option:
            valued.insert(p.name);
            if (p.required)
                required << p.name;
            break;
        case CliParameter::Kind::Flag:
            flags.insert(p.name);
            break;
        case CliParameter::Kind::Positional:
            positionals << p.name;
            requiredPositionals += p.required ? 1 : 0;
            repeats = p.repeats;
            break;
        }
    }
    if (!args->parse(words, valued, flags)) {
        *problem = args->error();
        return false;
    }
    const QStringList &given = args->positionals();
    if (given.size() > positionals.size() && !repeats) {
        *problem =
            positionals.isEmpty()
                ? QStringLiteral("%1 takes no argument %2").arg(name, given.first())
                : QStringLiteral("%1 takes %2, not also %3")
                      .arg(name, positionals.join(QLatin1Char(' ')), given.at(positionals.size()));
        return false;
    }
    if (given.size() < requiredPositionals) {
        *problem = QStringLiteral("%1 needs %2").arg(name, positionals.at(given.size()));
        return false;
    }
    for (const CliParameter &p : parameters) {
        if (p.kind == CliParameter::Kind::Option && p.required && !args->has(p.name)) {
            *problem = QStringLiteral("%1 needs %2").arg(name, p.synopsis());
            return false;
        }
    }
    return true;
}

QString CliCommand::synopsis() const {
    QStringList words{name};
    bool optional = false;
    for (const CliParameter &p : parameters) {
        if (p.kind == CliParameter::Kind::Option && p.required)
            words << p.synopsis();
        else if (p.kind != CliParameter::Kind::Positional)
            optional = true;
    }
    for (const CliParameter &p : parameters)
        if (p.kind == CliParameter::Kind::Positional)
            words << (p.required ? p.synopsis() : QStringLiteral("[%1]").arg(p.synopsis()));
    if (optional)
        words << QStringLiteral("[options]");
    return words.join(QLatin1Char(' '));
}

QString CliCommand::help(const QString &programSynopsis) const {
    // The summary as a sentence: "List leads as a table, CSV or JSON, streamed page by page."
    QString sentence = summary;
    if (!sentence.isEmpty())
        sentence[0] = sentence.at(0).toUpper();
    QString text =
        QStringLiteral("usage: %1 %2\n\n%3.\n").arg(programSynopsis, synopsis(), sentence);
    QList<std::pair<QString, QString>> arguments, options;
    for (const CliParameter &p : parameters)
        (p.kind == CliParameter::Kind::Positional ? arguments : options)
            << std::pair{p.synopsis(), p.description};
    if (!arguments.isEmpty())
        text += QStringLiteral("\narguments:\n") + twoColumns(arguments);
    if (!options.isEmpty())
        text += QStringLiteral("\noptions:\n") + twoColumns(options);
    text += QStringLiteral("\nexample:\n  leadbench-cli %1\n").arg(example);
    return text;
}

QString CliCommand::twoColumns(const QList<std::pair<QString, QString>> &rows) {
    // Descriptions start in one column and wrap within a terminal's 100 characters; a name too
    // long for the column gets a line of its own.
    constexpr qsizetype widest = 28;
    constexpr qsizetype lineWidth = 100;
    qsizetype width = 0;
    for (const auto &[left, right] : rows)
        if (left.size() <= widest)
            width = std::max(width, left.size());
    const QString indent(width + 4, QLatin1Char(' '));
    QString text;
    for (const auto &[left, right] : rows) {
        text += QStringLiteral("  ") + left;
        if (left.size() > width)
            text += QLatin1Char('\n') + indent;
        else
            text += QString(width - left.size() + 2, QLatin1Char(' '));
        qsizetype used = indent.size();
        const QStringList words = right.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (qsizetype w = 0; w < words.size(); ++w) {
            if (w > 0 && used + 1 + words.at(w).size() > lineWidth) {
                text += QLatin1Char('\n') + indent;
                used = indent.size();
            } else if (w > 0) {
                text += QLatin1Char(' ');
                ++used;
            }
            text += words.at(w);
            used += words.at(w).size();
        }
        text += QLatin1Char('\n');
    }
    return text;
}
