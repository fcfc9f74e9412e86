#pragma once

#include "storefront.h"

#include <QString>

// A parsed marketplace LeadSource value, `Source-Action|Offer`; never loses the raw text.
struct LeadSource {
    QString raw;        // the input, verbatim
    QString sourceName; // "AzureMarketplace", "AzurePortal", "AppSource", "SPZA", or unknown text
    QString action;     // verbatim action code; unknown codes are kept
    QString offerId;    // publisherid.offerid
    Storefront storefront = Storefront::Other;
    bool wellFormed = false; // both separators present and a known source

    // Never throws; malformed input gives storefront Other with the raw text kept.
    static LeadSource parse(const QString &text);
    static bool isKnownAction(const QString &action);
};
