#include "leadanalyticsqueries.h"

#include "../domain/funnelstep.h"
#include "leadquery.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

// The funnel step of a stored stage as SQL: FunnelSteps::of, written out.
QString stepOf(const QString &column) {
    QString sql = QStringLiteral("CASE %1").arg(column);
    for (Stage s : Stages::all()) {
        const int step = int(FunnelSteps::of(s));
        if (step > 0)
            sql += QStringLiteral(" WHEN '%1' THEN %2").arg(Stages::canonicalName(s)).arg(step);
    }
    return sql + QStringLiteral(" ELSE 0 END");
}

// A stage change that went back a step. The index on these rows and the query that reads it
// share this text: SQLite uses a partial index only for a query naming its very condition.
QString stepBackCondition() {
    return QStringLiteral("field = 'stage' AND kind = 'changed' AND %1 < %2")
        .arg(stepOf(QStringLiteral("new_value")), stepOf(QStringLiteral("old_value")));
}

bool prepareAndRun(QSqlQuery &q, const QString &sql, const QVariantList &binds) {
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return false;
    for (const QVariant &v : binds)
        q.addBindValue(v);
    return q.exec();
}

} // namespace

LeadAnalyticsQueries::LeadAnalyticsQueries(const Database &db)
    : m_db(db) {}

bool LeadAnalyticsQueries::fail(const QString &what, const QString &detail) const {
    m_error = what + QStringLiteral(": ") + detail.simplified();
    return false;
}

bool LeadAnalyticsQueries::isGroupColumn(const QString &column) {
    return column == QLatin1String("storefront") || column == QLatin1String("offer_id") ||
           column == QLatin1String("campaign") || column == QLatin1String("action");
}

QString LeadAnalyticsQueries::stepBackIndex() {
    return QStringLiteral("CREATE INDEX activities_step_back ON activities(lead_id, old_value) "
                          "WHERE ") +
           stepBackCondition();
}

std::optional<QList<LeadAnalyticsQueries::StageRow>>
LeadAnalyticsQueries::stageCounts(const LeadFilter &filter, const QString &groupColumn,
                                  bool withScores) const {
    if (!isGroupColumn(groupColumn)) {
        fail(QStringLiteral("cannot group leads"), QStringLiteral("by ") + groupColumn);
        return std::nullopt;
    }
    QVariantList binds;
    const QString sql =
        QStringLiteral("SELECT %1, action, stage, count(*), %2 FROM leads")
            .arg(groupColumn, withScores ? QStringLiteral("sum(score)") : QStringLiteral("0")) +
        LeadQuery(m_db.backend()).where(filter, &binds) +
        QStringLiteral(" GROUP BY %1, action, stage").arg(groupColumn);
    QSqlQuery q(m_db.connection());
    if (!prepareAndRun(q, sql, binds)) {
        fail(QStringLiteral("cannot count leads by stage"), q.lastError().text());
        return std::nullopt;
    }
    QList<StageRow> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toLongLong(), q.value(4).toLongLong()});
    m_error.clear();
    return rows;
}

std::optional<QList<LeadAnalyticsQueries::ReachRow>>
LeadAnalyticsQueries::furthestSteps(const LeadFilter &filter, const QString &groupColumn) const {
    if (!isGroupColumn(groupColumn)) {
        fail(QStringLiteral("cannot group leads"), QStringLiteral("by ") + groupColumn);
        return std::nullopt;
    }
    // The furthest step is where the lead was before its biggest step back: a lead that went
    // back from step N had reached N, and a lead that never went back is at its furthest now.
    // The subquery names only lead_id and furthest, so the filter's columns stay the lead's.
    QVariantList binds;
    const QString sql =
        QStringLiteral("SELECT leads.%1, leads.stage, h.furthest, count(*) FROM (SELECT lead_id, "
                       "max(%2) AS furthest FROM activities WHERE %3 GROUP BY lead_id) h JOIN "
                       "leads ON leads.id = h.lead_id")
            .arg(groupColumn, stepOf(QStringLiteral("old_value")), stepBackCondition()) +
        LeadQuery(m_db.backend()).where(filter, &binds) +
        QStringLiteral(" GROUP BY leads.%1, leads.stage, h.furthest").arg(groupColumn);
    QSqlQuery q(m_db.connection());
    if (!prepareAndRun(q, sql, binds)) {
        fail(QStringLiteral("cannot read the stage history"), q.lastError().text());
        return std::nullopt;
    }
    QList<ReachRow> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(),
                     q.value(3).toLongLong()});
    m_error.clear();
    return rows;
}

std::optional<QList<LeadAnalyticsQueries::DayRow>>
LeadAnalyticsQueries::dayCounts(const LeadFilter &filter, const QString &keyColumn) const {
    if (keyColumn != QLatin1String("storefront") && keyColumn != QLatin1String("action")) {
        fail(QStringLiteral("cannot count leads per day"), QStringLiteral("by ") + keyColumn);
        return std::nullopt;
    }
    // Days, not weeks or months: a day is the same text prefix on both backends, and the
    // few thousand day rows fold into any interval without date arithmetic in SQL.
    QVariantList binds;
    const QString sql =
        QStringLiteral("SELECT substr(created_at, 1, 10) AS day, %1, count(*) FROM leads")
            .arg(keyColumn) +
        LeadQuery(m_db.backend()).where(filter, &binds) +
        QStringLiteral(" GROUP BY substr(created_at, 1, 10), %1").arg(keyColumn);
    QSqlQuery q(m_db.connection());
    if (!prepareAndRun(q, sql, binds)) {
        fail(QStringLiteral("cannot count leads per day"), q.lastError().text());
        return std::nullopt;
    }
    QList<DayRow> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    m_error.clear();
    return rows;
}

std::optional<QList<LeadAnalyticsQueries::GradeRow>>
LeadAnalyticsQueries::gradeCounts(const LeadFilter &filter) const {
    QVariantList binds;
    const QString sql =
        QStringLiteral("SELECT grade, storefront, count(*), sum(score) FROM leads") +
        LeadQuery(m_db.backend()).where(filter, &binds) +
        QStringLiteral(" GROUP BY grade, storefront");
    QSqlQuery q(m_db.connection());
    if (!prepareAndRun(q, sql, binds)) {
        fail(QStringLiteral("cannot count leads by grade"), q.lastError().text());
        return std::nullopt;
    }
    QList<GradeRow> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                     q.value(3).toLongLong()});
    m_error.clear();
    return rows;
}

std::optional<QList<qint64>> LeadAnalyticsQueries::readIds(const QString &sql,
                                                           const QVariantList &binds) const {
    QSqlQuery q(m_db.connection());
    if (!prepareAndRun(q, sql, binds)) {
        fail(QStringLiteral("cannot read the leads of a chart"), q.lastError().text());
        return std::nullopt;
    }
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    m_error.clear();
    return ids;
}

std::optional<QList<qint64>> LeadAnalyticsQueries::reachedIds(const LeadFilter &filter, int minStep,
                                                              const QString &column,
                                                              const QString &value) const {
    if (!column.isEmpty() && !isGroupColumn(column)) {
        fail(QStringLiteral("cannot group leads"), QStringLiteral("by ") + column);
        return std::nullopt;
    }
    QVariantList binds;
    QString where = LeadQuery(m_db.backend()).where(filter, &binds);
    where += where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ");
    where += QStringLiteral("(%1 >= ? OR id IN (SELECT lead_id FROM activities WHERE %2 AND %3 "
                            ">= ?))")
                 .arg(stepOf(QStringLiteral("stage")), stepBackCondition(),
                      stepOf(QStringLiteral("old_value")));
    binds << minStep << minStep;
    if (!column.isEmpty()) {
        where += QStringLiteral(" AND %1 = ?").arg(column);
        binds << value;
    }
    return readIds(QStringLiteral("SELECT id FROM leads") + where + QStringLiteral(" ORDER BY id"),
                   binds);
}

std::optional<QList<qint64>> LeadAnalyticsQueries::idsWhere(const LeadFilter &filter,
                                                            const QString &column,
                                                            const QStringList &values,
                                                            bool exclude) const {
    if (!isGroupColumn(column) && column != QLatin1String("grade")) {
        fail(QStringLiteral("cannot select leads"), QStringLiteral("by ") + column);
        return std::nullopt;
    }
    QVariantList binds;
    QString where = LeadQuery(m_db.backend()).where(filter, &binds);
    QStringList marks;
    for (const QString &v : values) {
        marks << QStringLiteral("?");
        binds << v;
    }
    if (!marks.isEmpty()) {
        where += where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ");
        where += QStringLiteral("%1 %2 (%3)")
                     .arg(column, exclude ? QStringLiteral("NOT IN") : QStringLiteral("IN"),
                          marks.join(QStringLiteral(", ")));
    }
    return readIds(QStringLiteral("SELECT id FROM leads") + where + QStringLiteral(" ORDER BY id"),
                   binds);
}
