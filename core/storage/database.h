#pragma once
// Storage: one schema and one repository over Qt SQL, for SQLite (default) and PostgreSQL.

#include <QString>

class QSqlDatabase;

// Where the leads live and how each thread reaches them: a file path or a postgresql:// URL.
// Copies are cheap; every thread that uses one gets its own named connection, under a name no
// other thread of the process ever has.
class Database {
public:
    enum class Backend { Sqlite, PostgreSql };

    // Parses a location: a file path, or postgresql://user[:password]@host[:port]/db.
    static Database fromLocation(const QString &location);
    // $LEADBENCH_DB, else leadbench.sqlite in the per-user data directory.
    static QString defaultLocation();

    Backend backend() const { return m_backend; }
    QString location() const { return m_location; }
    QString displayName() const; // the file path, or user@host:port/db without the password
    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    // This thread's open connection; opens it on first use, and again when an earlier open
    // failed or the connection was closed. Check isOpen() on the result.
    QSqlDatabase connection() const;
    // Opens this thread's connection; false with a message naming the database on failure.
    bool open(QString *error) const;
    // Closes and forgets this thread's connection (other threads keep theirs).
    void closeThreadConnection() const;
    // True when a SQLite file does not exist yet (the first start).
    bool isNewFile() const;
    // A copy whose SQLite connections, one per thread beside the ordinary one, leave the
    // file's journal mode as they find it rather than switch it to WAL, and close without
    // ANALYZE: readers beside a connection that set a rollback journal for a large rewrite and
    // watches PRAGMA data_version for other connections' commits.
    Database keepingJournalMode() const {
        Database copy = *this;
        copy.m_keepJournalMode = true;
        return copy;
    }

private:
    QString connectionName() const;
    bool configure(QSqlDatabase &db, QString *error) const;

    Backend m_backend = Backend::Sqlite;
    QString m_location;
    QString m_path; // SQLite
    QString m_host, m_user, m_password, m_dbName;
    int m_port = 5432;
    QString m_error;
    bool m_keepJournalMode = false;
};
