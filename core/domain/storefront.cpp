#include "storefront.h"

#include <QCoreApplication>

namespace Storefronts {

QList<Storefront> all() {
    return {Storefront::AppSource, Storefront::AzureMarketplace, Storefront::AzurePortal,
            Storefront::Other};
}

QString canonicalName(Storefront s) {
    switch (s) {
    case Storefront::AppSource:
        return QStringLiteral("appsource");
    case Storefront::AzureMarketplace:
        return QStringLiteral("azure-marketplace");
    case Storefront::AzurePortal:
        return QStringLiteral("azure-portal");
    case Storefront::Other:
        break;
    }
    return QStringLiteral("other");
}

QString displayName(Storefront s) {
    switch (s) {
    case Storefront::AppSource:
        return QCoreApplication::translate("Storefront", "AppSource");
    case Storefront::AzureMarketplace:
        return QCoreApplication::translate("Storefront", "Azure Marketplace");
    case Storefront::AzurePortal:
        return QCoreApplication::translate("Storefront", "Azure portal");
    case Storefront::Other:
        break;
    }
    return QCoreApplication::translate("Storefront", "Other");
}

bool fromCanonicalName(const QString &name, Storefront *out) {
    const QString key = name.trimmed().toLower();
    for (Storefront s : all()) {
        if (canonicalName(s) == key) {
            *out = s;
            return true;
        }
    }
    return false;
}

} // namespace Storefronts
