#include "firsttouchtimes.h"

#include "leadquery.h"

#include <QSqlError>
#include <QSqlQuery>

FirstTouchTimes::FirstTouchTimes(const Database &db)
    : m_db(db) {}

QList<qint64> FirstTouchTimes::bucketBounds() {
    constexpr qint64 hour = 3600;
    return {hour, 4 * hour, 8 * hour, 24 * hour, 48 * hour, 7 * 24 * hour};
}

std::optional<FirstTouchTimes::Counts> FirstTouchTimes::counts(const LeadFilter &filter,
                                                               qint64 targetSeconds) const {
    const QList<qint64> bounds = bucketBounds();
    QString bucket = QStringLiteral("CASE");
    for (qsizetype i = 0; i < bounds.size(); ++i)
        bucket +=
            QStringLiteral(" WHEN n.first_touch_seconds < %1 THEN %2").arg(bounds.at(i)).arg(i);
    bucket += QStringLiteral(" ELSE %1 END").arg(bounds.size());
    const LeadQuery query(m_db.backend());
    auto run = [this](QSqlQuery &q, const QString &sql, const QVariantList &binds) {
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (q.exec())
            return true;
        m_error = QStringLiteral("cannot read the times to first touch: %1")
                      .arg(q.lastError().text().simplified());
        return false;
    };
    auto and_ = [](const QString &where) {
        return where.isEmpty() ? QStringLiteral(" WHERE ") : where + QStringLiteral(" AND ");
    };
    Counts out;
    out.buckets.fill(0, bounds.size() + 1);
    QVariantList binds;
    QString where = query.where(filter, &binds);
    QSqlQuery q(m_db.connection());
    if (!run(q,
             QStringLiteral("SELECT %1, count(*), sum(CASE WHEN n.first_touch_seconds > %2 THEN 1 "
                            "ELSE 0 END) FROM leads JOIN lead_nurture n ON n.lead_id = leads.id")
                     .arg(bucket)
                     .arg(targetSeconds) +
                 and_(where) + QStringLiteral("n.first_touch_at <> '' GROUP BY 1"),
             binds))
        return std::nullopt;
    while (q.next()) {
        const int b = q.value(0).toInt();
        if (b >= 0 && b < out.buckets.size())
            out.buckets[b] = q.value(1).toLongLong();
        out.pastTarget += q.value(2).toLongLong();
    }
    // Open leads nobody has touched: no logged touch and none counted by an import.
    binds.clear();
    where = query.where(filter, &binds);
    if (!run(q,
             QStringLiteral("SELECT count(*) FROM leads") + and_(where) +
                 QStringLiteral("follow_ups = 0 AND stage NOT IN ('won', 'lost', 'disqualified') "
                                "AND NOT EXISTS (SELECT 1 FROM lead_nurture n WHERE n.lead_id = "
                                "leads.id AND n.first_touch_at <> '')"),
             binds) ||
        !q.next())
        return std::nullopt;
    out.waiting = q.value(0).toLongLong();
    m_error.clear();
    return out;
}
