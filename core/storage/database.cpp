#include "database.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>

#include <atomic>

#include <sqlite3.h>

namespace {

// SQLite keeps its planner statistics fresh when each connection runs optimize on the way out
// (unless `optimize` is false: an ANALYZE it runs is a commit others see).
void closeConnection(QSqlDatabase &db, bool optimize = true) {
    if (!db.isValid())
        return;
    if (optimize && db.isOpen() && db.driverName() == QLatin1String("QSQLITE"))
        QSqlQuery(db).exec(QStringLiteral("PRAGMA optimize"));
    db.close();
}

// Removes this thread's connections when the thread ends, so worker threads leave nothing behind.
struct ThreadConnections {
    QStringList names;
    ~ThreadConnections() {
        for (const QString &name : std::as_const(names)) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                closeConnection(db);
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
};

thread_local ThreadConnections threadConnections;

// A number no other thread of this process has had, not even one that has ended: a thread's
// address (and its QThread's) is reused by later threads, and a name built from it could hand a
// new thread a connection that an ended one left behind or that another thread still uses.
quint64 threadSerial() {
    static std::atomic<quint64> last{0};
    thread_local const quint64 serial = ++last;
    return serial;
}

} // namespace

Database Database::fromLocation(const QString &location) {
    Database d;
    d.m_location = location.trimmed();
    if (d.m_location.startsWith(QLatin1String("postgresql://")) ||
        d.m_location.startsWith(QLatin1String("postgres://"))) {
        d.m_backend = Backend::PostgreSql;
        const QUrl url(d.m_location, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()) {
            // The text may hold a password: it is not repeated.
            d.m_error = QCoreApplication::translate(
                "Database", "--db: not a valid PostgreSQL URL (expected "
                            "postgresql://user[:password]@host[:port]/database; "
                            "characters such as # / ? @ in a user name or password "
                            "must be percent-encoded, # as %23)");
            return d;
        }
        d.m_host = url.host();
        d.m_port = url.port(5432);
        d.m_user = url.userName(QUrl::FullyDecoded);
        d.m_password = url.password(QUrl::FullyDecoded);
        if (d.m_password.isEmpty())
            d.m_password = qEnvironmentVariable("PGPASSWORD");
        d.m_dbName = url.path().mid(1);
        if (d.m_dbName.isEmpty())
            d.m_dbName = d.m_user.isEmpty() ? QStringLiteral("postgres") : d.m_user;
        return d;
    }
    d.m_backend = Backend::Sqlite;
    if (d.m_location.startsWith(QLatin1String("sqlite://")))
        d.m_location = d.m_location.mid(9);
    if (d.m_location.isEmpty()) {
        d.m_error = QCoreApplication::translate("Database", "no database given");
        return d;
    }
    d.m_path = QFileInfo(d.m_location).absoluteFilePath();
    return d;
}

QString Database::defaultLocation() {
    const QString env = qEnvironmentVariable("LEADBENCH_DB");
    if (!env.isEmpty())
        return env;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    return dir + QStringLiteral("/leadbench/leadbench.sqlite");
}

QString Database::displayName() const {
    if (m_backend == Backend::Sqlite)
        return m_path.isEmpty() ? m_location : m_path;
    if (m_host.isEmpty()) {
        QUrl url(m_location);
        url.setPassword(QString());
        return url.toString();
    }
    const QString user = m_user.isEmpty() ? QString() : m_user + QLatin1Char('@');
    return QStringLiteral("postgresql://%1%2:%3/%4").arg(user, m_host).arg(m_port).arg(m_dbName);
}

bool Database::isNewFile() const {
    return m_backend == Backend::Sqlite && !QFileInfo::exists(m_path);
}

QString Database::connectionName() const {
    const QByteArray key =
        QCryptographicHash::hash(m_location.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    // A reader that keeps the journal has a connection of its own, even on a thread that has
    // the ordinary one.
    return QStringLiteral("leadbench-%1-t%2%3")
        .arg(QString::fromLatin1(key))
        .arg(threadSerial())
        .arg(m_keepJournalMode ? QStringLiteral("-k") : QString());
}

QSqlDatabase Database::connection() const {
    // Opens again a connection that failed to open or was closed after a failed read, so that
    // trying again can succeed once the server is back.
    QString ignored;
    open(&ignored);
    return QSqlDatabase::database(connectionName(), false);
}

bool Database::open(QString *error) const {
    if (!isValid()) {
        *error = m_error;
        return false;
    }
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return true;
        return configure(db, error);
    }
    // SQLite keeps a process-wide count of its memory behind a lock it takes for every
    // allocation; nothing here reads the count. Settable only before SQLite's first use.
    static const bool memoryUncounted = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    Q_UNUSED(memoryUncounted);
    const QString driver =
        m_backend == Backend::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
    threadConnections.names.append(name);
    if (!db.isValid()) {
        *error = QCoreApplication::translate("Database", "the Qt SQL driver %1 is not installed")
                     .arg(driver);
        return false;
    }
    return configure(db, error);
}

bool Database::configure(QSqlDatabase &db, QString *error) const {
    if (m_backend == Backend::Sqlite) {
        const QFileInfo info(m_path);
        if (!QDir().mkpath(info.absolutePath())) {
            *error = QCoreApplication::translate("Database", "cannot create the folder %1")
                         .arg(info.absolutePath());
            return false;
        }
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        db.setHostName(m_host);
        db.setPort(m_port);
        db.setUserName(m_user);
        db.setPassword(m_password);
        db.setDatabaseName(m_dbName);
        db.setConnectOptions(QStringLiteral("connect_timeout=5"));
    }
    if (!db.open()) {
        *error = QCoreApplication::translate("Database", "cannot open the database %1: %2")
                     .arg(displayName(), db.lastError().text().simplified());
        return false;
    }
    QSqlQuery q(db);
    if (m_backend == Backend::Sqlite) {
        // Another process opening the same new file at once may hold the lock that switching
        // to WAL needs; it switches it for both. A file that is not SQLite fails here too.
        if (!q.exec(m_keepJournalMode ? QStringLiteral("PRAGMA journal_mode")
                                      : QStringLiteral("PRAGMA journal_mode=WAL")) &&
            !q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
            *error = QCoreApplication::translate("Database", "cannot open the database %1: %2")
                         .arg(displayName(), q.lastError().text().simplified());
            db.close();
            return false;
        }
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        // SQLite's own 2 MB page cache: short queries in a fresh process pay for every page of a
        // larger one (a text search on 100,000 leads: 40 ms with 2 MB, 100 ms with 8 MB).
        q.exec(QStringLiteral("PRAGMA cache_size=-2000"));
        q.exec(QStringLiteral("PRAGMA temp_store=MEMORY"));
    } else {
        q.exec(QStringLiteral("SET client_min_messages TO warning"));
    }
    return true;
}

void Database::closeThreadConnection() const {
    const QString name = connectionName();
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        closeConnection(db, !m_keepJournalMode);
    }
    QSqlDatabase::removeDatabase(name);
    threadConnections.names.removeAll(name);
}
