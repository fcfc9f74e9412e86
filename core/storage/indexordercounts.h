#pragma once

#include "database.h"
#include "leadanalyticsqueries.h"
#include "leadfilter.h"

#include <QVariantList>

#include <optional>

// The charts' counts over most of the leads, read from an index already in the order of their
// groups (schema version 12): SQLite groups while it reads, with no sort and no row handed
// out per lead, which for a million leads takes a third of the time of reading every lead.
// SQLite only, and only for a filter whose columns the index holds (a period, storefront,
// owner, offer and the chart's own groups): any other condition would need the lead's row and
// is read along the creation time instead.
class IndexOrderCounts {
public:
    explicit IndexOrderCounts(const Database &db);
    QString lastError() const { return m_error; }

    // Whether reading the index of `indexColumns` in order counts `filter` sooner than a pass
    // along the creation time: a large SQLite database, a filter that names only columns the
    // index holds, and a period holding at least a third of the leads.
    static bool suits(const Database &db, const LeadFilter &filter,
                      const QStringList &indexColumns);
    // suits() for stageCounts() by `groupColumn` (storefront, offer_id or campaign; with the
    // scores, offer_id only), gradeCounts() and dayCounts().
    static bool suitsStages(const Database &db, const LeadFilter &filter,
                            const QString &groupColumn, bool withScores);
    static bool suitsGrades(const Database &db, const LeadFilter &filter);
    static bool suitsDays(const Database &db, const LeadFilter &filter);

    // LeadAnalyticsQueries::stageCounts() for a group column suitsStages() knows.
    std::optional<LeadAnalyticsQueries::StageCounts>
    stageCounts(const LeadFilter &filter, const QString &groupColumn, bool withScores) const;
    // LeadAnalyticsQueries::dayCounts().
    std::optional<QList<LeadAnalyticsQueries::DayRow>> dayCounts(const LeadFilter &filter,
                                                                 const QString &keyColumn) const;
    // LeadAnalyticsQueries::gradeCounts().
    std::optional<QList<LeadAnalyticsQueries::GradeRow>>
    gradeCounts(const LeadFilter &filter) const;

    // Schema version 12: the indexes these counts read.
    static QStringList schema();

    // Leads (by the span of their ids) from which suits() may say yes; tests set it low to
    // read small databases this way, or high never to.
    static qint64 usedFrom();
    static void setUsedFrom(qint64 leads);

private:
    // The rows of "SELECT `columns` FROM leads INDEXED BY `index` WHERE (the filter) GROUP BY
    // `groupBy`", in the order of the groups unless test leads are counted too; `first` is the
    // first group's expression (the creation day narrows the period's range of the index).
    std::optional<QList<QVariantList>> groupedRows(const QString &columns, const QString &index,
                                                   const LeadFilter &filter, const QString &first,
                                                   const QString &groupBy,
                                                   const QString &what) const;
    // The same for one value of is_test: the filter's, or with `condition` ("is_test = 1").
    std::optional<QList<QVariantList>> groupedRowsOf(const QString &columns, const QString &index,
                                                     const LeadFilter &filter,
                                                     const QString &condition, const QString &first,
                                                     const QString &groupBy,
                                                     const QString &what) const;

    Database m_db;
    mutable QString m_error;
};
