#include "countrycodes.h"

#include <QHash>
#include <QLocale>
#include <QSet>

namespace {

// Lower case letters and digits without accents: "Côte d'Ivoire" → "cotedivoire".
QString nameKey(const QString &text) {
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 128;
    QString key;
    key.reserve(text.size());
    for (const QChar c : ascii ? text : text.normalized(QString::NormalizationForm_KD))
        if (c.isLetterOrNumber())
            key += c.toCaseFolded();
    return key;
}

// Codes Qt's territory list gives to places ISO 3166 does not: they are no countries a lead
// can come from. Kosovo's XK stays: it is user-assigned, but every CRM uses it.
bool isIsoCode(const QString &code) {
    static const QSet<QString> notIso = {
        QStringLiteral("AC"), QStringLiteral("IC"), QStringLiteral("EA"), QStringLiteral("CP"),
        QStringLiteral("DG"), QStringLiteral("EU"), QStringLiteral("QO"), QStringLiteral("TA"),
        QStringLiteral("EZ"), QStringLiteral("UN")};
    return code.size() == 2 && code.at(0).isLetter() && code.at(1).isLetter() &&
           !notIso.contains(code);
}

struct Tables {
    QSet<QString> codes;
    QHash<QString, QString> names; // nameKey → code
};

const Tables &tables() {
    static const Tables t = [] {
        Tables t;
        // Names people write that neither Qt's English nor its native names give.
        const std::pair<const char *, const char *> aliases[] = {
            {"USA", "US"},
            {"U.S.A.", "US"},
            {"U.S.", "US"},
            {"United States of America", "US"},
            {"America", "US"},
            {"UK", "GB"},
            {"U.K.", "GB"},
            {"Great Britain", "GB"},
            {"Britain", "GB"},
            {"England", "GB"},
            {"Scotland", "GB"},
            {"Wales", "GB"},
            {"Northern Ireland", "GB"},
            {"United Kingdom of Great Britain and Northern Ireland", "GB"},
            {"Korea, Republic of", "KR"},
            {"Republic of Korea", "KR"},
            {"Korea", "KR"},
            {"Korea, Democratic People's Republic of", "KP"},
            {"Viet Nam", "VN"},
            {"Russian Federation", "RU"},
            {"Iran, Islamic Republic of", "IR"},
            {"Syrian Arab Republic", "SY"},
            {"Lao People's Democratic Republic", "LA"},
            {"Bolivia, Plurinational State of", "BO"},
            {"Venezuela, Bolivarian Republic of", "VE"},
            {"Tanzania, United Republic of", "TZ"},
            {"Moldova, Republic of", "MD"},
            {"Taiwan, Province of China", "TW"},
            {"Hong Kong SAR", "HK"},
            {"Macau", "MO"},
            {"Czech Republic", "CZ"},
            {"Turkey", "TR"},
            {"Türkiye", "TR"},
            {"Holland", "NL"},
            {"The Netherlands", "NL"},
            {"Netherlands, The", "NL"},
            {"Ivory Coast", "CI"},
            {"Côte d'Ivoire", "CI"},
            {"Cabo Verde", "CV"},
            {"Swaziland", "SZ"},
            {"North Macedonia", "MK"},
            {"Burma", "MM"},
            {"East Timor", "TL"},
            {"Palestine", "PS"},
            {"State of Palestine", "PS"},
            {"Holy See", "VA"},
            {"Vatican", "VA"},
            {"Brunei Darussalam", "BN"},
            {"Micronesia, Federated States of", "FM"},
            {"Congo, Democratic Republic of the", "CD"},
            {"Democratic Republic of the Congo", "CD"},
            {"DR Congo", "CD"},
            {"Republic of the Congo", "CG"},
            {"Congo", "CG"},
            {"UAE", "AE"},
            {"Deutschland", "DE"},
            {"Nederland", "NL"},
            {"België", "BE"},
            {"Belgique", "BE"},
            {"Österreich", "AT"},
            {"Schweiz", "CH"},
            {"Suisse", "CH"},
            {"Svizzera", "CH"},
            {"España", "ES"},
            {"Italia", "IT"},
            {"Polska", "PL"},
            {"Sverige", "SE"},
            {"Norge", "NO"},
            {"Danmark", "DK"},
            {"Suomi", "FI"},
            {"Éire", "IE"},
            {"日本", "JP"},
            {"中国", "CN"},
            {"Brasil", "BR"},
            {"México", "MX"},
        };
        for (int i = 1; i <= QLocale::LastTerritory; ++i) {
            const auto territory = QLocale::Territory(i);
            const QString code = QLocale::territoryToCode(territory);
            if (!isIsoCode(code))
                continue;
            t.codes.insert(code);
            t.names.insert(nameKey(QLocale::territoryToString(territory)), code);
        }
        // Qt's English names may change with its CLDR version; the aliases above stay.
        for (const auto &[name, code] : aliases)
            t.names.insert(nameKey(QString::fromUtf8(name)), QLatin1String(code));
        // The country's own names, in each of its languages; never over an English name.
        const QList<QLocale> locales = QLocale::matchingLocales(
            QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory);
        for (const QLocale &locale : locales) {
            const QString code = QLocale::territoryToCode(locale.territory());
            const QString key = nameKey(locale.nativeTerritoryName());
            if (isIsoCode(code) && !key.isEmpty() && !t.names.contains(key))
                t.names.insert(key, code);
        }
        return t;
    }();
    return t;
}

} // namespace

namespace CountryCodes {

QString fromText(const QString &text) {
    const QString t = text.trimmed();
    if (t.size() == 2) {
        const QString code = t.toUpper();
        if (tables().codes.contains(code))
            return code;
    }
    const QString key = nameKey(t);
    if (key.isEmpty())
        return {};
    return tables().names.value(key);
}

bool isCode(const QString &code) {
    return tables().codes.contains(code);
}

} // namespace CountryCodes
