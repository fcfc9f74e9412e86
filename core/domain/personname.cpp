#include "personname.h"

#include <QList>

#include <initializer_list>

namespace {

// Whether `word`, without a trailing dot and in any case, is one of `words`. A short linear
// scan: a name column is split for every row of an import.
bool isOneOf(QStringView word, std::initializer_list<QLatin1String> words) {
    if (word.endsWith(QLatin1Char('.')))
        word.chop(1);
    if (word.size() > 5)
        return false;
    for (const QLatin1String w : words)
        if (word.compare(w, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool isSalutation(QStringView word) {
    return isOneOf(word, {QLatin1String("mr"), QLatin1String("mrs"), QLatin1String("ms"),
                          QLatin1String("miss"), QLatin1String("dr"), QLatin1String("prof"),
                          QLatin1String("dhr"), QLatin1String("mevr"), QLatin1String("mw"),
                          QLatin1String("herr"), QLatin1String("frau"), QLatin1String("mme"),
                          QLatin1String("mlle"), QLatin1String("sr"), QLatin1String("sra")});
}

// "Sr" before a name is a salutation (Spanish), after it a suffix.
bool isSuffix(QStringView word) {
    return isOneOf(word, {QLatin1String("jr"), QLatin1String("sr"), QLatin1String("ii"),
                          QLatin1String("iii"), QLatin1String("iv"), QLatin1String("phd")});
}

// Words that start a family name in Dutch, German, French, Italian, Spanish, Portuguese and
// Arabic names.
bool isParticle(QStringView word) {
    return isOneOf(word, {QLatin1String("van"),   QLatin1String("von"), QLatin1String("de"),
                          QLatin1String("der"),   QLatin1String("den"), QLatin1String("het"),
                          QLatin1String("'t"),    QLatin1String("ten"), QLatin1String("ter"),
                          QLatin1String("te"),    QLatin1String("op"),  QLatin1String("in"),
                          QLatin1String("zu"),    QLatin1String("vom"), QLatin1String("zum"),
                          QLatin1String("da"),    QLatin1String("di"),  QLatin1String("del"),
                          QLatin1String("della"), QLatin1String("dos"), QLatin1String("das"),
                          QLatin1String("do"),    QLatin1String("du"),  QLatin1String("des"),
                          QLatin1String("le"),    QLatin1String("la"),  QLatin1String("bin"),
                          QLatin1String("al"),    QLatin1String("el")});
}

} // namespace

PersonName PersonName::split(const QString &text) {
    PersonName name;
    QString t = text.simplified();
    if (t.isEmpty())
        return name;
    const qsizetype comma = t.indexOf(QLatin1Char(','));
    if (comma > 0) {
        const QStringView after = QStringView(t).mid(comma + 1).trimmed();
        // "Smith, Jr." is no last-name-first form.
        if (!after.isEmpty() && !isSuffix(after)) {
            name.last = t.left(comma).trimmed();
            name.first = after.toString();
            return name;
        }
    }
    if (comma >= 0)
        t = t.remove(QLatin1Char(',')).simplified();
    // Words as views into t: one space apart, so that a run of words is a slice of t.
    QList<QStringView> words;
    for (const QStringView word : QStringView(t).tokenize(QLatin1Char(' ')))
        words << word;
    qsizetype from = 0; // the first word after salutations
    while (from + 1 < words.size() && isSalutation(words.at(from)))
        ++from;
    const bool saluted = from > 0;
    const qsizetype count = words.size() - from;
    if (count == 1) {
        (saluted ? name.last : name.first) = words.at(from).toString();
        return name;
    }
    qsizetype lastStart = words.size() - 1;
    if (isSuffix(words.last()))
        --lastStart; // "Smith Jr." alone is all last name
    // The first particle after the first word starts the last name: "Jan van der Berg".
    for (qsizetype i = from + 1; i < lastStart; ++i) {
        if (isParticle(words.at(i))) {
            lastStart = i;
            break;
        }
    }
    if (isParticle(words.at(from))) {
        // "van Dijk" is a family name alone, as is anything after a salutation.
        bool particlesThenName = true;
        for (qsizetype i = from; i + 1 < words.size(); ++i)
            particlesThenName = particlesThenName && isParticle(words.at(i));
        if (particlesThenName || saluted)
            lastStart = from;
    }
    const qsizetype lastAt = words.at(lastStart).data() - t.constData();
    const qsizetype firstAt = words.at(from).data() - t.constData();
    name.last = t.mid(lastAt);
    if (lastStart > from)
        name.first = t.mid(firstAt, lastAt - 1 - firstAt);
    return name;
}
