#pragma once

#include "../domain/campaign.h"
#include "../domain/campaignrule.h"
#include "../domain/lead.h"
#include "database.h"

#include <QList>

#include <optional>

// The campaigns and the rules that link leads to them (tables campaigns, campaign_rules). A
// lead is linked by its `campaign` column holding the campaign's name.
class CampaignRepository {
public:
    explicit CampaignRepository(const Database &db);

    QString lastError() const { return m_error; }
    // Every campaign by name, with how many leads (test leads aside) each has.
    QList<Campaign> all() const;
    std::optional<Campaign> find(const QString &name) const;
    // A new campaign; refused when the name is taken or empty.
    bool add(const Campaign &campaign, const QString &actor);
    QList<CampaignRule> rules() const;
    // Links leads of `storefront` ("" any) and `action` to `campaign`, replacing the rule for
    // that storefront and action; the campaign must exist.
    bool setRule(const CampaignRule &rule);
    // Makes a campaign (kind other) of every campaign text leads carry that is none yet: what
    // imports and the demo generator wrote. Returns how many were made, -1 on failure.
    int sync(const QString &actor);
    // The leads no campaign links yet, with their storefront, action and version only.
    QList<Lead> unlinkedLeads() const;

private:
    Database m_db;
    mutable QString m_error;
};
