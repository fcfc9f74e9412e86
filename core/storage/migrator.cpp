#include "migrator.h"

#include "../domain/cadence.h"
#include "firsttouchtimes.h"
#include "indexordercounts.h"
#include "largesorts.h"
#include "leadanalyticsqueries.h"
#include "leadquery.h"
#include "leadviewjson.h"
#include "sqldialect.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

QStringList baseSchema(const SqlDialect &d) {
    const QString text = QStringLiteral(" TEXT NOT NULL DEFAULT ''");
    const QString integer = QStringLiteral(" INTEGER NOT NULL DEFAULT 0");
    QStringList leadColumns = {QStringLiteral("id ") + d.idColumn(),
                               QStringLiteral("storefront TEXT NOT NULL DEFAULT 'other'")};
    for (const char *col :
         {"action", "offer_id", "offer_title", "first_name", "last_name", "email", "phone",
          "country", "company", "title", "description", "created_at", "last_event_at"})
        leadColumns << QLatin1String(col) + text;
    leadColumns << QStringLiteral("events INTEGER NOT NULL DEFAULT 1")
                << QStringLiteral("stage TEXT NOT NULL DEFAULT 'new'")
                << QStringLiteral("owner") + text << QStringLiteral("score") + integer
                << QStringLiteral("grade") + text
                << QStringLiteral("win_probability ") + d.real() +
                       QStringLiteral(" NOT NULL DEFAULT 0")
                << QStringLiteral("next_follow_up_at") + text
                << QStringLiteral("follow_ups") + integer
                << QStringLiteral("do_not_contact") + integer << QStringLiteral("is_test") + integer
                << QStringLiteral("privacy_restricted") + integer
                << QStringLiteral("campaign") + text
                << QStringLiteral("origin TEXT NOT NULL DEFAULT 'marketplace'")
                << QStringLiteral("dedup_key TEXT NOT NULL")
                << QStringLiteral("name_hash ") + d.bigint() + QStringLiteral(" NOT NULL DEFAULT 0")
                << QStringLiteral("version INTEGER NOT NULL DEFAULT 1");
    const QString leadRef = QStringLiteral("lead_id ") + d.bigint() +
                            QStringLiteral(" NOT NULL REFERENCES leads(id) ON DELETE CASCADE");
    return {
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE leads (%1)").arg(leadColumns.join(QStringLiteral(", "))),
        QStringLiteral("CREATE UNIQUE INDEX leads_dedup_key ON leads(dedup_key)"),
        QStringLiteral("CREATE INDEX leads_name_hash ON leads(name_hash)"),
        // Counts and statistics read only this index: the usual filters are all in it.
        QStringLiteral("CREATE INDEX leads_overview ON leads(is_test, storefront, stage, action, "
                       "created_at)"),
        // Lists leave test leads out, so the sort indexes lead with is_test: one index range
        // gives both the filter and the order of a page.
        QStringLiteral("CREATE INDEX leads_score ON leads(is_test, score, id)"),
        QStringLiteral("CREATE INDEX leads_created_at ON leads(is_test, created_at, id)"),
        QStringLiteral("CREATE INDEX leads_last_event_at ON leads(is_test, last_event_at, id)"),
        QStringLiteral(
            "CREATE INDEX leads_next_follow_up_at ON leads(is_test, next_follow_up_at, id)"),
        QStringLiteral("CREATE INDEX leads_owner ON leads(owner)"),
        QStringLiteral("CREATE INDEX leads_offer_id ON leads(offer_id)"),
        QStringLiteral("CREATE TABLE lead_events (id %1, %2, occurred_at TEXT NOT NULL, storefront "
                       "TEXT NOT NULL DEFAULT 'other', action%3, lead_source%3, offer_title%3, "
                       "description%3, channel%3)")
            .arg(d.idColumn(), leadRef, text),
        QStringLiteral("CREATE INDEX lead_events_lead ON lead_events(lead_id, occurred_at)"),
        QStringLiteral("CREATE TABLE activities (id %1, %2, at TEXT NOT NULL, actor%3, kind TEXT "
                       "NOT NULL, field%3, old_value%3, new_value%3, note%3)")
            .arg(d.idColumn(), leadRef, text),
        QStringLiteral("CREATE INDEX activities_lead ON activities(lead_id, at)"),
    };
}

// Version 3: activity kinds as a closed set, the trash, and an index for every sort.
QStringList writePathSchema(const SqlDialect &d) {
    return QStringList{
               QStringLiteral("UPDATE activities SET kind = 'changed' WHERE kind IN ('field', "
                              "'stage')"),
               QStringLiteral("CREATE TABLE trash (lead_id %1 PRIMARY KEY, deleted_at TEXT NOT "
                              "NULL, actor TEXT NOT NULL DEFAULT '', snapshot TEXT NOT NULL)")
                   .arg(d.bigint()),
           } +
           LeadQuery::sortIndexes();
}

QString sqlText(const QString &text) {
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QLatin1String("''")) +
           QLatin1Char('\'');
}

QString jsonText(const QJsonDocument &json) {
    return sqlText(QString::fromUtf8(json.toJson(QJsonDocument::Compact)));
}

// Version 4: saved views, shared by everyone on the database, and the four every team starts
// with. Their filters are in the saved form: "me" and "today" are resolved when applied.
QStringList savedViewSchema(const SqlDialect &d) {
    QStringList sql{
        QStringLiteral("CREATE TABLE saved_views (id %1, name TEXT NOT NULL UNIQUE, position "
                       "INTEGER NOT NULL DEFAULT 0, filter_json TEXT NOT NULL DEFAULT '{}', "
                       "sort_json TEXT NOT NULL DEFAULT '{}', columns_json TEXT NOT NULL "
                       "DEFAULT '[]', created_by TEXT NOT NULL DEFAULT '')")
            .arg(d.idColumn())};
    struct Default {
        const char *name;
        QJsonObject filter;
        LeadSort sort;
        QStringList columns;
    };
    const auto columns = [](std::initializer_list<const char *> names) {
        QStringList list;
        for (const char *name : names)
            list << QLatin1String(name);
        return list;
    };
    const QStringList everyColumn =
        columns({"name", "company", "title", "email", "country", "storefront", "action",
                 "offer_title", "stage", "owner", "score", "created_at", "last_event_at"});
    const QList<Default> defaults{
        {"My new leads",
         {{QStringLiteral("owner"), QStringLiteral("me")},
          {QStringLiteral("stage"), QStringLiteral("new")}},
         {QStringLiteral("score"), true},
         everyColumn},
        {"Due today",
         {{QStringLiteral("due_before"), QStringLiteral("today")}},
         {QStringLiteral("next_follow_up_at"), false},
         columns({"name", "company", "stage", "owner", "next_follow_up_at", "score", "email",
                  "last_event_at"})},
        {"Hot \u2014 grade A",
         {{QStringLiteral("grade"), QStringLiteral("A")}},
         {QStringLiteral("score"), true},
         everyColumn},
        {"Do not contact",
         {{QStringLiteral("do_not_contact"), true}},
         {QStringLiteral("last_event_at"), true},
         columns(
             {"name", "company", "storefront", "action", "offer_title", "owner", "last_event_at"})},
    };
    for (qsizetype i = 0; i < defaults.size(); ++i) {
        const Default &v = defaults.at(i);
        sql << QStringLiteral("INSERT INTO saved_views (name, position, filter_json, sort_json, "
                              "columns_json) VALUES (%1, %2, %3, %4, %5)")
                   .arg(sqlText(QString::fromUtf8(v.name)))
                   .arg(i)
                   .arg(jsonText(QJsonDocument(v.filter)),
                        jsonText(QJsonDocument(LeadViewJson::sortToJson(v.sort))),
                        jsonText(QJsonDocument(LeadViewJson::columnsToJson(v.columns))));
    }
    return sql;
}

// Version 5: what imports keep: the columns of a file that are no lead field, and the column
// mappings saved as named profiles.
QStringList importSchema(const SqlDialect &d) {
    return {QStringLiteral("ALTER TABLE leads ADD COLUMN extra_fields TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE TABLE mapping_profiles (id %1, name TEXT NOT NULL UNIQUE, "
                           "profile_json TEXT NOT NULL, created_by TEXT NOT NULL DEFAULT '')")
                .arg(d.idColumn())};
}

// Version 6: scoring. Each saved scoring model is a new version; a lead records the version
// that scored it and why (its explanation), beside the predictive model's reasons.
QStringList scoringSchema(const SqlDialect &d) {
    QStringList sql = {
        QStringLiteral("CREATE TABLE scoring_models (version INTEGER PRIMARY KEY, model_json "
                       "TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL "
                       "DEFAULT '')"),
        QStringLiteral("ALTER TABLE leads ADD COLUMN score_model_version INTEGER NOT NULL "
                       "DEFAULT 0"),
        QStringLiteral("ALTER TABLE leads ADD COLUMN score_explanation TEXT NOT NULL DEFAULT "
                       "''"),
        QStringLiteral("ALTER TABLE leads ADD COLUMN win_drivers TEXT NOT NULL DEFAULT ''")};
    // A lead in the trash comes back with every column of its snapshot: the new ones go into
    // the snapshots too, with the values the columns start with.
    QString snapshot = QStringLiteral("snapshot");
    for (const char *column : {"score_explanation", "win_drivers"})
        snapshot = d.jsonSetText(snapshot, {QStringLiteral("lead"), QLatin1String(column)}, {});
    snapshot =
        d.jsonSetText(snapshot, {QStringLiteral("lead"), QStringLiteral("score_model_version")},
                      QStringLiteral("0"));
    sql << QStringLiteral("UPDATE trash SET snapshot = ") + snapshot;
    return sql;
}

// Version 7: from lead to opportunity: the qualification checklist (JSON), the opportunity's
// value, currency, expected close and follow-up destination, and why a lead was disqualified.
// Plain columns, so that each step is an edit that undoes by writing the old values back.
QStringList qualificationSchema(const SqlDialect &d) {
    QStringList sql;
    for (const char *column : {"qualification", "opportunity_currency", "expected_close_at",
                               "destination", "disqualify_reason", "disqualify_note"})
        sql << QStringLiteral("ALTER TABLE leads ADD COLUMN %1 TEXT NOT NULL DEFAULT ''")
                   .arg(QLatin1String(column));
    sql << QStringLiteral("ALTER TABLE leads ADD COLUMN opportunity_value %1 NOT NULL DEFAULT 0")
               .arg(d.real());
    // A lead in the trash comes back with every column of its snapshot: the new ones go into
    // the snapshots too, with the values the columns start with.
    QString snapshot = QStringLiteral("snapshot");
    for (const char *column : {"qualification", "opportunity_currency", "expected_close_at",
                               "destination", "disqualify_reason", "disqualify_note"})
        snapshot = d.jsonSetText(snapshot, {QStringLiteral("lead"), QLatin1String(column)}, {});
    snapshot =
        d.jsonSetText(snapshot, {QStringLiteral("lead"), QStringLiteral("opportunity_value")},
                      QStringLiteral("0"));
    sql << QStringLiteral("UPDATE trash SET snapshot = ") + snapshot;
    return sql;
}

// Version 8: charts. The stage changes that went back a funnel step, indexed by lead, so that a
// funnel reads the history of only those leads (lost ones mostly) and not every stage change; and
// one covering index for the offers and campaigns reports.
QStringList chartsSchema() {
    return LeadAnalyticsQueries::indexes();
}

// Version 9: nurture. Each lead's follow-up plan beside the leads table (the kind of its next
// follow-up, its cadence and step, its first touch and how long after creation it came, for the
// SLA); the Due queue's index (owner, then due time) and a campaign's lead list's; cadences with
// the two shipped ones; campaigns with the shipped ones, every campaign text leads already carry,
// and the rules that link leads to them by storefront and action; the SLA target in `meta`.
// No lead column is added, so the trash's snapshots stay as they are.
QStringList nurtureSchema(const SqlDialect &d) {
    const QString text = QStringLiteral(" TEXT NOT NULL DEFAULT ''");
    QStringList sql{
        QStringLiteral("CREATE TABLE lead_nurture (lead_id %1 PRIMARY KEY REFERENCES leads(id) "
                       "ON DELETE CASCADE, follow_up_kind%2, cadence%2, cadence_step INTEGER NOT "
                       "NULL DEFAULT 0, cadence_started_at%2, first_touch_at%2, "
                       "first_touch_seconds %1 NOT NULL DEFAULT 0)")
            .arg(d.bigint(), text),
        QStringLiteral("CREATE INDEX lead_nurture_cadence ON lead_nurture(cadence)"),
        QStringLiteral("CREATE INDEX leads_due ON leads(is_test, owner, next_follow_up_at, id)"),
        QStringLiteral("CREATE INDEX leads_campaign ON leads(is_test, campaign, id)"),
        QStringLiteral("CREATE TABLE cadences (id %1, name TEXT NOT NULL UNIQUE, cadence_json "
                       "TEXT NOT NULL, created_by%2)")
            .arg(d.idColumn(), text),
        QStringLiteral("CREATE TABLE campaigns (id %1, name TEXT NOT NULL UNIQUE, storefront%2, "
                       "kind TEXT NOT NULL DEFAULT 'other', starts_at%2, ends_at%2, budget %3 "
                       "NOT NULL DEFAULT 0, created_by%2)")
            .arg(d.idColumn(), text, d.real()),
        QStringLiteral("CREATE TABLE campaign_rules (id %1, storefront%2, action TEXT NOT NULL, "
                       "campaign TEXT NOT NULL, UNIQUE (storefront, action))")
            .arg(d.idColumn(), text),
        QStringLiteral("INSERT INTO meta (key, value) VALUES ('sla_target_hours', '24')"),
    };
    for (const Cadence &c : Cadence::defaults())
        sql << QStringLiteral("INSERT INTO cadences (name, cadence_json) VALUES (%1, %2)")
                   .arg(sqlText(c.name), jsonText(QJsonDocument(c.toJson())));
    // The demo generator's campaigns and the marketplace actions that answer them.
    struct Shipped {
        const char *name, *storefront, *kind;
        QList<std::pair<const char *, const char *>> rules; // storefront, action
    };
    const QList<Shipped> shipped = {
        {"appsource-contact-me", "appsource", "contact-me", {{"appsource", "PLT"}}},
        {"appsource-listing", "appsource", "other", {{"appsource", "INS"}}},
        {"free-trial", "azure-marketplace", "free-trial", {{"azure-marketplace", "INS"}}},
        {"test-drive", "", "test-drive", {{"", "StartTestDrive"}}},
        {"demand-generation", "azure-marketplace", "in-demand", {{"azure-marketplace", "PLT"}}},
        {"azure-portal-purchase", "azure-portal", "other", {{"azure-portal", "Create"}}},
    };
    for (const Shipped &c : shipped) {
        sql << QStringLiteral("INSERT INTO campaigns (name, storefront, kind) VALUES (%1, %2, %3)")
                   .arg(sqlText(QLatin1String(c.name)), sqlText(QLatin1String(c.storefront)),
                        sqlText(QLatin1String(c.kind)));
        for (const auto &[storefront, action] : c.rules)
            sql << QStringLiteral("INSERT INTO campaign_rules (storefront, action, campaign) "
                                  "VALUES (%1, %2, %3)")
                       .arg(sqlText(QLatin1String(storefront)), sqlText(QLatin1String(action)),
                            sqlText(QLatin1String(c.name)));
    }
    sql << QStringLiteral("INSERT INTO campaigns (name) SELECT DISTINCT campaign FROM leads WHERE "
                          "campaign <> '' AND campaign NOT IN (SELECT name FROM campaigns)");
    return sql;
}

// Version 11: the charts' covering index holds the count of touches too, so that the
// time-to-first-touch chart finds the open leads nobody has touched in the index alone rather
// than in every lead's row (0.2 s rather than 5.6 s on a million leads).
QStringList firstTouchSchema() {
    return {QStringLiteral("DROP INDEX leads_created_at"),
            QStringLiteral("CREATE INDEX leads_created_at ON leads(is_test, created_at, id, "
                           "storefront, action, offer_id, campaign, stage, reached_step, owner, "
                           "grade, score, follow_ups)")};
}

// Version 12: the charts' counts over most of the leads read an index in the order of their
// groups (IndexOrderCounts), and the time to first touch an index of the leads alone
// (FirstTouchTimes); the charts' covering index holds the first touch too, for short periods.
QStringList chartOrderSchema(const SqlDialect &d) {
    return IndexOrderCounts::schema() + FirstTouchTimes::schema(d) +
           QStringList{QStringLiteral("DROP INDEX leads_created_at"),
                       LeadAnalyticsQueries::coveringIndex()};
}

// Step N takes a database from version N-1 to N.
QList<QStringList> steps(const SqlDialect &d) {
    return {baseSchema(d),          d.searchSchema(),
            writePathSchema(d),     savedViewSchema(d),
            importSchema(d),        scoringSchema(d),
            qualificationSchema(d), chartsSchema(),
            nurtureSchema(d),       LeadAnalyticsQueries::reachedStepSchema(d),
            firstTouchSchema(),     chartOrderSchema(d)};
}

bool run(QSqlQuery &q, const QString &sql, QString *error) {
    if (q.exec(sql))
        return true;
    *error = QCoreApplication::translate("Migrator", "migration failed: %1 (in: %2)")
                 .arg(q.lastError().text().simplified(), sql.left(120));
    return false;
}

// SQLite's planner trusts sqlite_stat1 once it exists: an index a step added to an analysed
// database has no row there and looks to the planner like the best index for every filter on
// its first column (a sorted page of 1M leads took 3 s through such an index instead of 5 ms).
// Each new index gets its statistics, from a sample as the bulk load takes them.
bool analyseNewIndexes(QSqlQuery &q, QString *error) {
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")) ||
        !q.next() || q.value(0).toInt() == 0)
        return true; // never analysed: the planner uses its defaults for every index alike
    // The lead tables only: an empty table gets no statistics, and the small tables beside
    // them would be analysed again at every start.
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS "
                               "NOT NULL AND tbl_name IN ('leads', 'lead_events', 'activities') "
                               "AND name NOT IN (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT "
                               "NULL)"))) {
        *error = QCoreApplication::translate("Migrator", "cannot read the indexes to analyse: %1")
                     .arg(q.lastError().text().simplified());
        return false;
    }
    QStringList missing;
    while (q.next())
        missing << q.value(0).toString();
    if (missing.isEmpty())
        return true;
    if (!run(q, QStringLiteral("PRAGMA analysis_limit=2000"), error))
        return false;
    for (const QString &index : std::as_const(missing))
        if (!run(q, QStringLiteral("ANALYZE %1").arg(index), error))
            return false;
    return run(q, QStringLiteral("PRAGMA analysis_limit=0"), error);
}

} // namespace

Migrator::Migrator(const Database &db)
    : m_db(db) {}

int Migrator::latestVersion() {
    return 12;
}

bool Migrator::isEmpty(QString *error) const {
    QSqlQuery q(m_db.connection());
    if (!q.exec(SqlDialect(m_db.backend()).tableCountSql()) || !q.next()) {
        *error = QCoreApplication::translate("Migrator", "cannot read the schema of %1: %2")
                     .arg(m_db.displayName(), q.lastError().text().simplified());
        return false;
    }
    if (q.value(0).toLongLong() > 0) {
        *error = QCoreApplication::translate(
                     "Migrator", "%1 is not a Leadbench database: it holds other tables and no "
                                 "Leadbench schema version; it was left untouched")
                     .arg(m_db.displayName());
        return false;
    }
    return true;
}

int Migrator::currentVersion(QString *error) const {
    if (!m_db.open(error))
        return -1;
    const SqlDialect dialect(m_db.backend());
    QSqlQuery q(m_db.connection());
    q.prepare(dialect.tableExistsSql());
    q.addBindValue(QStringLiteral("meta"));
    if (!q.exec() || !q.next()) {
        *error = QCoreApplication::translate("Migrator", "cannot read the schema of %1: %2")
                     .arg(m_db.displayName(), q.lastError().text().simplified());
        return -1;
    }
    if (q.value(0).toInt() == 0)
        return 0;
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(QStringLiteral("schema_version"));
    if (!q.exec()) {
        *error = QCoreApplication::translate("Migrator", "cannot read the schema version of %1: %2")
                     .arg(m_db.displayName(), q.lastError().text().simplified());
        return -1;
    }
    return q.next() ? q.value(0).toInt() : 0;
}

bool Migrator::migrate(QString *error, int target) const {
    const int current = currentVersion(error);
    if (current < 0)
        return false;
    auto refuseNewer = [&](int version) {
        *error = QCoreApplication::translate(
                     "Migrator", "%1 has schema version %2, newer than this Leadbench understands "
                                 "(%3); it was left untouched. Use a newer Leadbench.")
                     .arg(m_db.displayName())
                     .arg(version)
                     .arg(latestVersion());
        return false;
    };
    if (current > latestVersion())
        return refuseNewer(current);
    if (current >= target) {
        // A database a step analysed badly before this program knew better: statistics are
        // an optimisation, so a busy database is left for the next start.
        if (m_db.backend() == Database::Backend::Sqlite) {
            QSqlQuery q(m_db.connection());
            QString ignored;
            analyseNewIndexes(q, &ignored);
        }
        return true;
    }
    if (current == 0 && !isEmpty(error))
        return false;

    const SqlDialect dialect(m_db.backend());
    // A step that rewrites or indexes a large database keeps its sorts and statement journals
    // in files, not in memory (set before the transaction: 35 MB rather than 700 MB of memory
    // for step 10 on a million leads).
    const LargeSorts largeSorts(m_db);
    Transaction tx(m_db);
    if (!tx.isActive()) {
        *error = QCoreApplication::translate("Migrator", "cannot start a transaction on %1: %2")
                     .arg(m_db.displayName(), tx.error());
        return false;
    }
    QSqlQuery q(m_db.connection());
    const QString lock = dialect.lockForMigration();
    if (!lock.isEmpty() && !run(q, lock, error))
        return false;
    // Another process may have migrated while this one waited for the lock.
    const int locked = currentVersion(error);
    if (locked < 0)
        return false;
    if (locked > latestVersion())
        return refuseNewer(locked);
    if (locked >= target)
        return true; // nothing to do; the empty transaction rolls back
    const QList<QStringList> all = steps(dialect);
    for (int version = locked + 1; version <= target; ++version) {
        for (const QString &sql : all.at(version - 1)) {
            if (!run(q, sql, error))
                return false;
        }
    }
    if (m_db.backend() == Database::Backend::Sqlite && !analyseNewIndexes(q, error))
        return false;
    q.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?"));
    q.addBindValue(QStringLiteral("schema_version"));
    if (!q.exec()) {
        *error = QCoreApplication::translate("Migrator", "cannot record the schema version: %1")
                     .arg(q.lastError().text().simplified());
        return false;
    }
    q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
    q.addBindValue(QStringLiteral("schema_version"));
    q.addBindValue(QString::number(target));
    if (!q.exec()) {
        *error = QCoreApplication::translate("Migrator", "cannot record the schema version: %1")
                     .arg(q.lastError().text().simplified());
        return false;
    }
    if (!tx.commit()) {
        *error = QCoreApplication::translate("Migrator", "cannot commit the migration: %1")
                     .arg(tx.error());
        return false;
    }
    return true;
}
