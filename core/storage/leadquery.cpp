#include "leadquery.h"

#include "../domain/lead.h"
#include "../domain/leadcolumns.h"
#include "leadrow.h"
#include "sqldialect.h"

namespace {

// The name as the window shows it (Lead::fullName): "First Last", or whichever is set.
const QString nameKey = QStringLiteral("trim(first_name || ' ' || last_name)");

QString stageKey() {
    QString sql = QStringLiteral("CASE stage");
    const QList<Stage> stages = Stages::all();
    for (qsizetype i = 0; i < stages.size(); ++i)
        sql += QStringLiteral(" WHEN '%1' THEN %2").arg(Stages::canonicalName(stages.at(i))).arg(i);
    return sql + QStringLiteral(" ELSE %1 END").arg(stages.size());
}

// SQL's trim(): spaces only, unlike QString::trimmed().
QString trimSpaces(const QString &text) {
    qsizetype from = 0, to = text.size();
    while (from < to && text.at(from) == QLatin1Char(' '))
        ++from;
    while (to > from && text.at(to - 1) == QLatin1Char(' '))
        --to;
    return text.mid(from, to - from);
}

// A follow-up is the one time that may be unset; unset sorts last either way. Descending, ''
// is last already; ascending, it sorts as a time after every real one.
bool unsetLastKey(const LeadSort &sort) {
    return !sort.descending && sort.column == QLatin1String("next_follow_up_at");
}
const QString unsetFollowUp = QStringLiteral("9999-12-31T23:59:59Z");
const QString followUpDueKey =
    QStringLiteral("CASE WHEN next_follow_up_at = '' THEN '%1' ELSE next_follow_up_at END")
        .arg(unsetFollowUp);

} // namespace

QString LeadQuery::where(const LeadFilter &f, QVariantList *binds) const {
    QStringList parts;
    if (!f.includeTest)
        parts << QStringLiteral("is_test = 0");
    if (f.storefront) {
        parts << QStringLiteral("storefront = ?");
        binds->append(Storefronts::canonicalName(*f.storefront));
    }
    if (f.stage) {
        parts << QStringLiteral("stage = ?");
        binds->append(Stages::canonicalName(*f.stage));
    }
    if (!f.owner.isEmpty()) {
        parts << QStringLiteral("owner = ?");
        binds->append(f.owner);
    }
    if (!f.offerId.isEmpty()) {
        parts << QStringLiteral("offer_id = ?");
        binds->append(f.offerId);
    }
    if (!f.action.isEmpty()) {
        parts << QStringLiteral("action = ?");
        binds->append(f.action);
    }
    if (f.minScore) {
        parts << QStringLiteral("score >= ?");
        binds->append(*f.minScore);
    }
    if (!f.grade.isEmpty()) {
        parts << QStringLiteral("grade = ?");
        binds->append(f.grade);
    }
    if (f.doNotContact)
        parts << QStringLiteral("do_not_contact = 1");
    if (f.dueBefore.isValid()) {
        // An unset follow-up is stored as '', which sorts before every time.
        parts << QStringLiteral("next_follow_up_at <> '' AND next_follow_up_at < ?");
        binds->append(LeadColumns::isoUtc(f.dueBefore));
    }
    if (f.since.isValid()) {
        parts << QStringLiteral("created_at >= ?");
        binds->append(LeadColumns::isoUtc(f.since));
    }
    if (f.until.isValid()) {
        parts << QStringLiteral("created_at < ?");
        binds->append(LeadColumns::isoUtc(f.until));
    }
    for (const auto &[column, value] :
         {std::pair{QStringLiteral("campaign = ?"), f.campaign},
          std::pair{QStringLiteral("origin = ?"), f.origin},
          std::pair{QStringLiteral("destination = ?"), f.destination}}) {
        if (!value.isEmpty()) {
            parts << column;
            binds->append(value);
        }
    }
    if (f.slaBreached) {
        // Past the target: touched later than it; or open, untouched (no touch logged and none
        // counted, as an import may bring) and created before now - target.
        const qint64 target = qint64(f.slaTargetHours) * 3600;
        const QDateTime now = f.slaNow.isValid() ? f.slaNow : QDateTime::currentDateTimeUtc();
        parts << QStringLiteral(
            "created_at <> '' AND (EXISTS (SELECT 1 FROM lead_nurture n WHERE n.lead_id = "
            "leads.id AND n.first_touch_at <> '' AND n.first_touch_seconds > ?) OR (created_at "
            "< ? AND follow_ups = 0 AND stage NOT IN ('won', 'lost', 'disqualified') AND NOT "
            "EXISTS (SELECT 1 FROM lead_nurture n WHERE n.lead_id = leads.id AND "
            "n.first_touch_at <> '')))");
        binds->append(target);
        binds->append(LeadColumns::isoUtc(now.addSecs(-target)));
    }
    if (!f.ids.isEmpty()) {
        // One bound value however many leads are selected: a placeholder per id would meet
        // SQLite's and PostgreSQL's limits on bound values in a selection of many thousands.
        parts << (m_backend == Database::Backend::PostgreSql
                      ? QStringLiteral("id = ANY (CAST(? AS bigint[]))")
                      : QStringLiteral("id IN (SELECT value FROM json_each(?))"));
        binds->append(idList(f.ids));
    }
    if (!f.search.trimmed().isEmpty()) {
        const QString predicate = SqlDialect(m_backend).searchPredicate(f.search, binds);
        if (!predicate.isEmpty())
            parts << predicate;
    }
    return parts.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

QString LeadQuery::whereAfter(const LeadFilter &filter, const LeadSort &sort,
                              const LeadCursor &cursor, QVariantList *binds) const {
    QString sql = where(filter, binds);
    const QStringList keys = sortKeys(sort);
    const QString joiner = sql.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ");
    if (keys.isEmpty()) { // sorted by id alone
        binds->append(cursor.id);
        return sql + joiner +
               (sort.descending ? QStringLiteral("id < ?") : QStringLiteral("id > ?"));
    }
    QStringList marks;
    for (qsizetype i = 0; i <= keys.size(); ++i)
        marks << QStringLiteral("?");
    // The bound on the first key alone is implied by the row comparison; it is there because
    // SQLite narrows an expression index's range only by a plain comparison, so that a page
    // deep in the list does not walk every row before it.
    sql += joiner + QStringLiteral("%1 %2 ? AND (%3, id) %4 (%5)")
                        .arg(keys.first(),
                             sort.descending ? QStringLiteral("<=") : QStringLiteral(">="),
                             keys.join(QStringLiteral(", ")),
                             sort.descending ? QStringLiteral("<") : QStringLiteral(">"),
                             marks.join(QStringLiteral(", ")));
    binds->append(cursor.keys.value(0));
    for (const QVariant &v : cursor.keys)
        binds->append(v);
    binds->append(cursor.id);
    return sql;
}

QString LeadQuery::orderBy(const LeadSort &sort) {
    const QString dir = sort.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QStringList terms;
    for (const QString &key : sortKeys(sort))
        terms << key + dir;
    terms << QStringLiteral("id") + dir;
    return QStringLiteral(" ORDER BY ") + terms.join(QStringLiteral(", "));
}

QString LeadQuery::ids(const LeadFilter &filter, const LeadSort &sort, QVariantList *binds) const {
    return QStringLiteral("SELECT id FROM leads") + where(filter, binds) + orderBy(sort);
}

QString LeadQuery::streamedRows(const LeadFilter &filter, const LeadSort &sort,
                                const QStringList &columns, QVariantList *binds) const {
    return QStringLiteral("SELECT %1 FROM leads").arg(columns.join(QStringLiteral(", "))) +
           where(filter, binds) + orderBy(sort);
}

QString LeadQuery::sortedRows(const LeadFilter &filter, const LeadSort &sort,
                              const QStringList &columns, QVariantList *binds) const {
    const QString dir = sort.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QStringList terms;
    // A unary + makes a key an expression no index matches, so the planner sorts.
    for (const QString &key : sortKeys(sort))
        terms << QStringLiteral("+") + key + dir;
    // Ids alone are the table's own order: a scan needs no sort.
    terms << (terms.isEmpty() ? QStringLiteral("id") : QStringLiteral("+id")) + dir;
    // NOT INDEXED: one pass in table order, even where a filter column has an index; an
    // index would turn the pass into a look-up per row (is_test = 0 alone takes 1.7 times as
    // long through its index).
    return QStringLiteral("SELECT %1 FROM leads NOT INDEXED")
               .arg(columns.join(QStringLiteral(", "))) +
           where(filter, binds) + QStringLiteral(" ORDER BY ") + terms.join(QStringLiteral(", "));
}

QString LeadQuery::rowsOf(const QStringList &columns) const {
    QStringList selected;
    for (const QString &c : columns)
        selected << QStringLiteral("l.") + c;
    // The ids' own order is their position in the list: sorting a page of positions is
    // cheap where sorting whole rows by their sort keys is not.
    if (m_backend == Database::Backend::PostgreSql)
        return QStringLiteral("SELECT %1 FROM unnest(CAST(? AS bigint[])) WITH ORDINALITY AS "
                              "j(id, n) JOIN leads l ON l.id = j.id ORDER BY j.n")
            .arg(selected.join(QStringLiteral(", ")));
    return QStringLiteral("SELECT %1 FROM json_each(?) AS j JOIN leads l ON l.id = j.value "
                          "ORDER BY j.key")
        .arg(selected.join(QStringLiteral(", ")));
}

QVariant LeadQuery::idList(const QList<qint64> &ids) const {
    const bool pg = m_backend == Database::Backend::PostgreSql;
    QString text;
    text.reserve(ids.size() * 8 + 2);
    text += pg ? QLatin1Char('{') : QLatin1Char('[');
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0)
            text += QLatin1Char(',');
        text += QString::number(ids.at(i));
    }
    text += pg ? QLatin1Char('}') : QLatin1Char(']');
    return text;
}

bool LeadQuery::isSortable(const QString &column) {
    return column == QLatin1String("name") || LeadColumns::isKnown(column);
}

QStringList LeadQuery::sortKeys(const LeadSort &sort) {
    if (sort.column == QLatin1String("id"))
        return {};
    if (sort.column == QLatin1String("name"))
        return {nameKey};
    if (sort.column == QLatin1String("stage"))
        return {stageKey()};
    if (unsetLastKey(sort))
        return {followUpDueKey};
    return {sort.column};
}

LeadCursor LeadQuery::cursorAfter(const Lead &lead, const LeadSort &sort) {
    LeadCursor cursor;
    cursor.id = lead.id;
    if (sort.column == QLatin1String("id"))
        return cursor;
    if (sort.column == QLatin1String("name")) {
        cursor.keys << trimSpaces(lead.firstName + QLatin1Char(' ') + lead.lastName);
    } else if (sort.column == QLatin1String("stage")) {
        cursor.keys << int(Stages::all().indexOf(lead.stage));
    } else if (unsetLastKey(sort)) {
        cursor.keys << (lead.nextFollowUpAt.isValid() ? LeadColumns::isoUtc(lead.nextFollowUpAt)
                                                      : unsetFollowUp);
    } else {
        cursor.keys << LeadRow::storedValue(lead, sort.column);
    }
    return cursor;
}

QStringList LeadQuery::sortIndexes() {
    QStringList sql;
    // Lists leave test leads out, so each index leads with is_test: one index range gives
    // both the filter and the order of a page. score, created_at, last_event_at and
    // next_follow_up_at have theirs from the first schema.
    for (const char *column :
         {"storefront", "action", "offer_title", "company", "title", "email", "country", "owner"})
        sql << QStringLiteral("CREATE INDEX leads_sort_%1 ON leads(is_test, %1, id)")
                   .arg(QLatin1String(column));
    sql << QStringLiteral("CREATE INDEX leads_sort_name ON leads(is_test, (%1), id)").arg(nameKey)
        << QStringLiteral("CREATE INDEX leads_sort_stage ON leads(is_test, (%1), id)")
               .arg(stageKey())
        << QStringLiteral("CREATE INDEX leads_sort_follow_up_due ON leads(is_test, (%1), id)")
               .arg(followUpDueKey);
    return sql;
}
