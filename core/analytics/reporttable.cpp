#include "reporttable.h"

#include "actioncategories.h"
#include "core/domain/storefront.h"

namespace {

QString percent(double share) {
    return QString::number(share * 100.0, 'f', 1);
}

void funnelRows(ReportTable *t, const QString &name, const FunnelReport::Steps &s) {
    const QList<FunnelStep> steps = FunnelSteps::all();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const FunnelStep step = steps.at(i);
        t->rows.append(
            {name, FunnelSteps::canonicalName(step), QString::number(FunnelReport::at(s, step)),
             i == 0 ? QString() : percent(FunnelReport::conversion(s, steps.at(i - 1), step)),
             percent(FunnelReport::conversion(s, FunnelStep::New, step))});
    }
}

} // namespace

ReportTable ReportTable::funnel(const FunnelReport &report) {
    ReportTable t;
    t.header = {QStringLiteral("storefront"), QStringLiteral("step"), QStringLiteral("leads"),
                QStringLiteral("from_previous_percent"), QStringLiteral("from_new_percent")};
    for (auto it = report.storefronts.cbegin(); it != report.storefronts.cend(); ++it)
        funnelRows(&t, it.key(), *it);
    funnelRows(&t, QStringLiteral("all"), report.all);
    return t;
}

ReportTable ReportTable::offers(const OfferPerformance &report) {
    ReportTable t;
    t.header << QStringLiteral("offer_id") << QStringLiteral("leads") << ActionCategories::all()
             << QStringLiteral("qualified") << QStringLiteral("won")
             << QStringLiteral("qualified_percent") << QStringLiteral("won_percent")
             << QStringLiteral("average_score");
    for (const OfferPerformance::Offer &o : report.offers) {
        QStringList row{o.offerId, QString::number(o.leads)};
        for (const QString &a : ActionCategories::all())
            row << QString::number(o.byAction.value(a));
        row << QString::number(o.qualified) << QString::number(o.won) << percent(o.qualifiedShare())
            << percent(o.wonShare()) << QString::number(o.averageScore, 'f', 1);
        t.rows << row;
    }
    return t;
}

ReportTable ReportTable::trend(const LeadTrend &report) {
    ReportTable t;
    t.header << QStringLiteral("start") << report.keys << QStringLiteral("total")
             << QStringLiteral("moving_average");
    for (const LeadTrend::Bucket &b : report.buckets) {
        QStringList row{b.start.toString(Qt::ISODate)};
        for (const QString &k : report.keys)
            row << QString::number(b.byKey.value(k));
        row << QString::number(b.total) << QString::number(b.movingAverage, 'f', 2);
        t.rows << row;
    }
    return t;
}

ReportTable ReportTable::scores(const ScoreDistribution &report) {
    ReportTable t;
    t.header << QStringLiteral("grade") << QStringLiteral("leads")
             << QStringLiteral("average_score");
    for (Storefront sf : Storefronts::all())
        t.header << Storefronts::canonicalName(sf);
    for (const ScoreDistribution::Grade &g : report.grades) {
        QStringList row{g.grade.isEmpty() ? QStringLiteral("none") : g.grade,
                        QString::number(g.count), QString::number(g.averageScore, 'f', 1)};
        for (Storefront sf : Storefronts::all())
            row << QString::number(g.byStorefront.value(Storefronts::canonicalName(sf)));
        t.rows << row;
    }
    return t;
}

ReportTable ReportTable::campaigns(const CampaignReport &report) {
    ReportTable t;
    t.header = {QStringLiteral("campaign"), QStringLiteral("leads"), QStringLiteral("qualified"),
                QStringLiteral("won")};
    for (const CampaignReport::Campaign &c : report.campaigns)
        t.rows.append({c.campaign, QString::number(c.leads), QString::number(c.qualified),
                       QString::number(c.won)});
    return t;
}

ReportTable ReportTable::firstTouch(const FirstTouchReport &report) {
    ReportTable t;
    t.header << QStringLiteral("first_touch") << QStringLiteral("up_to_hours")
             << QStringLiteral("leads");
    for (const FirstTouchReport::Bucket &b : report.buckets)
        t.rows << QStringList{QStringLiteral("touched"),
                              b.upToSeconds > 0 ? QString::number(b.upToSeconds / 3600) : QString(),
                              QString::number(b.count)};
    t.rows << QStringList{QStringLiteral("waiting"), QString(), QString::number(report.waiting)};
    return t;
}
