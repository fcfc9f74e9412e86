#pragma once

#include "database.h"
#include "leadfilter.h"

class SqlDialect;
class SqlStatement;

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

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
    // What a pass over `filter`'s leads reads FROM: on SQLite the charts' covering index
    // (coveringIndex()) whenever it holds every column the filter names.
    static QString leadsFor(Database::Backend backend, const LeadFilter &filter);
    // The WHERE of a pass over `filter`'s leads (LeadQuery::where, appending to `binds`). With
    // test leads on SQLite it names both values of is_test: the covering index leads with
    // is_test, and a period is then two ranges of it instead of a scan of all of it.
    static QString passWhere(Database::Backend backend, const LeadFilter &filter,
                             QVariantList *binds);

    struct StageRow {
        QString group; // the group column's value
        QString action;
        QString stage;
        qint64 count = 0;
        qint64 scoreSum = 0; // only when asked for
    };
    struct ReachRow {
        QString group;
        QString stage;    // the lead's current stage
        int furthest = 0; // the furthest FunnelStep its history shows
        qint64 count = 0;
    };
    struct StageCounts {
        // Leads per value of the group column, action and current stage.
        QList<StageRow> stages;
        // The leads whose stage ever went back (lost, disqualified, or moved back) and had come
        // further before: per group, current stage and the furthest funnel step before a step
        // back. Every other lead stands at its furthest step now.
        QList<ReachRow> reach;
    };
    // For `groupColumn` (storefront, offer_id, campaign or action), in one pass over the
    // leads: their stored furthest step tells who went back.
    std::optional<StageCounts> stageCounts(const LeadFilter &filter, const QString &groupColumn,
                                           bool withScores) const;

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

    // Schema version 8's indexes for the reports: the stage changes that went back a funnel
    // step, by lead, and the columns offers and campaigns group by (both replaced in 10).
    static QStringList indexes();
    // Schema version 10: each lead's furthest funnel step stored beside it (`reached_step`),
    // worked out from the history once and then kept by a trigger on the stage changes; the
    // charts' columns covered by the creation-time index.
    static QStringList reachedStepSchema(const SqlDialect &d);
    // The charts' covering index as it is from schema version 12, with every column a chart
    // reads or filters on.
    static QString coveringIndex();

private:
    // Prepares `sql` on `q`, binds `binds` and runs it; false (with lastError() "`what`: …")
    // when it cannot.
    bool run(SqlStatement &q, const QString &sql, const QVariantList &binds,
             const QString &what) const;
    struct Group {
        QList<QByteArray> keys;
        qint64 count = 0;
        qint64 sum = 0;
    };
    // count(*) and sum(`sumExpr`) (0 when empty) of the filter's leads grouped by `keys`. On
    // SQLite the rows are read in index order and grouped here: SQLite groups by sorting, which
    // for a million leads costs three times the read.
    std::optional<QList<Group>> grouped(const LeadFilter &filter, const QStringList &keys,
                                        const QString &sumExpr, const QString &what) const;
    std::optional<QList<qint64>> readIds(const QString &sql, const QVariantList &binds) const;
    // stageCounts() of each slice (PeriodSlices), read side by side and added up.
    std::optional<StageCounts> stageCountsSliced(const QList<LeadFilter> &slices,
                                                 const QString &groupColumn, bool withScores) const;
    bool fail(const QString &what, const QString &detail) const;

    Database m_db;
    mutable QString m_error;
    bool m_oneThread = false; // a slice's reader: reads its filter here, whatever its size
};
