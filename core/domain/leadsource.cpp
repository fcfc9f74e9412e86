#include "leadsource.h"

#include <QStringList>

namespace {

bool storefrontForSource(const QString &source, Storefront *out) {
    if (source.compare(QLatin1String("AzureMarketplace"), Qt::CaseInsensitive) == 0) {
        *out = Storefront::AzureMarketplace;
        return true;
    }
    if (source.compare(QLatin1String("AzurePortal"), Qt::CaseInsensitive) == 0) {
        *out = Storefront::AzurePortal;
        return true;
    }
    if (source.compare(QLatin1String("AppSource"), Qt::CaseInsensitive) == 0 ||
        source.compare(QLatin1String("SPZA"), Qt::CaseInsensitive) == 0) {
        *out = Storefront::AppSource;
        return true;
    }
    return false;
}

} // namespace

LeadSource LeadSource::parse(const QString &text) {
    LeadSource ls;
    ls.raw = text;
    const QString trimmed = text.trimmed();
    const qsizetype bar = trimmed.indexOf(QLatin1Char('|'));
    const QString head = bar < 0 ? trimmed : trimmed.left(bar).trimmed();
    if (bar >= 0)
        ls.offerId = trimmed.mid(bar + 1).trimmed();

    // The offer id may itself contain '-', so only the part before '|' is split on it.
    const qsizetype dash = head.indexOf(QLatin1Char('-'));
    ls.sourceName = dash < 0 ? head : head.left(dash).trimmed();
    if (dash >= 0)
        ls.action = head.mid(dash + 1).trimmed();

    const bool knownSource = storefrontForSource(ls.sourceName, &ls.storefront);
    if (!knownSource)
        ls.storefront = Storefront::Other;
    ls.wellFormed =
        knownSource && bar >= 0 && dash >= 0 && !ls.action.isEmpty() && !ls.offerId.isEmpty();
    return ls;
}

bool LeadSource::isKnownAction(const QString &action) {
    static const QStringList known = {QStringLiteral("INS"), QStringLiteral("PLT"),
                                      QStringLiteral("DNC"), QStringLiteral("Create"),
                                      QStringLiteral("StartTestDrive")};
    return known.contains(action, Qt::CaseInsensitive);
}
