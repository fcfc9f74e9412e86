#pragma once

#include "database.h"

#include <QStringList>
#include <QVariantList>

// Every difference between the SQLite and PostgreSQL SQL that Leadbench writes, in one place.
class SqlDialect {
public:
    explicit SqlDialect(Database::Backend backend)
        : m_backend(backend) {}

    QString idColumn() const; // auto-assigned 64-bit primary key
    QString bigint() const;   // 64-bit integer column type
    QString real() const;     // double column type
    QString greatest() const; // the larger of several values: max(a, b) on SQLite
    // A trigger that runs `statement` (which may read the new row as `new.`) after each row
    // inserted into `table` for which `condition` holds.
    QStringList afterInsertTrigger(const QString &name, const QString &table,
                                   const QString &condition, const QString &statement) const;
    QString tableExistsSql() const;
    QString tableCountSql() const; // the number of tables in the database's schema
    // Appended to an INSERT to read the new id back; empty where the driver reports it.
    QString returningId() const;      // one bound value: the table name
    QStringList searchSchema() const; // text search index over name, email, company and title
    // SQLite: the options of the search index's FTS5 table (SearchIndexBuilder makes the same).
    static QString searchIndexOptions();
    QString lockForMigration() const; // serialises concurrent migrations; empty when not needed
    // Serialises transactions that take in marketplace records, so that two imports of
    // overlapping files wait for each other instead of deadlocking; empty when not needed.
    QString lockForIntake() const;
    // Appended to an INSERT into leads: a lead whose person and offer is already stored is
    // skipped (the caller merges into that one instead).
    QString skipExistingLead() const;
    // The id a new lead gets: on SQLite never an id that waits in the trash.
    QString newLeadId() const;
    // A predicate matching leads whose name, email, company or title contains every word of
    // `search`, case-insensitively; its values are appended to `binds`.
    QString searchPredicate(const QString &search, QVariantList *binds) const;
    QString insensitiveLike() const; // LIKE that ignores case
    // `table` read in one pass in its own order, never through an index: on SQLite an index on
    // a filter column turns a pass over most rows into a look-up per row.
    QString wholeTable(const QString &table) const;
    // `expression` for a GROUP BY or ORDER BY that no index should serve: on SQLite an index
    // in that order wins over a covering one for the filter, and then costs a look-up per row.
    QString notByIndex(const QString &expression) const;
    // The JSON text of SQL expression `json` with the string `value` set at `path` ("lead",
    // "opportunity_value"), as an SQL expression; `path` and `value` are SQL-quoted here.
    QString jsonSetText(const QString &json, const QStringList &path, const QString &value) const;

private:
    Database::Backend m_backend;
};
