#include "indexordercounts.h"

#include "../domain/funnelstep.h"
#include "leadquery.h"
#include "mappedreads.h"
#include "periodslices.h"
#include "sqlstatement.h"
#include "stagecountsfold.h"

#include <QCoreApplication>
#include <QHash>

#include <atomic>

namespace {

// From 10,000 leads the index read is the faster way: on 100,000 leads, 12–21 ms rather than
// 33–40 ms for the funnel, offers, scores and campaigns; on 5,000 about the same.
std::atomic<qint64> usedLeads{10000};

// A period read this way costs about what a pass along the creation time costs for a third
// of the leads: below that share the pass reads less.
constexpr double leastShare = 1.0 / 3.0;

// The index for each group column, its columns in the order of the groups, then the creation
// time, so that a period is checked in the index. A filter by a column an index holds is
// counted from it too (the funnel and the scores of one storefront); wider indexes, with the
// owner and offer as well, made every chart slower than the filters gained.
struct GroupIndex {
    const char *column;
    const char *name;
    const char *columns;
    bool hasScore;
};
constexpr GroupIndex groupIndexes[] = {
    {"storefront", "leads_overview", "is_test, storefront, stage, reached_step, action, created_at",
     false},
    {"offer_id", "leads_offer_funnel",
     "is_test, offer_id, stage, reached_step, action, score, created_at", true},
    {"campaign", "leads_campaign_funnel",
     "is_test, campaign, stage, reached_step, action, created_at", false},
};
constexpr GroupIndex gradeIndex{"grade", "leads_grades",
                                "is_test, grade, storefront, score, created_at", true};
// By the creation day, a text prefix of the creation time: the expression in the index is the
// one the query groups by, so that SQLite reads the days in order.
const QString creationDay = QStringLiteral("substr(created_at, 1, 10)");
const QString dayIndex = QStringLiteral("leads_days");
const QString dayColumns =
    QStringLiteral("is_test, (%1), storefront, action, created_at").arg(creationDay);

const GroupIndex *indexFor(const QString &column) {
    for (const GroupIndex &i : groupIndexes)
        if (column == QLatin1String(i.column))
            return &i;
    return nullptr;
}

QStringList columnsOf(const QString &list) {
    return list.split(QStringLiteral(", "));
}

// The columns `f` names, or nullopt when it has a condition no index here holds (a search, a
// selection, a due time, do-not-contact, origin, destination, the SLA).
std::optional<QStringList> filterColumns(const LeadFilter &f) {
    if (!f.search.trimmed().isEmpty() || !f.ids.isEmpty() || f.dueBefore.isValid() ||
        f.doNotContact || !f.origin.isEmpty() || !f.destination.isEmpty() || f.slaBreached)
        return std::nullopt;
    QStringList named;
    const std::pair<bool, const char *> conditions[] = {
        {f.storefront.has_value(), "storefront"},
        {f.stage.has_value(), "stage"},
        {!f.owner.isEmpty(), "owner"},
        {!f.offerId.isEmpty(), "offer_id"},
        {!f.action.isEmpty(), "action"},
        {f.minScore.has_value(), "score"},
        {!f.grade.isEmpty(), "grade"},
        {!f.campaign.isEmpty(), "campaign"},
        {f.since.isValid() || f.until.isValid(), "created_at"}};
    for (const auto &[named_, column] : conditions)
        if (named_)
            named << QLatin1String(column);
    return named;
}

// `rows` with `more` added: a row of the same keys (its first `keys` values) adds its counts
// and sums, another is appended.
QList<QVariantList> addedUp(QList<QVariantList> rows, const QList<QVariantList> &more, int keys) {
    const auto keyOf = [keys](const QVariantList &row) {
        QStringList key;
        for (int i = 0; i < keys; ++i)
            key << row.at(i).toString();
        return key.join(QChar(0x1f));
    };
    QHash<QString, qsizetype> at;
    for (qsizetype i = 0; i < rows.size(); ++i)
        at.insert(keyOf(rows.at(i)), i);
    for (const QVariantList &row : more) {
        const QString key = keyOf(row);
        const auto it = at.constFind(key);
        if (it == at.constEnd()) {
            at.insert(key, rows.size());
            rows << row;
            continue;
        }
        QVariantList &sum = rows[*it];
        for (qsizetype c = keys; c < row.size(); ++c)
            sum[c] = sum.at(c).toLongLong() + row.at(c).toLongLong();
    }
    return rows;
}

} // namespace

IndexOrderCounts::IndexOrderCounts(const Database &db)
    : m_db(db) {}

qint64 IndexOrderCounts::usedFrom() {
    return usedLeads.load();
}

void IndexOrderCounts::setUsedFrom(qint64 leads) {
    usedLeads.store(leads);
}

QStringList IndexOrderCounts::schema() {
    // leads_overview (counts and statistics) gains the furthest step; the offer index of the
    // first schema and the campaign index of the ninth make way for the charts', which a
    // filter by offer or campaign finds its leads by as well.
    QStringList sql{QStringLiteral("DROP INDEX leads_overview"),
                    QStringLiteral("DROP INDEX leads_offer_id"),
                    QStringLiteral("DROP INDEX leads_campaign")};
    for (const GroupIndex &i : groupIndexes)
        sql << QStringLiteral("CREATE INDEX %1 ON leads(%2)")
                   .arg(QLatin1String(i.name), QLatin1String(i.columns));
    sql << QStringLiteral("CREATE INDEX %1 ON leads(%2)")
               .arg(QLatin1String(gradeIndex.name), QLatin1String(gradeIndex.columns))
        << QStringLiteral("CREATE INDEX %1 ON leads(%2)").arg(dayIndex, dayColumns);
    return sql;
}

bool IndexOrderCounts::suits(const Database &db, const LeadFilter &filter,
                             const QStringList &indexColumns) {
    if (db.backend() != Database::Backend::Sqlite)
        return false;
    const std::optional<QStringList> named = filterColumns(filter);
    if (!named)
        return false;
    for (const QString &column : *named)
        if (!indexColumns.contains(column))
            return false;
    qint64 minId = 0;
    return PeriodSlices::idSpan(db, &minId) + 1 >= usedFrom() &&
           PeriodSlices::share(db, filter) >= leastShare;
}

bool IndexOrderCounts::suitsStages(const Database &db, const LeadFilter &filter,
                                   const QString &groupColumn, bool withScores) {
    const GroupIndex *index = indexFor(groupColumn);
    return index && (index->hasScore || !withScores) &&
           suits(db, filter, columnsOf(QLatin1String(index->columns)));
}

bool IndexOrderCounts::suitsGrades(const Database &db, const LeadFilter &filter) {
    return suits(db, filter, columnsOf(QLatin1String(gradeIndex.columns)));
}

bool IndexOrderCounts::suitsDays(const Database &db, const LeadFilter &filter) {
    // A period alone: with a storefront or an action fixed, SQLite no longer sees that the
    // index gives the days and keys in order, and sorts. Not with test leads either: adding
    // up two readings of every day's rows took longer than the pass (1M leads, all time:
    // median 187 ms against 167), and the days' rows must come in order.
    return !filter.includeTest && suits(db, filter, {QStringLiteral("created_at")});
}

std::optional<LeadAnalyticsQueries::StageCounts>
IndexOrderCounts::stageCounts(const LeadFilter &filter, const QString &groupColumn,
                              bool withScores) const {
    const GroupIndex *index = indexFor(groupColumn);
    if (!index || (withScores && !index->hasScore)) {
        m_error = QCoreApplication::translate("IndexOrderCounts", "no index holds the stages by %1")
                      .arg(groupColumn);
        return std::nullopt;
    }
    const auto rows = groupedRows(
        QStringLiteral("%1, stage, reached_step, action, count(*), %2")
            .arg(groupColumn, withScores ? QStringLiteral("sum(score)") : QStringLiteral("0")),
        QLatin1String(index->name), filter, groupColumn,
        QStringLiteral("%1, stage, reached_step, action").arg(groupColumn),
        QCoreApplication::translate("IndexOrderCounts", "cannot count leads by stage"));
    if (!rows)
        return std::nullopt;
    StageCountsFold fold;
    for (const QVariantList &row : *rows)
        fold.add(row.at(0).toString(), row.at(3).toString(), row.at(1).toString(),
                 row.at(2).toInt(), row.at(4).toLongLong(), row.at(5).toLongLong());
    m_error.clear();
    return fold.take();
}

std::optional<QList<LeadAnalyticsQueries::GradeRow>>
IndexOrderCounts::gradeCounts(const LeadFilter &filter) const {
    const auto rows = groupedRows(
        QStringLiteral("grade, storefront, count(*), sum(score)"), QLatin1String(gradeIndex.name),
        filter, QStringLiteral("grade"), QStringLiteral("grade, storefront"),
        QCoreApplication::translate("IndexOrderCounts", "cannot count leads by grade"));
    if (!rows)
        return std::nullopt;
    QList<LeadAnalyticsQueries::GradeRow> out;
    for (const QVariantList &row : *rows)
        out.append({row.at(0).toString(), row.at(1).toString(), row.at(2).toLongLong(),
                    row.at(3).toLongLong()});
    m_error.clear();
    return out;
}

std::optional<QList<LeadAnalyticsQueries::DayRow>>
IndexOrderCounts::dayCounts(const LeadFilter &filter, const QString &keyColumn) const {
    const bool byAction = keyColumn == QLatin1String("action");
    if (!byAction && keyColumn != QLatin1String("storefront")) {
        m_error =
            QCoreApplication::translate("IndexOrderCounts", "cannot count leads per day by %1")
                .arg(keyColumn);
        return std::nullopt;
    }
    const auto rows =
        groupedRows(QStringLiteral("%1, storefront, action, count(*)").arg(creationDay), dayIndex,
                    filter, creationDay, QStringLiteral("1, 2, 3"),
                    QCoreApplication::translate("IndexOrderCounts", "cannot count leads per day"));
    if (!rows)
        return std::nullopt;
    QList<LeadAnalyticsQueries::DayRow> out;
    // A day's rows come together: its keys are added up before the next day starts.
    QHash<QString, qsizetype> dayRows; // key of the current day → out
    QString day;
    for (const QVariantList &row : *rows) {
        const QString d = row.at(0).toString();
        if (out.isEmpty() || d != day) {
            day = d;
            dayRows.clear();
        }
        const QString key = row.at(byAction ? 2 : 1).toString();
        auto it = dayRows.constFind(key);
        if (it == dayRows.constEnd()) {
            it = dayRows.insert(key, out.size());
            out.append({day, key, 0});
        }
        out[*it].count += row.at(3).toLongLong();
    }
    m_error.clear();
    return out;
}

std::optional<QList<QVariantList>>
IndexOrderCounts::groupedRows(const QString &columns, const QString &index,
                              const LeadFilter &filter, const QString &first,
                              const QString &groupBy, const QString &what) const {
    if (!filter.includeTest)
        return groupedRowsOf(columns, index, filter, QString(), first, groupBy, what);
    // Every index leads with is_test, so it gives the groups in order within one value of it:
    // the leads and the test leads are each read in order, then added up by their keys (the
    // order is then lost: the stages and grades are folded by key, the days never come here).
    LeadFilter leads = filter;
    leads.includeTest = false;
    const auto rows = groupedRowsOf(columns, index, leads, QString(), first, groupBy, what);
    if (!rows)
        return std::nullopt;
    const auto tests =
        groupedRowsOf(columns, index, filter, QStringLiteral("is_test = 1"), first, groupBy, what);
    if (!tests)
        return std::nullopt;
    return addedUp(*rows, *tests, int(groupBy.split(QStringLiteral(", ")).size()));
}

std::optional<QList<QVariantList>>
IndexOrderCounts::groupedRowsOf(const QString &columns, const QString &index,
                                const LeadFilter &filter, const QString &condition,
                                const QString &first, const QString &groupBy,
                                const QString &what) const {
    QVariantList binds;
    QString where = LeadQuery(m_db.backend()).where(filter, &binds);
    const auto addCondition = [](QString *w, const QString &condition) {
        *w += w->isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ");
        *w += condition;
    };
    if (!condition.isEmpty())
        addCondition(&where, condition);
    // A period's days as well as its times, when the first group is the day: SQLite then
    // starts and stops at them in the index.
    if (first == creationDay) {
        if (filter.since.isValid()) {
            addCondition(&where, creationDay + QStringLiteral(" >= ?"));
            binds << filter.since.toUTC().date().toString(Qt::ISODate);
        }
        if (filter.until.isValid()) {
            addCondition(&where, creationDay + QStringLiteral(" <= ?"));
            binds << filter.until.toUTC().date().toString(Qt::ISODate);
        }
    }
    const MappedReads mapped(m_db);
    SqlStatement q(m_db);
    if (!q.prepare(QStringLiteral("SELECT %1 FROM leads INDEXED BY %2").arg(columns, index) +
                   where + QStringLiteral(" GROUP BY ") + groupBy)) {
        m_error = QStringLiteral("%1: %2").arg(what, q.error());
        return std::nullopt;
    }
    for (qsizetype i = 0; i < binds.size(); ++i)
        q.bind(int(i), binds.at(i));
    if (!q.exec()) {
        m_error = QStringLiteral("%1: %2").arg(what, q.error());
        return std::nullopt;
    }
    QList<QVariantList> out;
    const int n = q.columnCount();
    while (q.next()) {
        QVariantList row;
        row.reserve(n);
        for (int c = 0; c < n; ++c)
            row << q.value(c);
        out << row;
    }
    const QString error = q.error();
    q.finish();
    if (!error.isEmpty()) {
        m_error = QStringLiteral("%1: %2").arg(what, error);
        return std::nullopt;
    }
    return out;
}
