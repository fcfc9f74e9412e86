#pragma once

#include "campaignreport.h"
#include "core/storage/database.h"
#include "core/storage/leadfilter.h"
#include "firsttouchreport.h"
#include "funnelreport.h"
#include "leadtrend.h"
#include "offerperformance.h"
#include "scoredistribution.h"

#include <optional>

// The charts' numbers for the leads of a LeadFilter, read on this thread's connection through
// LeadAnalyticsQueries and folded into plain reports; the same for the window and the CLI.
// Also the drill-down: the filter that selects exactly the leads behind one bar.
class LeadAnalytics {
public:
    explicit LeadAnalytics(const Database &db);
    QString lastError() const { return m_error; }

    std::optional<FunnelReport> funnel(const LeadFilter &filter) const;
    std::optional<OfferPerformance> offers(const LeadFilter &filter) const;
    std::optional<LeadTrend> trend(const LeadFilter &filter, LeadTrend::Interval interval,
                                   LeadTrend::By by, int window = 3) const;
    std::optional<ScoreDistribution> scores(const LeadFilter &filter) const;
    std::optional<CampaignReport> campaigns(const LeadFilter &filter) const;
    std::optional<FirstTouchReport> firstTouch(const LeadFilter &filter) const;

    // Drill-down filters: `filter` narrowed to the leads of one bar. Where a LeadFilter field
    // says it (a storefront, an offer and action, a created range, a grade) the result uses
    // it; otherwise it lists the leads' ids. nullopt on a read error.
    // The leads of `storefront` (all when empty) that reached `step`.
    std::optional<LeadFilter> funnelStepLeads(const LeadFilter &filter, const QString &storefront,
                                              FunnelStep step) const;
    // The leads of an offer with an action category (every action when empty).
    std::optional<LeadFilter> offerLeads(const LeadFilter &filter, const QString &offerId,
                                         const QString &actionCategory) const;
    // The leads of a trend bucket and series key (every key when empty).
    std::optional<LeadFilter> trendLeads(const LeadFilter &filter, const LeadTrend &trend,
                                         QDate bucketStart, const QString &key) const;
    std::optional<LeadFilter> gradeLeads(const LeadFilter &filter, const QString &grade) const;
    std::optional<LeadFilter> campaignLeads(const LeadFilter &filter,
                                            const QString &campaign) const;

private:
    std::optional<LeadFilter> withIds(LeadFilter filter,
                                      const std::optional<QList<qint64>> &ids) const;

    Database m_db;
    mutable QString m_error;
};
