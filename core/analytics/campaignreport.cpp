#include "campaignreport.h"

qint64 CampaignReport::total() const {
    qint64 n = 0;
    for (const Campaign &c : campaigns)
        n += c.leads;
    return n;
}
