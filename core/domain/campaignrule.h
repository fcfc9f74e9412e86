#pragma once

#include <QList>
#include <QString>

struct Lead;

// Links leads to a campaign by their storefront and marketplace action (AppSource PLT → the
// "Contact me" campaign; StartTestDrive → the test drive campaign; …).
struct CampaignRule {
    qint64 id = 0;
    QString storefront; // Storefronts canonical name; "" for any storefront
    QString action;     // the action code, as the marketplace writes it
    QString campaign;   // the campaign's name

    bool matches(const Lead &lead) const;
    // The campaign of the first rule for the lead's storefront and action, else of the first
    // rule for its action on any storefront; "" when none matches.
    static QString campaignFor(const QList<CampaignRule> &rules, const Lead &lead);
};
