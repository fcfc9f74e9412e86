#pragma once

#include "campaignreport.h"
#include "firsttouchreport.h"
#include "funnelreport.h"
#include "leadtrend.h"
#include "offerperformance.h"
#include "scoredistribution.h"

// Every chart's numbers for one filter: what the dashboard reads in one job and what a chart
// is drawn from.
struct ChartData {
    FunnelReport funnel;
    OfferPerformance offers;
    LeadTrend trend;
    ScoreDistribution scores;
    CampaignReport campaigns;
    FirstTouchReport firstTouch;
};
