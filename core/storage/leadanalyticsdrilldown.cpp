// The drill-down of LeadAnalyticsQueries: the ids of the leads behind a chart's bar or step.
#include "leadanalyticsqueries.h"

#include "leadquery.h"
#include "sqlstatement.h"

#include <QCoreApplication>

std::optional<QList<qint64>> LeadAnalyticsQueries::readIds(const QString &sql,
                                                           const QVariantList &binds) const {
    SqlStatement q(m_db);
    const QString what =
        QCoreApplication::translate("LeadAnalyticsQueries", "cannot read the leads of a chart");
    if (!run(q, sql, binds, what))
        return std::nullopt;
    QList<qint64> ids;
    while (q.next())
        ids << q.intValue(0);
    const QString error = q.error();
    q.finish();
    if (!error.isEmpty()) {
        fail(what, error);
        return std::nullopt;
    }
    m_error.clear();
    return ids;
}

std::optional<QList<qint64>> LeadAnalyticsQueries::reachedIds(const LeadFilter &filter, int minStep,
                                                              const QString &column,
                                                              const QString &value) const {
    if (!column.isEmpty() && !isGroupColumn(column)) {
        m_error = QCoreApplication::translate("LeadAnalyticsQueries", "cannot group leads: by %1")
                      .arg(column)
                      .simplified();
        return std::nullopt;
    }
    QVariantList binds;
    QString where = LeadQuery(m_db.backend()).where(filter, &binds);
    where += where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ");
    where += QStringLiteral("reached_step >= ?");
    binds << minStep;
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
        m_error = QCoreApplication::translate("LeadAnalyticsQueries", "cannot select leads: by %1")
                      .arg(column)
                      .simplified();
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
