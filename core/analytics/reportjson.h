#pragma once

#include "campaignreport.h"
#include "firsttouchreport.h"
#include "funnelreport.h"
#include "leadtrend.h"
#include "offerperformance.h"
#include "scoredistribution.h"

#include <QJsonObject>

// The reports as JSON for `leadbench-cli report`: canonical names as keys, shares 0..1 to four
// decimals.
namespace ReportJson {
// {"storefronts":{"appsource":{"new":N,…,"won":N},…},"all":{…},"conversion":{"appsource":
// {"contacted":x,…,"won":x,"overall":x},…,"all":{…}}}; a step's conversion is from the step
// before.
QJsonObject funnel(const FunnelReport &report);
QJsonObject offers(const OfferPerformance &report);
QJsonObject trend(const LeadTrend &report);
QJsonObject scores(const ScoreDistribution &report);
QJsonObject campaigns(const CampaignReport &report);
// {"target_hours", "touched", "past_target", "waiting", "buckets": [{"up_to_hours", "leads"}]};
// the last bucket, open-ended, has no "up_to_hours".
QJsonObject firstTouch(const FirstTouchReport &report);
} // namespace ReportJson
