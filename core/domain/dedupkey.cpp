#include "dedupkey.h"

#include "lead.h"

namespace DedupKey {

namespace {

// The normalised parts a lead's keys are made of.
struct Parts {
    QString first, last, company, offer;
};

Parts partsOf(const Lead &lead) {
    return {normalise(lead.firstName), normalise(lead.lastName), normalise(lead.company),
            lead.offerId.trimmed().toCaseFolded()};
}

QString nameKeyOf(const Parts &p) {
    if (p.first.isEmpty() && p.last.isEmpty() && p.company.isEmpty())
        return {};
    return QStringLiteral("n:") + p.first + QLatin1Char('/') + p.last + QLatin1Char('/') +
           p.company + QLatin1Char('|') + p.offer;
}

QString emailKeyOf(const Lead &lead, const QString &offer) {
    const QString email = lead.email.trimmed().toCaseFolded();
    return email.isEmpty() ? QString() : QStringLiteral("e:") + email + QLatin1Char('|') + offer;
}

qint64 hashOfNameKey(const QString &key) {
    if (key.isEmpty())
        return 0;
    return qint64(hash(key) & 0x7fffffffffffffffULL) | 1; // never 0, which means "no name"
}

bool isAsciiLetterOrDigit(char16_t c) {
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

bool isAsciiSpace(char16_t c) {
    return c == u' ' || (c >= u'\t' && c <= u'\r');
}

} // namespace

QString normalise(const QString &text) {
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 128;
    if (ascii) {
        // Plain ASCII is already in normal form, and its letters fold to lower case: written
        // straight into the result, as most names and companies are.
        QString out(text.size(), Qt::Uninitialized);
        QChar *to = out.data();
        QChar *const begin = to;
        bool pendingSpace = false;
        for (const QChar qc : text) {
            const char16_t c = qc.unicode();
            if (isAsciiLetterOrDigit(c)) {
                if (pendingSpace && to != begin)
                    *to++ = QLatin1Char(' ');
                pendingSpace = false;
                *to++ = QChar(c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c);
            } else if (isAsciiSpace(c)) {
                pendingSpace = true;
            }
        }
        out.truncate(to - begin);
        return out;
    }
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
    return nameKeyOf(partsOf(lead));
}

QString of(const Lead &lead) {
    const QString offer = lead.offerId.trimmed().toCaseFolded();
    const QString byEmail = emailKeyOf(lead, offer);
    return byEmail.isEmpty() ? nameKey(lead) : byEmail;
}

Identity identity(const Lead &lead) {
    const Parts parts = partsOf(lead);
    const QString name = nameKeyOf(parts);
    const QString byEmail = emailKeyOf(lead, parts.offer);
    return {byEmail.isEmpty() ? name : byEmail, hashOfNameKey(name),
            !parts.first.isEmpty() || !parts.last.isEmpty()};
}

quint64 hash(const QString &key) {
    quint64 h = 14695981039346656037ULL;
    for (const QChar c : key)
        h = (h ^ c.unicode()) * 1099511628211ULL;
    return h;
}

qint64 nameHash(const Lead &lead) {
    return hashOfNameKey(nameKey(lead));
}

bool hasName(const Lead &lead) {
    return !normalise(lead.firstName).isEmpty() || !normalise(lead.lastName).isEmpty();
}

} // namespace DedupKey
