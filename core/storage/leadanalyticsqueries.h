#pragma once

#include "database.h"
#include "leadfilter.h"

#include <QList>
#include <QString>

#include <optional>

// The aggregations behind the charts, over the leads of a LeadFilter (LeadQuery's translation,
// so that a chart means the same leads as the list): counts by a column, stage and action, by
// day, by grade, and how far leads whose stage went back had come. Plain rows out; folding them
// into reports is core/analytics' work.
class LeadAnalyticsQueries {
public:
    explicit LeadAnalyticsQueries(const Database &db);
    QString lastError() const { return m_error; }

    // The columns a report may group by.
    static bool isGroupColumn(const QString &column);

    struct StageRow {
        QString group; // the group column's value
        QString action;
        QString stage;
        qint64 count = 0;
        qint64 scoreSum = 0; // only when asked for
    };
    // Leads per value of `groupColumn` (storefront, offer_id, campaign, action), action and
    // current stage. Without scores, grouped by storefront, the overview index answers alone.
    std::optional<QList<StageRow>> stageCounts(const LeadFilter &filter, const QString &groupColumn,
                                               bool withScores) const;

    struct ReachRow {
        QString group;
        QString stage;    // the lead's current stage
        int furthest = 0; // the furthest FunnelStep its history shows
        qint64 count = 0;
    };
    // The leads whose stage ever went back (lost, disqualified, or moved back), grouped by
    // `groupColumn`, current stage and the furthest funnel step before a step back. Every other
    // lead stands at its furthest step now. Reads only the history index of steps back.
    std::optional<QList<ReachRow>> furthestSteps(const LeadFilter &filter,
                                                 const QString &groupColumn) const;

    struct DayRow {
        QString day; // YYYY-MM-DD in UTC
        QString key; // the storefront or action
        qint64 count = 0;
    };
    // Leads per creation day and `keyColumn` (storefront or action).
    std::optional<QList<DayRow>> dayCounts(const LeadFilter &filter,
                                           const QString &keyColumn) const;

    struct GradeRow {
        QString grade; // "" for ungraded
        QString storefront;
        qint64 count = 0;
        qint64 scoreSum = 0;
    };
    std::optional<QList<GradeRow>> gradeCounts(const LeadFilter &filter) const;

    // The ids of the filter's leads that reached funnel step `minStep` or beyond, now or
    // before a step back, whose `column` (a group column; none when empty) is `value`.
    std::optional<QList<qint64>> reachedIds(const LeadFilter &filter, int minStep,
                                            const QString &column, const QString &value) const;
    // The ids of the filter's leads whose `column` is one of `values`, or none of them when
    // `exclude`: the leads behind a bar no LeadFilter field names (a campaign, "other"
    // actions, ungraded leads).
    std::optional<QList<qint64>> idsWhere(const LeadFilter &filter, const QString &column,
                                          const QStringList &values, bool exclude) const;

    // The index furthestSteps reads: the stage changes that went back a funnel step, by lead.
    static QString stepBackIndex();

private:
    std::optional<QList<qint64>> readIds(const QString &sql, const QVariantList &binds) const;
    bool fail(const QString &what, const QString &detail) const;

    Database m_db;
    mutable QString m_error;
};
