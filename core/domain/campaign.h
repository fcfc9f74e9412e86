#pragma once

#include "campaignkind.h"

#include <QDateTime>
#include <QString>

// A marketing campaign leads answer: the lead's `campaign` column holds its name.
struct Campaign {
    qint64 id = 0;
    QString name;
    QString storefront; // Storefronts canonical name; "" for any storefront
    CampaignKind kind = CampaignKind::Other;
    QDateTime startsAt; // UTC; null when open
    QDateTime endsAt;   // UTC; null when open
    double budget = 0.0;
    qint64 leads = 0; // how many leads are linked (when read with counts)
};
