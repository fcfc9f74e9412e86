#include "dedupkey.h"

#include "lead.h"

namespace DedupKey {

QString normalise(const QString &text) {
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (const QChar c : text.normalized(QString::NormalizationForm_KC)) {
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

bool hasName(const Lead &lead) {
    return !normalise(lead.firstName).isEmpty() || !normalise(lead.lastName).isEmpty();
}

} // namespace DedupKey
