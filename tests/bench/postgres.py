"""The bench's leads on the throwaway PostgreSQL server ./dev bench starts: a database whose schema
leadbench-cli creates, filled from the SQLite bench database by the sqlite3 shell's CSV and psql's
COPY, as a team moving to a shared server would load it; then psql's timings of statements."""
import re
import sqlite3

# The tables the PostgreSQL rows read: the leads and, for the funnel, their history.
TABLES = ["leads", "activities"]
DATABASE = "leadbench_bench"


def psql(url, *args):
    return ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url] + list(args)


def database_url(server_url):
    """The bench database's URL on the server ./dev bench started."""
    return server_url.rsplit("/", 1)[0] + "/" + DATABASE


def recreate(server_url):
    """Commands that give an empty bench database."""
    return [psql(server_url, "-c", "DROP DATABASE IF EXISTS %s" % DATABASE),
            psql(server_url, "-c", "CREATE DATABASE %s" % DATABASE)]


def columns_sql(table):
    """The columns COPY can fill: generated ones (the search text) PostgreSQL computes itself."""
    return ("SELECT column_name FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND table_name = '%s' AND is_generated = 'NEVER' ORDER BY "
            "ordinal_position" % table)


def shared_columns(sqlite_path, table, pg_columns):
    con = sqlite3.connect(sqlite_path)
    mine = {row[1] for row in con.execute("PRAGMA table_info(%s)" % table)}
    con.close()
    return [c for c in pg_columns if c in mine]


def indexes_sql(table):
    """A table's indexes that back no constraint, as (name, definition): a COPY into the table
    with them in place updates each row by row; built afterwards, each is one sort."""
    return ("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = "
            "current_schema() AND i.tablename = '%s' AND NOT EXISTS (SELECT 1 FROM pg_constraint "
            "c WHERE c.conindid = format('%%I.%%I', i.schemaname, i.indexname)::regclass)" % table)


def export_sql(table, columns):
    """The sqlite3 shell's -csv of a table: NULL as an empty field, '' as \"\", as COPY reads."""
    return "SELECT %s FROM %s ORDER BY id;" % (", ".join(columns), table)


def copy_command(table, columns, csv_path):
    """psql's \\copy: COPY FROM STDIN with psql reading the file."""
    return "\\copy %s (%s) FROM '%s' WITH (FORMAT csv)" % (table, ", ".join(columns), csv_path)


def after_load_sql(tables):
    """Identity sequences past the copied ids, so that the next insert gets a new one."""
    return ["SELECT setval(pg_get_serial_sequence('%s', 'id'), (SELECT coalesce(max(id), 0) + 1 "
            "FROM %s), false)" % (t, t) for t in tables]


def timed_script(warm, statements):
    """A psql script that runs `warm` untimed, then the statements with \\timing."""
    return "%s;\n\\timing on\n%s\n" % (warm, "\n".join(s + ";" for s in statements))


def timed_ms(output):
    """The sum of psql's \\timing lines ("Time: 12.345 ms", "(00:01.234)" after a second)."""
    found = re.findall(r"^Time: ([0-9.]+) ms", output, re.M)
    if not found:
        raise ValueError("no psql timing in: %s" % output[-500:])
    return sum(float(t) for t in found)

