#include "firsttouchtimes.h"

#include "followupplanstore.h"
#include "indexordercounts.h"
#include "leadanalyticsqueries.h"
#include "leadquery.h"
#include "periodslices.h"
#include "sqldialect.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

FirstTouchTimes::FirstTouchTimes(const Database &db)
    : m_db(db) {}

QList<qint64> FirstTouchTimes::bucketBounds() {
    constexpr qint64 hour = 3600;
    return {hour, 4 * hour, 8 * hour, 24 * hour, 48 * hour, 7 * 24 * hour};
}

namespace {

// leads_first_touch: the buckets are ranges of the seconds; the period and what decides an
// untouched lead still waits checked in the index.
const QString indexColumns =
    QStringLiteral("is_test, first_touch_seconds, created_at, follow_ups, stage");

} // namespace

QStringList FirstTouchTimes::schema(const SqlDialect &d) {
    return {
        QStringLiteral("ALTER TABLE leads ADD COLUMN first_touch_seconds %1 NOT NULL DEFAULT -1")
            .arg(d.bigint()),
        QStringLiteral("UPDATE leads SET first_touch_seconds = %1 WHERE id IN (SELECT lead_id "
                       "FROM lead_nurture WHERE first_touch_at <> '')")
            .arg(FollowUpPlanStore::keptFirstTouch()),
        // A bucket is one range of it, and the open leads nobody touched are the range of
        // -1 with what decides they still wait.
        QStringLiteral("CREATE INDEX leads_first_touch ON leads(%1)").arg(indexColumns)};
}

std::optional<FirstTouchTimes::Counts> FirstTouchTimes::counts(const LeadFilter &filter,
                                                               qint64 targetSeconds) const {
    // Most of a large database: each bucket one range of leads_first_touch. Otherwise one pass
    // over the filter's leads (a period's along the charts' covering index, which holds the
    // first touch too).
    if (IndexOrderCounts::suits(m_db, filter, indexColumns.split(QStringLiteral(", "))))
        return rangeCounts(filter, targetSeconds);
    const QList<qint64> bounds = bucketBounds();
    QStringList counted;
    const QString within = QStringLiteral("count(*) FILTER (WHERE first_touch_seconds >= %1 AND "
                                          "first_touch_seconds < %2)");
    for (qsizetype i = 0; i <= bounds.size(); ++i)
        counted << (i < bounds.size()
                        ? within.arg(i == 0 ? 0 : bounds.at(i - 1)).arg(bounds.at(i))
                        : QStringLiteral("count(*) FILTER (WHERE first_touch_seconds >= %1)")
                              .arg(bounds.last()));
    counted << QStringLiteral("count(*) FILTER (WHERE first_touch_seconds > %1)").arg(targetSeconds)
            << QStringLiteral("count(*) FILTER (WHERE %1)").arg(waitingCondition());
    // A large database's filter in slices read side by side (PeriodSlices), added up.
    const QList<LeadFilter> slices = PeriodSlices::of(m_db, filter);
    QList<QList<qint64>> parts(slices.size());
    QStringList errors(slices.size());
    auto *partSlots = parts.data();
    auto *errorSlots = errors.data();
    PeriodSlices::run(m_db, slices, [&](qsizetype i, const LeadFilter &slice) {
        QVariantList binds;
        const QString where = LeadAnalyticsQueries::passWhere(m_db.backend(), slice, &binds);
        QSqlQuery q(m_db.connection());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT %1 FROM ").arg(counted.join(QStringLiteral(", "))) +
                  LeadAnalyticsQueries::leadsFor(m_db.backend(), slice) + where);
        for (const QVariant &v : std::as_const(binds))
            q.addBindValue(v);
        if (!q.exec() || !q.next()) {
            errorSlots[i] = q.lastError().text().simplified();
            return;
        }
        for (qsizetype c = 0; c < counted.size(); ++c)
            partSlots[i] << q.value(int(c)).toLongLong();
    });
    QList<qint64> sums(counted.size(), 0);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts.at(i).size() != counted.size()) {
            m_error = QCoreApplication::translate("FirstTouchTimes",
                                                  "cannot read the times to first touch: %1")
                          .arg(errors.at(i));
            return std::nullopt;
        }
        for (qsizetype c = 0; c < counted.size(); ++c)
            sums[c] += parts.at(i).at(c);
    }
    Counts out;
    int column = 0;
    for (qsizetype i = 0; i <= bounds.size(); ++i)
        out.buckets << sums.at(column++);
    out.pastTarget = sums.at(column++);
    out.waiting = sums.at(column++);
    m_error.clear();
    return out;
}

QString FirstTouchTimes::waitingCondition() {
    // Open leads nobody has touched: no logged touch and none counted by an import.
    return QStringLiteral("first_touch_seconds = -1 AND follow_ups = 0 AND stage NOT IN ('won', "
                          "'lost', 'disqualified')");
}

std::optional<FirstTouchTimes::Counts> FirstTouchTimes::rangeCounts(const LeadFilter &filter,
                                                                    qint64 targetSeconds) const {
    const QList<qint64> bounds = bucketBounds();
    QVariantList filterBinds;
    QString where = LeadAnalyticsQueries::passWhere(m_db.backend(), filter, &filterBinds);
    where += where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ");
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // The leads of the filter whose first touch came within [from, to) seconds (no end when
    // `to` is negative).
    auto countWithin = [&](qint64 from, qint64 to, qint64 *count) {
        q.prepare(QStringLiteral("SELECT count(*) FROM leads") + where +
                  (to < 0
                       ? QStringLiteral("first_touch_seconds >= ?")
                       : QStringLiteral("first_touch_seconds >= ? AND first_touch_seconds < ?")));
        for (const QVariant &v : std::as_const(filterBinds))
            q.addBindValue(v);
        q.addBindValue(from);
        if (to >= 0)
            q.addBindValue(to);
        if (!q.exec() || !q.next()) {
            m_error = QCoreApplication::translate("FirstTouchTimes",
                                                  "cannot read the times to first touch: %1")
                          .arg(q.lastError().text().simplified());
            return false;
        }
        *count = q.value(0).toLongLong();
        return true;
    };
    Counts out;
    out.buckets.fill(0, bounds.size() + 1);
    for (qsizetype i = 0; i <= bounds.size(); ++i) {
        if (!countWithin(i == 0 ? 0 : bounds.at(i - 1), i < bounds.size() ? bounds.at(i) : -1,
                         &out.buckets[i]))
            return std::nullopt;
    }
    if (!countWithin(targetSeconds + 1, -1, &out.pastTarget))
        return std::nullopt;
    q.prepare(QStringLiteral("SELECT count(*) FROM leads") + where + waitingCondition());
    for (const QVariant &v : std::as_const(filterBinds))
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        m_error = QCoreApplication::translate("FirstTouchTimes",
                                              "cannot read the times to first touch: %1")
                      .arg(q.lastError().text().simplified());
        return std::nullopt;
    }
    out.waiting = q.value(0).toLongLong();
    m_error.clear();
    return out;
}
