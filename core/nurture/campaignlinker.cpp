#include "campaignlinker.h"

#include "../domain/campaignrule.h"
#include "../storage/campaignrepository.h"
#include "../storage/leadwriter.h"

#include <QHash>

CampaignLinker::CampaignLinker(const Database &db)
    : m_db(db) {}

CampaignLinker::Result CampaignLinker::linkByRules(const QString &actor) {
    Result result;
    const CampaignRepository campaigns(m_db);
    const QList<CampaignRule> rules = campaigns.rules();
    if (!campaigns.lastError().isEmpty()) {
        result.error = campaigns.lastError();
        return result;
    }
    const QList<Lead> leads = campaigns.unlinkedLeads();
    if (!campaigns.lastError().isEmpty()) {
        result.error = campaigns.lastError();
        return result;
    }
    QHash<QString, QList<LeadVersion>> byCampaign;
    for (const Lead &lead : leads) {
        const QString campaign = CampaignRule::campaignFor(rules, lead);
        if (campaign.isEmpty())
            ++result.unmatched;
        else
            byCampaign[campaign] << LeadVersion{lead.id, lead.version};
    }
    LeadWriter writer(m_db);
    for (auto it = byCampaign.cbegin(); it != byCampaign.cend(); ++it) {
        const QList<UpdateResult> results = writer.updateMany(
            it.value(), LeadChanges().set(QStringLiteral("campaign"), it.key()), actor);
        for (const UpdateResult &r : results) {
            if (r.status == UpdateResult::Status::Failed) {
                result.error = r.error;
                return result;
            }
            if (r.ok())
                ++result.linked;
        }
    }
    result.ok = true;
    return result;
}
