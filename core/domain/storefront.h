#pragma once
// Domain: the marketplace storefronts and lead stages, with their canonical and display names.

#include <QList>
#include <QString>

// A storefront a lead arrived through.
enum class Storefront { AppSource, AzureMarketplace, AzurePortal, Other };

namespace Storefronts {
QList<Storefront> all();
QString canonicalName(Storefront s); // "appsource", "azure-marketplace", ...
QString displayName(Storefront s);   // "AppSource", "Azure Marketplace", ...
bool fromCanonicalName(const QString &name, Storefront *out);
} // namespace Storefronts
