#include "campaignrule.h"

#include "lead.h"

bool CampaignRule::matches(const Lead &lead) const {
    return action.compare(lead.action, Qt::CaseInsensitive) == 0 &&
           (storefront.isEmpty() || storefront == Storefronts::canonicalName(lead.storefront));
}

QString CampaignRule::campaignFor(const QList<CampaignRule> &rules, const Lead &lead) {
    QString anyStorefront;
    for (const CampaignRule &r : rules) {
        if (!r.matches(lead))
            continue;
        if (!r.storefront.isEmpty())
            return r.campaign;
        if (anyStorefront.isEmpty())
            anyStorefront = r.campaign;
    }
    return anyStorefront;
}
