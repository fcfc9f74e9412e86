#include "personname.h"

#include <QSet>
#include <QStringList>

namespace {

QString wordKey(const QString &word) {
    // No salutation, suffix or particle is longer than "della" with a dot: a name's other
    // words need no key.
    if (word.size() > 6)
        return {};
    QString key;
    for (const QChar c : word)
        if (c.isLetter() || c == QLatin1Char('\''))
            key += c.toCaseFolded();
    return key;
}

bool isSalutation(const QString &word) {
    static const QSet<QString> words = {
        QStringLiteral("mr"),   QStringLiteral("mrs"),  QStringLiteral("ms"),
        QStringLiteral("miss"), QStringLiteral("dr"),   QStringLiteral("prof"),
        QStringLiteral("dhr"),  QStringLiteral("mevr"), QStringLiteral("mw"),
        QStringLiteral("herr"), QStringLiteral("frau"), QStringLiteral("mme"),
        QStringLiteral("mlle"), QStringLiteral("sr"),   QStringLiteral("sra")};
    // "Sr" alone is a salutation in Spanish; after a name it is a suffix (see isSuffix).
    return words.contains(wordKey(word));
}

bool isSuffix(const QString &word) {
    static const QSet<QString> words = {QStringLiteral("jr"), QStringLiteral("sr"),
                                        QStringLiteral("ii"), QStringLiteral("iii"),
                                        QStringLiteral("iv"), QStringLiteral("phd")};
    return words.contains(wordKey(word));
}

// Words that start a family name in Dutch, German, French, Italian, Spanish and Portuguese.
bool isParticle(const QString &word) {
    static const QSet<QString> words = {
        QStringLiteral("van"),   QStringLiteral("von"), QStringLiteral("de"),
        QStringLiteral("der"),   QStringLiteral("den"), QStringLiteral("het"),
        QStringLiteral("'t"),    QStringLiteral("ten"), QStringLiteral("ter"),
        QStringLiteral("te"),    QStringLiteral("op"),  QStringLiteral("in"),
        QStringLiteral("zu"),    QStringLiteral("vom"), QStringLiteral("zum"),
        QStringLiteral("da"),    QStringLiteral("di"),  QStringLiteral("del"),
        QStringLiteral("della"), QStringLiteral("dos"), QStringLiteral("das"),
        QStringLiteral("do"),    QStringLiteral("du"),  QStringLiteral("des"),
        QStringLiteral("le"),    QStringLiteral("la"),  QStringLiteral("bin"),
        QStringLiteral("al"),    QStringLiteral("el")};
    return words.contains(wordKey(word));
}

} // namespace

PersonName PersonName::split(const QString &text) {
    PersonName name;
    const QString t = text.simplified();
    if (t.isEmpty())
        return name;
    const qsizetype comma = t.indexOf(QLatin1Char(','));
    if (comma > 0) {
        const QString after = t.mid(comma + 1).trimmed();
        // "Smith, Jr." is no last-name-first form.
        if (!after.isEmpty() && !isSuffix(after)) {
            name.last = t.left(comma).trimmed();
            name.first = after;
            return name;
        }
    }
    QStringList words =
        (comma < 0 ? t : QString(t).remove(QLatin1Char(',')).simplified()).split(QLatin1Char(' '));
    bool saluted = false;
    while (words.size() > 1 && isSalutation(words.first())) {
        words.removeFirst();
        saluted = true;
    }
    if (words.size() == 1) {
        (saluted ? name.last : name.first) = words.first();
        return name;
    }
    qsizetype lastStart = words.size() - 1;
    if (isSuffix(words.last()))
        --lastStart; // "Smith Jr." alone is all last name
    // The first particle after the first word starts the last name: "Jan van der Berg".
    for (qsizetype i = 1; i < lastStart; ++i) {
        if (isParticle(words.at(i))) {
            lastStart = i;
            break;
        }
    }
    if (isParticle(words.first()) && !saluted) {
        // "van Dijk" alone is a family name.
        bool allParticlesButLast = true;
        for (qsizetype i = 0; i + 1 < words.size(); ++i)
            allParticlesButLast = allParticlesButLast && isParticle(words.at(i));
        if (allParticlesButLast)
            lastStart = 0;
    } else if (saluted && isParticle(words.first())) {
        lastStart = 0;
    }
    name.first = words.mid(0, lastStart).join(QLatin1Char(' '));
    name.last = words.mid(lastStart).join(QLatin1Char(' '));
    return name;
}
