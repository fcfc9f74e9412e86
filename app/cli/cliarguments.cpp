#include "cliarguments.h"

bool CliArguments::parse(const QStringList &words, const QSet<QString> &valued,
                         const QSet<QString> &flags) {
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &w = words.at(i);
        if (!w.startsWith(QLatin1String("--")) || w == QLatin1String("--")) {
            m_positionals << w;
            continue;
        }
        QString name = w.mid(2);
        QString value;
        bool inlineValue = false;
        const qsizetype eq = name.indexOf(QLatin1Char('='));
        if (eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            inlineValue = true;
        }
        if (flags.contains(name)) {
            if (inlineValue) {
                m_error = QStringLiteral("--%1 takes no value").arg(name);
                return false;
            }
            m_flags.insert(name);
        } else if (valued.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= words.size()) {
                    m_error = QStringLiteral("--%1 needs a value").arg(name);
                    return false;
                }
                value = words.at(++i);
            }
            m_values.insert(name, value);
        } else {
            m_error = QStringLiteral("unknown option --%1").arg(name);
            return false;
        }
    }
    return true;
}
