#include "leadanalyticsqueries.h"

#include "../domain/funnelstep.h"
#include "indexordercounts.h"
#include "leadquery.h"
#include "mappedreads.h"
#include "periodslices.h"
#include "sqldialect.h"
#include "sqlstatement.h"
#include "stagecountsfold.h"
#include "textinterner.h"

#include <QCoreApplication>
#include <QHash>

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

// The creation day as SQL, a text prefix on both backends.
QString dayOfCreation() {
    return QStringLiteral("substr(created_at, 1, 10)");
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

bool LeadAnalyticsQueries::run(SqlStatement &q, const QString &sql, const QVariantList &binds,
                               const QString &what) const {
    if (!q.prepare(sql))
        return fail(what, q.error());
    for (qsizetype i = 0; i < binds.size(); ++i)
        q.bind(int(i), binds.at(i));
    return q.exec() || fail(what, q.error());
}

QString LeadAnalyticsQueries::leadsFor(Database::Backend backend, const LeadFilter &f) {
    // SQLite's sampled statistics take a storefront or an owner for a few thousand leads, and
    // it would then look up hundreds of thousands of rows from the index that names it. The
    // covering index holds every column these filters name, so a pass never leaves it; only a
    // selection of a few leads is better found by id.
    const bool covered = f.search.trimmed().isEmpty() && !f.doNotContact &&
                         !f.dueBefore.isValid() && f.origin.isEmpty() && f.destination.isEmpty() &&
                         !f.slaBreached && f.ids.isEmpty();
    return backend == Database::Backend::Sqlite && covered
               ? QStringLiteral("leads INDEXED BY leads_created_at")
               : QStringLiteral("leads");
}

QString LeadAnalyticsQueries::passWhere(Database::Backend backend, const LeadFilter &filter,
                                        QVariantList *binds) {
    const QString where = LeadQuery(backend).where(filter, binds);
    if (backend != Database::Backend::Sqlite || !filter.includeTest)
        return where;
    return (where.isEmpty() ? QStringLiteral(" WHERE ") : where + QStringLiteral(" AND ")) +
           QStringLiteral("is_test IN (0, 1)");
}

bool LeadAnalyticsQueries::isGroupColumn(const QString &column) {
    return column == QLatin1String("storefront") || column == QLatin1String("offer_id") ||
           column == QLatin1String("campaign") || column == QLatin1String("action");
}

QStringList LeadAnalyticsQueries::indexes() {
    return {QStringLiteral("CREATE INDEX activities_step_back ON activities(lead_id, old_value) "
                           "WHERE ") +
                stepBackCondition(),
            QStringLiteral("CREATE INDEX leads_analytics ON leads(is_test, offer_id, campaign, "
                           "action, stage, storefront, created_at, owner, grade, score)")};
}

QString LeadAnalyticsQueries::coveringIndex() {
    // The charts' usual filter is a period: their columns beside the creation time, so that a
    // period's leads are one range of this index, never a look-up per lead.
    return QStringLiteral("CREATE INDEX leads_created_at ON leads(is_test, created_at, id, "
                          "storefront, action, offer_id, campaign, stage, reached_step, owner, "
                          "grade, score, follow_ups, first_touch_seconds)");
}

QStringList LeadAnalyticsQueries::reachedStepSchema(const SqlDialect &d) {
    const QString furthestBack =
        QStringLiteral("(SELECT max(%1) FROM activities WHERE activities.lead_id = leads.id AND "
                       "%2)")
            .arg(stepOf(QStringLiteral("old_value")), stepBackCondition());
    QStringList sql{
        QStringLiteral("ALTER TABLE leads ADD COLUMN reached_step INTEGER NOT NULL DEFAULT 0"),
        // What the history shows, read once through the index of steps back.
        QStringLiteral("UPDATE leads SET reached_step = %1(%2, coalesce(%3, 0)) WHERE %2 > 0 OR "
                       "id IN (SELECT lead_id FROM activities WHERE %4)")
            .arg(d.greatest(), stepOf(QStringLiteral("stage")), furthestBack, stepBackCondition()),
        QStringLiteral("DROP INDEX activities_step_back"),
        QStringLiteral("DROP INDEX leads_analytics"),
        // The charts' usual filter is a period: their columns beside the creation time, so
        // that a period's leads are one range of this index, never a look-up per lead.
        QStringLiteral("DROP INDEX leads_created_at"),
        QStringLiteral("CREATE INDEX leads_created_at ON leads(is_test, created_at, id, "
                       "storefront, action, offer_id, campaign, stage, reached_step, owner, "
                       "grade, score)"),
        QStringLiteral("UPDATE trash SET snapshot = ") +
            d.jsonSetText(QStringLiteral("snapshot"),
                          {QStringLiteral("lead"), QStringLiteral("reached_step")},
                          QStringLiteral("0")),
    };
    // Every stage change is a `changed` activity: the furthest step follows them all, whoever
    // writes them (an edit, a restore from the trash, the demo's history).
    sql << d.afterInsertTrigger(
        QStringLiteral("activities_reached_step"), QStringLiteral("activities"),
        QStringLiteral("new.field = 'stage' AND new.kind = 'changed'"),
        QStringLiteral("UPDATE leads SET reached_step = %1(reached_step, %2, %3) WHERE id = "
                       "new.lead_id")
            .arg(d.greatest(), stepOf(QStringLiteral("new.old_value")),
                 stepOf(QStringLiteral("new.new_value"))));
    return sql;
}

std::optional<QList<LeadAnalyticsQueries::Group>>
LeadAnalyticsQueries::grouped(const LeadFilter &filter, const QStringList &keys,
                              const QString &sumExpr, const QString &what) const {
    QVariantList binds;
    const QString where = passWhere(m_db.backend(), filter, &binds);
    const QString keyList = keys.join(QStringLiteral(", "));
    const int n = int(keys.size());
    QList<Group> out;
    if (m_db.backend() != Database::Backend::Sqlite) {
        QSqlQuery q(m_db.connection());
        const QString sql =
            QStringLiteral("SELECT %1, count(*), %2 FROM leads")
                .arg(keyList, sumExpr.isEmpty() ? QStringLiteral("0")
                                                : QStringLiteral("sum(%1)").arg(sumExpr)) +
            where + QStringLiteral(" GROUP BY ") + keyList;
        if (!prepareAndRun(q, sql, binds)) {
            fail(what, q.lastError().text());
            return std::nullopt;
        }
        while (q.next()) {
            Group g;
            for (int i = 0; i < n; ++i)
                g.keys << q.value(i).toString().toUtf8();
            g.count = q.value(n).toLongLong();
            g.sum = q.value(n + 1).toLongLong();
            out << g;
        }
        m_error.clear();
        return out;
    }
    if (!m_oneThread) {
        const QList<LeadFilter> slices = PeriodSlices::of(m_db, filter);
        if (slices.size() > 1) {
            QList<std::optional<QList<Group>>> parts(slices.size());
            QStringList errors(slices.size());
            auto *partSlots = parts.data();
            auto *errorSlots = errors.data();
            PeriodSlices::run(m_db, slices, [&](qsizetype i, const LeadFilter &slice) {
                LeadAnalyticsQueries one(m_db);
                one.m_oneThread = true;
                partSlots[i] = one.grouped(slice, keys, sumExpr, what);
                errorSlots[i] = one.lastError();
            });
            QHash<QByteArray, qsizetype> index; // the joined keys → position in out
            for (qsizetype i = 0; i < parts.size(); ++i) {
                if (!parts.at(i)) {
                    m_error = errors.at(i);
                    return std::nullopt;
                }
                for (const Group &g : *parts.at(i)) {
                    const QByteArray key = g.keys.join('\x1f');
                    if (const auto it = index.constFind(key); it != index.constEnd()) {
                        out[*it].count += g.count;
                        out[*it].sum += g.sum;
                    } else {
                        index.insert(key, out.size());
                        out << g;
                    }
                }
            }
            m_error.clear();
            return out;
        }
    }
    // A day is cut from the stored time here: SQLite's substr copies every value it returns.
    QStringList selected = keys;
    QList<qsizetype> lengths(n, -1);
    for (int i = 0; i < n; ++i) {
        if (keys.at(i) == dayOfCreation()) {
            selected[i] = QStringLiteral("created_at");
            lengths[i] = 10;
        }
    }
    const MappedReads mapped(m_db);
    SqlStatement q(m_db);
    if (!run(q,
             QStringLiteral("SELECT %1, %2 FROM ")
                     .arg(selected.join(QStringLiteral(", ")),
                          sumExpr.isEmpty() ? QStringLiteral("0") : sumExpr) +
                 leadsFor(m_db.backend(), filter) + where,
             binds, what))
        return std::nullopt;
    // Each column's texts numbered, and the numbers of a row combined column by column, so
    // that no text is copied or hashed by Qt per lead.
    std::vector<TextInterner> texts(std::size_t(n > 0 ? n : 1));
    QHash<quint64, int> combined;   // (combination so far, next column's number) → combination
    QHash<int, qsizetype> position; // a whole row's combination → its place in out
    QList<int> ids(n);
    // Read along the creation time, a day's leads come one after another: its number is kept
    // while the day lasts.
    QByteArray day;
    int dayId = -1;
    while (q.next()) {
        int combo = -1;
        for (int i = 0; i < n; ++i) {
            QByteArrayView value = q.utf8View(i);
            if (lengths.at(i) >= 0) {
                value = value.first(qMin(lengths.at(i), value.size()));
                if (dayId < 0 || value != QByteArrayView(day)) {
                    dayId = texts[std::size_t(i)].id(value);
                    day = value.toByteArray();
                }
                ids[i] = dayId;
            } else {
                ids[i] = texts[std::size_t(i)].id(value);
            }
            if (i == 0) {
                combo = ids[i];
                continue;
            }
            // The column in the top bits: the same two numbers at another depth are another pair.
            const quint64 pair =
                (quint64(i) << 56) | (quint64(quint32(combo)) << 28) | quint32(ids[i]);
            auto c = combined.constFind(pair);
            if (c == combined.constEnd())
                c = combined.insert(pair, int(combined.size()));
            combo = *c;
        }
        auto it = position.constFind(combo);
        if (it == position.constEnd()) {
            Group g;
            for (int i = 0; i < n; ++i)
                g.keys << texts[std::size_t(i)].text(ids.at(i));
            it = position.insert(combo, out.size());
            out << g;
        }
        Group &g = out[*it];
        ++g.count;
        g.sum += q.intValue(n);
    }
    m_error.clear();
    return out;
}

std::optional<LeadAnalyticsQueries::StageCounts>
LeadAnalyticsQueries::stageCounts(const LeadFilter &filter, const QString &groupColumn,
                                  bool withScores) const {
    if (!isGroupColumn(groupColumn)) {
        m_error = QCoreApplication::translate("LeadAnalyticsQueries", "cannot group leads: by %1")
                      .arg(groupColumn)
                      .simplified();
        return std::nullopt;
    }
    StageCounts out;
    const QString what =
        QCoreApplication::translate("LeadAnalyticsQueries", "cannot count leads by stage");
    if (m_db.backend() != Database::Backend::Sqlite) {
        // PostgreSQL groups by the furthest step as well, in one pass over the leads (two
        // statements, one for the steps back, read them twice: a funnel of 1M took 1.33 s
        // against 0.99 s); its groups are folded into stage rows and steps back as
        // IndexOrderCounts's are (StageCountsFold).
        const auto rows = grouped(filter,
                                  {groupColumn, QStringLiteral("action"), QStringLiteral("stage"),
                                   QStringLiteral("reached_step")},
                                  withScores ? QStringLiteral("score") : QString(), what);
        if (!rows)
            return std::nullopt;
        StageCountsFold fold;
        for (const Group &g : *rows)
            fold.add(QString::fromUtf8(g.keys.at(0)), QString::fromUtf8(g.keys.at(1)),
                     QString::fromUtf8(g.keys.at(2)), g.keys.at(3).toInt(), g.count, g.sum);
        m_error.clear();
        return fold.take();
    }
    if (!m_oneThread && IndexOrderCounts::suitsStages(m_db, filter, groupColumn, withScores)) {
        const IndexOrderCounts ordered(m_db);
        auto counts = ordered.stageCounts(filter, groupColumn, withScores);
        m_error = ordered.lastError();
        return counts;
    }
    if (!m_oneThread) {
        const QList<LeadFilter> slices = PeriodSlices::of(m_db, filter);
        if (slices.size() > 1)
            return stageCountsSliced(slices, groupColumn, withScores);
    }
    const MappedReads mapped(m_db);
    QVariantList binds;
    SqlStatement q(m_db);
    const QString sql =
        QStringLiteral("SELECT reached_step, %1, action, stage, %2 FROM ")
            .arg(groupColumn, withScores ? QStringLiteral("score") : QStringLiteral("0")) +
        leadsFor(m_db.backend(), filter) + passWhere(m_db.backend(), filter, &binds);
    if (!run(q, sql, binds, what))
        return std::nullopt;
    // The group, action and stage texts numbered, so that a lead is counted by integers alone.
    TextInterner groups, actions, stages;
    QHash<quint64, qsizetype> stageRows; // (group, action, stage) numbers → place in out.stages
    QHash<quint64, qsizetype> reachRows; // (group, stage, furthest step) → place in out.reach
    QList<int> stepNow;                  // the funnel step of each stage row's stage
    while (q.next()) {
        const quint64 g = quint64(groups.id(q.utf8View(1)));
        const quint64 a = quint64(actions.id(q.utf8View(2)));
        const quint64 st = quint64(stages.id(q.utf8View(3)));
        auto s = stageRows.constFind((g << 40) | (a << 20) | st);
        if (s == stageRows.constEnd()) {
            s = stageRows.insert((g << 40) | (a << 20) | st, out.stages.size());
            out.stages.append({QString::fromUtf8(groups.text(int(g))),
                               QString::fromUtf8(actions.text(int(a))),
                               QString::fromUtf8(stages.text(int(st))), 0, 0});
            stepNow.append(int(FunnelSteps::ofName(out.stages.last().stage)));
        }
        StageRow &row = out.stages[*s];
        ++row.count;
        row.scoreSum += q.intValue(4);
        // Most leads stand at their furthest step now; the report needs the others apart.
        const int f = int(q.intValue(0));
        if (f <= stepNow.at(*s) || f >= FunnelSteps::count)
            continue;
        const quint64 reachKey = (g << 40) | (st << 20) | quint64(f);
        auto r = reachRows.constFind(reachKey);
        if (r == reachRows.constEnd()) {
            r = reachRows.insert(reachKey, out.reach.size());
            out.reach.append({row.group, row.stage, f, 0});
        }
        ++out.reach[*r].count;
    }
    m_error.clear();
    return out;
}

std::optional<LeadAnalyticsQueries::StageCounts>
LeadAnalyticsQueries::stageCountsSliced(const QList<LeadFilter> &slices, const QString &groupColumn,
                                        bool withScores) const {
    QList<std::optional<StageCounts>> parts(slices.size());
    QStringList errors(slices.size());
    auto *partSlots = parts.data();
    auto *errorSlots = errors.data();
    PeriodSlices::run(m_db, slices, [&](qsizetype i, const LeadFilter &slice) {
        LeadAnalyticsQueries one(m_db);
        one.m_oneThread = true;
        partSlots[i] = one.stageCounts(slice, groupColumn, withScores);
        errorSlots[i] = one.lastError();
    });
    StageCounts out;
    QHash<QString, qsizetype> stages, reach; // joined keys → position in out
    const QChar separator(0x1f);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (!parts.at(i)) {
            m_error = errors.at(i);
            return std::nullopt;
        }
        for (const StageRow &r : parts.at(i)->stages) {
            const QString key = r.group + separator + r.action + separator + r.stage;
            if (const auto it = stages.constFind(key); it != stages.constEnd()) {
                out.stages[*it].count += r.count;
                out.stages[*it].scoreSum += r.scoreSum;
            } else {
                stages.insert(key, out.stages.size());
                out.stages << r;
            }
        }
        for (const ReachRow &r : parts.at(i)->reach) {
            const QString key =
                r.group + separator + r.stage + separator + QChar(u'0' + r.furthest);
            if (const auto it = reach.constFind(key); it != reach.constEnd()) {
                out.reach[*it].count += r.count;
            } else {
                reach.insert(key, out.reach.size());
                out.reach << r;
            }
        }
    }
    m_error.clear();
    return out;
}

std::optional<QList<LeadAnalyticsQueries::DayRow>>
LeadAnalyticsQueries::dayCounts(const LeadFilter &filter, const QString &keyColumn) const {
    if (keyColumn != QLatin1String("storefront") && keyColumn != QLatin1String("action")) {
        m_error =
            QCoreApplication::translate("LeadAnalyticsQueries", "cannot count leads per day: by %1")
                .arg(keyColumn)
                .simplified();
        return std::nullopt;
    }
    if (IndexOrderCounts::suitsDays(m_db, filter)) {
        const IndexOrderCounts ordered(m_db);
        auto rows = ordered.dayCounts(filter, keyColumn);
        m_error = ordered.lastError();
        return rows;
    }
    // Days, not weeks or months: a day is the same text prefix on both backends, and the
    // few thousand day rows fold into any interval without date arithmetic in SQL.
    const auto rows =
        grouped(filter, {dayOfCreation(), keyColumn}, {},
                QCoreApplication::translate("LeadAnalyticsQueries", "cannot count leads per day"));
    if (!rows)
        return std::nullopt;
    QList<DayRow> out;
    for (const Group &g : *rows)
        out.append({QString::fromUtf8(g.keys.at(0)), QString::fromUtf8(g.keys.at(1)), g.count});
    return out;
}

std::optional<QList<LeadAnalyticsQueries::GradeRow>>
LeadAnalyticsQueries::gradeCounts(const LeadFilter &filter) const {
    if (IndexOrderCounts::suitsGrades(m_db, filter)) {
        const IndexOrderCounts ordered(m_db);
        auto rows = ordered.gradeCounts(filter);
        m_error = ordered.lastError();
        return rows;
    }
    const auto rows = grouped(
        filter, {QStringLiteral("grade"), QStringLiteral("storefront")}, QStringLiteral("score"),
        QCoreApplication::translate("LeadAnalyticsQueries", "cannot count leads by grade"));
    if (!rows)
        return std::nullopt;
    QList<GradeRow> out;
    for (const Group &g : *rows)
        out.append(
            {QString::fromUtf8(g.keys.at(0)), QString::fromUtf8(g.keys.at(1)), g.count, g.sum});
    return out;
}
