#include "leadanalytics.h"

#include "core/storage/firsttouchtimes.h"
#include "core/storage/slareport.h"

#include "actioncategories.h"
#include "core/domain/storefront.h"
#include "core/storage/leadanalyticsqueries.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <QLocale>

#include <algorithm>

namespace {

using Steps = FunnelReport::Steps;

// Leads per group that reached each step, cumulative. A lead counts at its current stage's step
// unless its history shows it had come further before a step back.
std::optional<QMap<QString, Steps>> reachedSteps(const LeadAnalyticsQueries &queries,
                                                 const LeadFilter &filter, const QString &column,
                                                 QList<LeadAnalyticsQueries::StageRow> *stageRows,
                                                 bool withScores) {
    const auto counts = queries.stageCounts(filter, column, withScores);
    if (!counts)
        return std::nullopt;
    const auto *rows = &counts->stages;
    const auto *back = &counts->reach;
    QMap<QString, Steps> exact;
    for (const auto &r : *rows) {
        Steps &s = exact[r.group];
        s[size_t(FunnelSteps::ofName(r.stage))] += r.count;
    }
    for (const auto &r : *back) {
        const int now = int(FunnelSteps::ofName(r.stage));
        if (r.furthest <= now || r.furthest >= FunnelSteps::count)
            continue;
        Steps &s = exact[r.group];
        s[size_t(now)] -= r.count;
        s[size_t(r.furthest)] += r.count;
    }
    for (Steps &s : exact) {
        for (int i = FunnelSteps::count - 2; i >= 0; --i)
            s[size_t(i)] += s[size_t(i + 1)];
    }
    if (stageRows)
        *stageRows = *rows;
    return exact;
}

QDateTime utcStart(QDate day) {
    return QDateTime(day, QTime(0, 0), QTimeZone::utc());
}

} // namespace

LeadAnalytics::LeadAnalytics(const Database &db)
    : m_db(db) {}

std::optional<FunnelReport> LeadAnalytics::funnel(const LeadFilter &filter) const {
    LeadAnalyticsQueries queries(m_db);
    const auto reached =
        reachedSteps(queries, filter, QStringLiteral("storefront"), nullptr, false);
    if (!reached) {
        m_error = queries.lastError();
        return std::nullopt;
    }
    FunnelReport report;
    for (Storefront sf : Storefronts::all())
        report.storefronts[Storefronts::canonicalName(sf)] = Steps{};
    for (auto it = reached->cbegin(); it != reached->cend(); ++it) {
        Steps &s = report.storefronts[it.key()];
        for (size_t i = 0; i < s.size(); ++i) {
            s[i] += it.value()[i];
            report.all[i] += it.value()[i];
        }
    }
    m_error.clear();
    return report;
}

std::optional<OfferPerformance> LeadAnalytics::offers(const LeadFilter &filter) const {
    LeadAnalyticsQueries queries(m_db);
    QList<LeadAnalyticsQueries::StageRow> rows;
    const auto reached = reachedSteps(queries, filter, QStringLiteral("offer_id"), &rows, true);
    if (!reached) {
        m_error = queries.lastError();
        return std::nullopt;
    }
    QMap<QString, OfferPerformance::Offer> byOffer;
    QMap<QString, qint64> scoreSums;
    for (const auto &r : std::as_const(rows)) {
        OfferPerformance::Offer &o = byOffer[r.group];
        o.offerId = r.group;
        o.leads += r.count;
        o.byAction[ActionCategories::of(r.action)] += r.count;
        scoreSums[r.group] += r.scoreSum;
    }
    OfferPerformance report;
    for (auto it = byOffer.begin(); it != byOffer.end(); ++it) {
        OfferPerformance::Offer &o = it.value();
        const Steps s = reached->value(it.key());
        o.qualified = FunnelReport::at(s, FunnelStep::Qualified);
        o.won = FunnelReport::at(s, FunnelStep::Won);
        o.averageScore = o.leads > 0 ? double(scoreSums.value(it.key())) / o.leads : 0.0;
        report.offers << o;
    }
    report.sort(OfferPerformance::SortBy::Leads);
    m_error.clear();
    return report;
}

std::optional<LeadTrend> LeadAnalytics::trend(const LeadFilter &filter,
                                              LeadTrend::Interval interval, LeadTrend::By by,
                                              int window) const {
    LeadAnalyticsQueries queries(m_db);
    const bool byAction = by == LeadTrend::By::Action;
    const auto rows = queries.dayCounts(filter, byAction ? QStringLiteral("action")
                                                         : QStringLiteral("storefront"));
    if (!rows) {
        m_error = queries.lastError();
        return std::nullopt;
    }
    LeadTrend trend;
    trend.interval = interval;
    trend.by = by;
    trend.window = std::max(1, window);
    if (byAction) {
        trend.keys = ActionCategories::all();
    } else {
        for (Storefront sf : Storefronts::all())
            trend.keys << Storefronts::canonicalName(sf);
    }
    QMap<QDate, LeadTrend::Bucket> buckets;
    for (const auto &r : *rows) {
        const QDate day = QDate::fromString(r.day, Qt::ISODate);
        if (!day.isValid())
            continue; // a lead without a creation time belongs to no interval
        const QDate start = LeadTrend::bucketStart(day, interval);
        LeadTrend::Bucket &b = buckets[start];
        b.start = start;
        const QString key = byAction ? ActionCategories::of(r.key) : r.key;
        b.byKey[key] += r.count;
        b.total += r.count;
        if (!trend.keys.contains(key))
            trend.keys << key;
    }
    if (!buckets.isEmpty()) {
        // Every interval from the first to the last, so that a quiet week shows as zero.
        QDate first = buckets.firstKey();
        if (filter.since.isValid())
            first = std::min(first, LeadTrend::bucketStart(filter.since.toUTC().date(), interval));
        const QDate last = buckets.lastKey();
        for (QDate d = first; d <= last; d = LeadTrend::bucketEnd(d, interval)) {
            LeadTrend::Bucket b = buckets.value(d);
            b.start = d;
            trend.buckets << b;
        }
    }
    double sum = 0;
    for (qsizetype i = 0; i < trend.buckets.size(); ++i) {
        sum += double(trend.buckets.at(i).total);
        if (i >= trend.window)
            sum -= double(trend.buckets.at(i - trend.window).total);
        const qsizetype n = std::min<qsizetype>(i + 1, trend.window);
        trend.buckets[i].movingAverage = sum / double(n);
    }
    m_error.clear();
    return trend;
}

std::optional<ScoreDistribution> LeadAnalytics::scores(const LeadFilter &filter) const {
    LeadAnalyticsQueries queries(m_db);
    const auto rows = queries.gradeCounts(filter);
    if (!rows) {
        m_error = queries.lastError();
        return std::nullopt;
    }
    ScoreDistribution report;
    const QStringList grades = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                                QStringLiteral("D"), QString()};
    QList<qint64> sums(grades.size(), 0);
    for (const QString &g : grades)
        report.grades.append({g, 0, 0, {}});
    for (const auto &r : *rows) {
        qsizetype i = grades.indexOf(r.grade);
        if (i < 0)
            i = grades.size() - 1; // a grade no model gives counts as ungraded
        report.grades[i].count += r.count;
        report.grades[i].byStorefront[r.storefront] += r.count;
        sums[i] += r.scoreSum;
    }
    for (qsizetype i = 0; i < grades.size(); ++i) {
        ScoreDistribution::Grade &g = report.grades[i];
        g.averageScore = g.count > 0 ? double(sums.at(i)) / double(g.count) : 0.0;
    }
    m_error.clear();
    return report;
}

std::optional<CampaignReport> LeadAnalytics::campaigns(const LeadFilter &filter) const {
    LeadAnalyticsQueries queries(m_db);
    const auto reached = reachedSteps(queries, filter, QStringLiteral("campaign"), nullptr, false);
    if (!reached) {
        m_error = queries.lastError();
        return std::nullopt;
    }
    CampaignReport report;
    for (auto it = reached->cbegin(); it != reached->cend(); ++it)
        report.campaigns.append({it.key(), FunnelReport::at(*it, FunnelStep::New),
                                 FunnelReport::at(*it, FunnelStep::Qualified),
                                 FunnelReport::at(*it, FunnelStep::Won)});
    std::stable_sort(report.campaigns.begin(), report.campaigns.end(),
                     [](const auto &a, const auto &b) { return a.leads > b.leads; });
    m_error.clear();
    return report;
}

std::optional<FirstTouchReport> LeadAnalytics::firstTouch(const LeadFilter &filter) const {
    FirstTouchReport report;
    SlaReport sla(m_db);
    report.targetHours = sla.targetHours();
    const FirstTouchTimes times(m_db);
    const auto counts = times.counts(filter, qint64(report.targetHours) * 3600);
    if (!counts) {
        m_error = times.lastError();
        return std::nullopt;
    }
    const QList<qint64> bounds = FirstTouchTimes::bucketBounds();
    const QLocale locale;
    auto span = [&locale](qint64 seconds) {
        return seconds < 48 * 3600 || seconds % (24 * 3600) != 0
                   ? QCoreApplication::translate("FirstTouchReport", "%1 h")
                         .arg(locale.toString(seconds / 3600))
                   : QCoreApplication::translate("FirstTouchReport", "%1 days")
                         .arg(locale.toString(seconds / (24 * 3600)));
    };
    for (qsizetype i = 0; i < counts->buckets.size(); ++i) {
        FirstTouchReport::Bucket b;
        b.count = counts->buckets.at(i);
        report.touched += b.count;
        if (i == 0) {
            b.upToSeconds = bounds.first();
            b.label = QCoreApplication::translate("FirstTouchReport", "under %1")
                          .arg(span(bounds.first()));
        } else if (i < bounds.size()) {
            b.upToSeconds = bounds.at(i);
            b.label = QStringLiteral("%1–%2").arg(span(bounds.at(i - 1)), span(bounds.at(i)));
        } else {
            b.label =
                QCoreApplication::translate("FirstTouchReport", "over %1").arg(span(bounds.last()));
        }
        report.buckets << b;
    }
    report.pastTarget = counts->pastTarget;
    report.waiting = counts->waiting;
    m_error.clear();
    return report;
}

std::optional<LeadFilter> LeadAnalytics::withIds(LeadFilter filter,
                                                 const std::optional<QList<qint64>> &ids) const {
    if (!ids)
        return std::nullopt;
    // No lead at all must stay no lead: an empty id list would mean "no restriction".
    filter.ids = ids->isEmpty() ? QList<qint64>{0} : *ids;
    m_error.clear();
    return filter;
}

std::optional<LeadFilter> LeadAnalytics::funnelStepLeads(const LeadFilter &filter,
                                                         const QString &storefront,
                                                         FunnelStep step) const {
    LeadFilter narrowed = filter;
    if (!storefront.isEmpty()) {
        Storefront sf;
        if (!Storefronts::fromCanonicalName(storefront, &sf)) {
            m_error = QCoreApplication::translate("LeadAnalytics", "unknown storefront %1")
                          .arg(storefront);
            return std::nullopt;
        }
        narrowed.storefront = sf;
    }
    if (step == FunnelStep::New)
        return narrowed; // every lead has reached new
    LeadAnalyticsQueries queries(m_db);
    const auto ids = queries.reachedIds(narrowed, int(step), {}, {});
    if (!ids)
        m_error = queries.lastError();
    return withIds(narrowed, ids);
}

std::optional<LeadFilter> LeadAnalytics::offerLeads(const LeadFilter &filter,
                                                    const QString &offerId,
                                                    const QString &actionCategory) const {
    LeadFilter narrowed = filter;
    narrowed.offerId = offerId;
    const bool other = actionCategory == ActionCategories::other();
    if (!other)
        narrowed.action = actionCategory;
    if (!offerId.isEmpty() && !other)
        return narrowed;
    LeadAnalyticsQueries queries(m_db);
    std::optional<QList<qint64>> ids;
    if (offerId.isEmpty()) {
        // A LeadFilter's empty offer means any offer; the leads without one are listed.
        ids = queries.idsWhere(narrowed, QStringLiteral("offer_id"), {QString()}, false);
        if (ids && other) {
            narrowed.ids = ids->isEmpty() ? QList<qint64>{0} : *ids;
            ids = queries.idsWhere(narrowed, QStringLiteral("action"),
                                   ActionCategories::knownCodes(), true);
        }
    } else {
        ids = queries.idsWhere(narrowed, QStringLiteral("action"), ActionCategories::knownCodes(),
                               true);
    }
    if (!ids)
        m_error = queries.lastError();
    return withIds(narrowed, ids);
}

std::optional<LeadFilter> LeadAnalytics::trendLeads(const LeadFilter &filter,
                                                    const LeadTrend &trend, QDate bucketStart,
                                                    const QString &key) const {
    LeadFilter narrowed = filter;
    QDateTime since = utcStart(bucketStart);
    QDateTime until = utcStart(LeadTrend::bucketEnd(bucketStart, trend.interval));
    // Within the filter's own range: the first and last buckets may be partial.
    if (filter.since.isValid() && filter.since > since)
        since = filter.since;
    if (filter.until.isValid() && filter.until < until)
        until = filter.until;
    narrowed.since = since;
    narrowed.until = until;
    if (key.isEmpty())
        return narrowed;
    if (trend.by == LeadTrend::By::Storefront) {
        Storefront sf;
        if (!Storefronts::fromCanonicalName(key, &sf)) {
            m_error =
                QCoreApplication::translate("LeadAnalytics", "unknown storefront %1").arg(key);
            return std::nullopt;
        }
        narrowed.storefront = sf;
        return narrowed;
    }
    if (key != ActionCategories::other()) {
        narrowed.action = key;
        return narrowed;
    }
    LeadAnalyticsQueries queries(m_db);
    const auto ids =
        queries.idsWhere(narrowed, QStringLiteral("action"), ActionCategories::knownCodes(), true);
    if (!ids)
        m_error = queries.lastError();
    return withIds(narrowed, ids);
}

std::optional<LeadFilter> LeadAnalytics::gradeLeads(const LeadFilter &filter,
                                                    const QString &grade) const {
    LeadFilter narrowed = filter;
    if (!grade.isEmpty()) {
        narrowed.grade = grade;
        return narrowed;
    }
    LeadAnalyticsQueries queries(m_db);
    const auto ids = queries.idsWhere(
        narrowed, QStringLiteral("grade"),
        {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")}, true);
    if (!ids)
        m_error = queries.lastError();
    return withIds(narrowed, ids);
}

std::optional<LeadFilter> LeadAnalytics::campaignLeads(const LeadFilter &filter,
                                                       const QString &campaign) const {
    LeadAnalyticsQueries queries(m_db);
    const auto ids = queries.idsWhere(filter, QStringLiteral("campaign"), {campaign}, false);
    if (!ids)
        m_error = queries.lastError();
    return withIds(filter, ids);
}
