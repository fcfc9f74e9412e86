#include "reportjson.h"

#include "actioncategories.h"

#include <QJsonArray>

#include <cmath>

namespace {

double share(double x) {
    return std::round(x * 10000.0) / 10000.0;
}

QJsonObject steps(const FunnelReport::Steps &s) {
    QJsonObject o;
    for (FunnelStep step : FunnelSteps::all())
        o.insert(FunnelSteps::canonicalName(step), FunnelReport::at(s, step));
    return o;
}

QJsonObject conversions(const FunnelReport::Steps &s) {
    QJsonObject o;
    const QList<FunnelStep> all = FunnelSteps::all();
    for (qsizetype i = 1; i < all.size(); ++i)
        o.insert(FunnelSteps::canonicalName(all.at(i)),
                 share(FunnelReport::conversion(s, all.at(i - 1), all.at(i))));
    o.insert(QStringLiteral("overall"),
             share(FunnelReport::conversion(s, FunnelStep::New, FunnelStep::Won)));
    return o;
}

QJsonObject counts(const QMap<QString, qint64> &map) {
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

QJsonObject ReportJson::funnel(const FunnelReport &report) {
    QJsonObject storefronts, conversion;
    for (auto it = report.storefronts.cbegin(); it != report.storefronts.cend(); ++it) {
        storefronts.insert(it.key(), steps(*it));
        conversion.insert(it.key(), conversions(*it));
    }
    conversion.insert(QStringLiteral("all"), conversions(report.all));
    return {{QStringLiteral("storefronts"), storefronts},
            {QStringLiteral("all"), steps(report.all)},
            {QStringLiteral("conversion"), conversion}};
}

QJsonObject ReportJson::offers(const OfferPerformance &report) {
    QJsonArray offers;
    for (const OfferPerformance::Offer &o : report.offers) {
        QJsonObject actions;
        for (const QString &a : ActionCategories::all())
            actions.insert(a, o.byAction.value(a));
        offers.append(QJsonObject{
            {QStringLiteral("offer_id"), o.offerId},
            {QStringLiteral("leads"), o.leads},
            {QStringLiteral("actions"), actions},
            {QStringLiteral("qualified"), o.qualified},
            {QStringLiteral("won"), o.won},
            {QStringLiteral("qualified_share"), share(o.qualifiedShare())},
            {QStringLiteral("won_share"), share(o.wonShare())},
            {QStringLiteral("average_score"), std::round(o.averageScore * 10.0) / 10.0}});
    }
    return {{QStringLiteral("offers"), offers}};
}

QJsonObject ReportJson::trend(const LeadTrend &report) {
    QJsonArray buckets;
    for (const LeadTrend::Bucket &b : report.buckets) {
        QJsonObject byKey;
        for (const QString &k : report.keys)
            byKey.insert(k, b.byKey.value(k));
        buckets.append(QJsonObject{
            {QStringLiteral("start"), b.start.toString(Qt::ISODate)},
            {QStringLiteral("total"), b.total},
            {QStringLiteral("moving_average"), std::round(b.movingAverage * 100.0) / 100.0},
            {QStringLiteral("counts"), byKey}});
    }
    return {{QStringLiteral("interval"), report.interval == LeadTrend::Interval::Week
                                             ? QStringLiteral("week")
                                             : QStringLiteral("month")},
            {QStringLiteral("by"), report.by == LeadTrend::By::Action
                                       ? QStringLiteral("action")
                                       : QStringLiteral("storefront")},
            {QStringLiteral("window"), report.window},
            {QStringLiteral("buckets"), buckets}};
}

QJsonObject ReportJson::scores(const ScoreDistribution &report) {
    QJsonArray grades;
    for (const ScoreDistribution::Grade &g : report.grades)
        grades.append(
            QJsonObject{{QStringLiteral("grade"), g.grade},
                        {QStringLiteral("leads"), g.count},
                        {QStringLiteral("average_score"), std::round(g.averageScore * 10.0) / 10.0},
                        {QStringLiteral("storefronts"), counts(g.byStorefront)}});
    return {{QStringLiteral("grades"), grades}};
}

QJsonObject ReportJson::firstTouch(const FirstTouchReport &report) {
    QJsonArray buckets;
    for (const FirstTouchReport::Bucket &b : report.buckets) {
        QJsonObject o{{QStringLiteral("leads"), b.count}};
        if (b.upToSeconds > 0)
            o.insert(QStringLiteral("up_to_hours"), b.upToSeconds / 3600);
        buckets.append(o);
    }
    return {{QStringLiteral("target_hours"), report.targetHours},
            {QStringLiteral("touched"), report.touched},
            {QStringLiteral("past_target"), report.pastTarget},
            {QStringLiteral("waiting"), report.waiting},
            {QStringLiteral("buckets"), buckets}};
}

QJsonObject ReportJson::campaigns(const CampaignReport &report) {
    QJsonArray campaigns;
    for (const CampaignReport::Campaign &c : report.campaigns)
        campaigns.append(QJsonObject{{QStringLiteral("campaign"), c.campaign},
                                     {QStringLiteral("leads"), c.leads},
                                     {QStringLiteral("qualified"), c.qualified},
                                     {QStringLiteral("won"), c.won}});
    return {{QStringLiteral("campaigns"), campaigns}};
}
