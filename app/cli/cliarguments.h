#pragma once

#include <QHash>
#include <QSet>
#include <QStringList>

// Command-line words split into options (--name value, --name=value, flags) and positionals,
// checked against what a command accepts.
class CliArguments {
public:
    // `valued` options take a value; `flags` take none. Unknown options are an error.
    bool parse(const QStringList &words, const QSet<QString> &valued, const QSet<QString> &flags);
    QString error() const { return m_error; }

    bool has(const QString &name) const {
        return m_values.contains(name) || m_flags.contains(name);
    }
    QString value(const QString &name, const QString &fallback = QString()) const {
        return m_values.value(name, fallback);
    }
    const QStringList &positionals() const { return m_positionals; }

private:
    QHash<QString, QString> m_values;
    QSet<QString> m_flags;
    QStringList m_positionals;
    QString m_error;
};
