#pragma once

#include "campaignreport.h"
#include "firsttouchreport.h"
#include "funnelreport.h"
#include "leadtrend.h"
#include "offerperformance.h"
#include "scoredistribution.h"

#include <QList>
#include <QStringList>

// A report's numbers as a header and rows of text, for CSV and Excel: one table per chart,
// the same for the CLI and the dashboard's exports.
struct ReportTable {
    QStringList header;
    QList<QStringList> rows;

    // storefront, step, leads, conversion from the step before, conversion from new
    static ReportTable funnel(const FunnelReport &report);
    // offer_id, leads, one column per action, qualified, won, qualified %, won %, average score
    static ReportTable offers(const OfferPerformance &report);
    // start, one column per key, total, moving average
    static ReportTable trend(const LeadTrend &report);
    // grade, leads, average score, one column per storefront
    static ReportTable scores(const ScoreDistribution &report);
    // campaign, leads, qualified, won
    static ReportTable campaigns(const CampaignReport &report);
    // A row per bucket of time to the first touch (up_to_hours empty for the open-ended last),
    // then the open leads still waiting for one.
    static ReportTable firstTouch(const FirstTouchReport &report);
};
