#include "dedupkey.h"

#include "lead.h"

namespace DedupKey {

QString normalise(const QString &text) {
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    // Plain ASCII is already in normal form; normalising costs more than everything else here.
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 128;
    for (const QChar c : ascii ? text : text.normalized(QString::NormalizationForm_KC)) {
        if (c.isLetterOrNumber()) {
            if (pendingSpace && !out.isEmpty())
                out += QLatin1Char(' ');
            pendingSpace = false;
            out += c.toCaseFolded();
        } else if (c.isSpace()) {
            pendingSpace = true;
        }
    }
    return out;
}

QString nameKey(const Lead &lead) {
    const QString first = normalise(lead.firstName);
    const QString last = normalise(lead.lastName);
    const QString company = normalise(lead.company);
    if (first.isEmpty() && last.isEmpty() && company.isEmpty())
        return {};
    return QStringLiteral("n:") + first + QLatin1Char('/') + last + QLatin1Char('/') + company +
           QLatin1Char('|') + lead.offerId.trimmed().toCaseFolded();
}

QString of(const Lead &lead) {
    const QString email = lead.email.trimmed().toCaseFolded();
    if (!email.isEmpty())
        return QStringLiteral("e:") + email + QLatin1Char('|') +
               lead.offerId.trimmed().toCaseFolded();
    return nameKey(lead);
}

quint64 hash(const QString &key) {
    quint64 h = 14695981039346656037ULL;
    for (const QChar c : key)
        h = (h ^ c.unicode()) * 1099511628211ULL;
    return h;
}

qint64 nameHash(const Lead &lead) {
    const QString key = nameKey(lead);
    if (key.isEmpty())
        return 0;
    return qint64(hash(key) & 0x7fffffffffffffffULL) | 1; // never 0, which means "no name"
}

bool hasName(const Lead &lead) {
    return !normalise(lead.firstName).isEmpty() || !normalise(lead.lastName).isEmpty();
}

} // namespace DedupKey
