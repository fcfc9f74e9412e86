"""The references Leadbench is measured against: what the sqlite3 shell, bare libxlsxwriter and
python3-xlsxwriter do with the same data. Each function returns SQL or a command; bench.py times
them beside leadbench-cli in the same run."""
import sqlite3

# Columns of an exported lead that the leads table stores under the same name.
STORED = ["storefront", "action", "offer_id", "offer_title", "first_name", "last_name", "email",
          "phone", "country", "company", "title", "description", "created_at", "last_event_at",
          "events", "stage", "owner", "score", "grade", "win_probability", "next_follow_up_at",
          "follow_ups", "do_not_contact", "is_test", "campaign", "origin"]

FLAGS = {"do_not_contact", "is_test"}
NUMBERS = {"events", "score", "win_probability", "follow_ups"}


def bulk_load_indexes(db_path):
    """The indexes and trigger Leadbench's bulk load sets aside (BulkLoad): every index on
    leads, lead_events and activities but the de-duplication key, the name hash and the events'
    own, and the search insert trigger. Returns (drop statements, create statements)."""
    keep = {"leads_dedup_key", "leads_name_hash", "lead_events_lead"}
    con = sqlite3.connect(db_path)
    rows = con.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN "
        "('leads', 'lead_events', 'activities') AND (type = 'index' OR (type = 'trigger' AND "
        "name = 'leads_fts_insert'))").fetchall()
    con.close()
    drops = ["DROP %s %s;" % (kind.upper(), name) for kind, name, _ in rows if name not in keep]
    creates = [sql + ";" for _, name, sql in rows if name not in keep]
    return drops, creates


def _same_inserts(staged_table):
    """The inserts a Leadbench import makes for each new lead (the lead, its marketplace event,
    its 'created' activity), from a table the shell staged from the same CSV."""
    value = []
    for c in STORED:
        if c in FLAGS:
            value.append("CASE %s WHEN 'true' THEN 1 ELSE 0 END" % c)
        elif c in NUMBERS:
            value.append("CAST(%s AS %s)" % (c, "REAL" if c == "win_probability" else "INTEGER"))
        else:
            value.append(c)
    # The person-and-offer identity as DedupKey forms it: the email, else name and company.
    dedup = ("CASE WHEN email <> '' THEN 'e|' || lower(email) || '|' || offer_id ELSE 'n|' || "
             "lower(first_name || ' ' || last_name) || '|' || lower(company) || '|' || offer_id END")
    name_hash = "length(first_name || last_name) * 1000003 + unicode(last_name)"
    return [
        "INSERT OR IGNORE INTO leads (%s, dedup_key, name_hash) SELECT %s, %s, %s FROM %s;" %
        (", ".join(STORED), ", ".join(value), dedup, name_hash, staged_table),
        "INSERT INTO lead_events (lead_id, occurred_at, storefront, action, lead_source, "
        "offer_title, description, channel) SELECT id, created_at, storefront, action, "
        "storefront || '-' || action || '|' || offer_id, offer_title, description, 'import' "
        "FROM leads;",
        "INSERT INTO activities (lead_id, at, actor, kind, note) SELECT id, created_at, "
        "'import', 'created', action FROM leads;"]


def same_work_import(staged_table):
    """The same-work floor as the Benchmarks issue defines it: the shell running the same
    inserts into the same schema, in one transaction with the same page cache, every index
    and the search index kept up to date as the rows go in (what a user of the shell gets)."""
    return "\n".join(
        ["PRAGMA journal_mode=DELETE;", "PRAGMA cache_size=-131072;", "BEGIN;"] +
        _same_inserts(staged_table) +
        ["PRAGMA analysis_limit=2000;", "ANALYZE leads;", "COMMIT;", "PRAGMA journal_mode=WAL;"]) + "\n"


def bulk_load_import(db_path, staged_table):
    """The same inserts the way Leadbench's bulk load makes them, in SQL: the same indexes set
    aside and rebuilt once, the search index rebuilt once, with the same settings. What is left
    between this and Leadbench is reading and checking the file, finding each record's lead,
    scoring it and keeping its history."""
    drops, creates = bulk_load_indexes(db_path)
    return "\n".join(
        ["PRAGMA journal_mode=DELETE;", "PRAGMA cache_size=-131072;", "BEGIN;"] + drops +
        _same_inserts(staged_table) +
        ["PRAGMA cache_size=-2000;", "PRAGMA temp_store=FILE;", "PRAGMA threads=2;"] + creates +
        ["INSERT INTO leads_fts(leads_fts, rank) VALUES ('hashsize', 67108864);",
         "INSERT INTO leads_fts(leads_fts) VALUES ('rebuild');",
         "PRAGMA analysis_limit=2000;", "ANALYZE leads;", "COMMIT;", "PRAGMA journal_mode=WAL;"]) + "\n"


def raw_import(csv_path):
    """The raw floor: the shell's own CSV import into a bare table."""
    return ".import --csv %s staged\n" % csv_path


def stale_scores():
    """Makes every lead's score stale as saving the rules in the Scoring dialog does: a new
    version of the scoring model (the same rules)."""
    return ("INSERT INTO scoring_models (version, model_json, created_at, created_by) "
            "SELECT max(version) + 1, (SELECT model_json FROM scoring_models ORDER BY version "
            "DESC LIMIT 1), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'bench' FROM scoring_models;\n")


def precomputed_scores(rescored):
    """Keeps aside in `precomputed` the scores Leadbench wrote into the database `rescored`
    (a copy of the stale one, rescored once untimed), and the model version it recorded as
    having scored every lead, for the shell's UPDATE."""
    return ("ATTACH '%s' AS rescored;\n"
            "CREATE TABLE precomputed (id INTEGER PRIMARY KEY, score, grade, score_explanation, "
            "score_model_version);\n"
            "INSERT INTO precomputed SELECT id, score, grade, score_explanation, "
            "score_model_version FROM rescored.leads;\n"
            "CREATE TABLE precomputed_meta AS SELECT key, value FROM rescored.meta "
            "WHERE key = 'scores_confirmed_by';\n"
            "DETACH rescored;\n" % rescored.replace("'", "''"))


def rescore_update():
    """The shell writing back what Leadbench's rescore wrote, the way it writes it: through a
    rollback journal with the same page cache; score, grade, explanation and model version
    where score or grade moved (the indexes that hold them kept up to date), a timeline line
    for each moved grade, the explanation and version where only they changed, and the
    version that scored every lead. Since the data were scored at their generation's end, a
    rescore today moves the recency points of many leads."""
    return ("PRAGMA journal_mode=DELETE;\nPRAGMA cache_size=-131072;\nBEGIN;\n"
            "CREATE TEMP TABLE moved (id INTEGER PRIMARY KEY);\n"
            "INSERT INTO moved SELECT l.id FROM leads l JOIN precomputed p ON p.id = l.id "
            "WHERE p.score <> l.score OR p.grade <> l.grade;\n"
            "CREATE TEMP TABLE explained (id INTEGER PRIMARY KEY);\n"
            "INSERT INTO explained SELECT l.id FROM leads l JOIN precomputed p ON p.id = l.id "
            "WHERE p.score = l.score AND p.grade = l.grade AND (p.score_explanation <> "
            "l.score_explanation OR p.score_model_version <> l.score_model_version);\n"
            "INSERT INTO activities (lead_id, at, actor, kind, field, old_value, new_value, note) "
            "SELECT l.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'system', 'changed', 'grade', "
            "l.grade, p.grade, '' FROM leads l JOIN precomputed p ON p.id = l.id "
            "WHERE p.grade <> l.grade;\n"
            "UPDATE leads SET (score, grade, score_explanation, score_model_version) = "
            "(SELECT p.score, p.grade, p.score_explanation, p.score_model_version "
            "FROM precomputed p WHERE p.id = leads.id) WHERE id IN (SELECT id FROM moved);\n"
            "UPDATE leads SET (score_explanation, score_model_version) = "
            "(SELECT p.score_explanation, p.score_model_version FROM precomputed p "
            "WHERE p.id = leads.id) WHERE id IN (SELECT id FROM explained);\n"
            "DELETE FROM meta WHERE key = 'scores_confirmed_by';\n"
            "INSERT INTO meta SELECT key, value FROM precomputed_meta;\n"
            "COMMIT;\n"
            "PRAGMA journal_mode=WAL;\n")


def csv_export_sql():
    """The columns an export writes, in its order, as the shell's -csv mode prints them."""
    return ("SELECT id, %s FROM leads WHERE is_test = 0 ORDER BY last_event_at DESC, id DESC;" %
            ", ".join(STORED))


def funnel_sqlite():
    """The same work as `report funnel` on SQLite, in the shell, as Leadbench runs it: one
    GROUP BY over the index that holds the groups in their order (IndexOrderCounts), so that
    SQLite counts while it reads."""
    return ["SELECT storefront, stage, reached_step, action, count(*), 0 FROM leads INDEXED BY "
            "leads_overview WHERE is_test = 0 GROUP BY storefront, stage, reached_step, action"]


def offers_sqlite():
    """The same work as `report offers` on SQLite, as Leadbench runs it: the offers chart's
    index read in the order of its groups, with the scores summed."""
    return ["SELECT offer_id, stage, reached_step, action, count(*), sum(score) FROM leads "
            "INDEXED BY leads_offer_funnel WHERE is_test = 0 GROUP BY offer_id, stage, "
            "reached_step, action"]


def funnel_postgresql():
    """The statement `report funnel` runs on PostgreSQL, as it runs it: the leads counted by
    storefront, action, stage and furthest step in one pass."""
    return ["SELECT storefront, action, stage, reached_step, count(*), 0 FROM leads WHERE "
            "is_test = 0 GROUP BY storefront, action, stage, reached_step"]


# The columns `list` reads on PostgreSQL, in its order.
LIST_COLUMNS = ("id, storefront, action, offer_id, offer_title, first_name, last_name, email, "
                "phone, country, company, title, description, created_at, last_event_at, events, "
                "stage, owner, score, grade, win_probability, next_follow_up_at, follow_ups, "
                "do_not_contact, is_test, campaign, origin, qualification, opportunity_value, "
                "opportunity_currency, expected_close_at, destination, disqualify_reason, "
                "disqualify_note, privacy_restricted, version, extra_fields, score_model_version, "
                "score_explanation, win_drivers")


def postgresql_queries():
    """(label, leadbench-cli arguments, the statements it runs on PostgreSQL with its bound
    values written in) for the PostgreSQL rows."""
    return [
        ("PostgreSQL: filtered count", ["count", "--storefront", "appsource", "--stage", "won"],
         ["SELECT count(*) FROM leads WHERE is_test = 0 AND storefront = 'appsource' AND "
          "stage = 'won'"]),
        ("PostgreSQL: sorted page of 100", ["list", "--sort", "score:desc", "--limit", "100",
                                            "--format", "csv"],
         ["SELECT %s FROM leads WHERE is_test = 0 ORDER BY score DESC, id DESC LIMIT 100" %
          LIST_COLUMNS]),
        ("PostgreSQL: funnel per storefront", ["report", "funnel", "--format", "json"],
         funnel_postgresql()),
    ]
