#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>
#include <thread>

class Database;
class QFile;
class QTemporaryFile;
struct Lead;

// The trigram search index of the leads a bulk load stores into an empty table, built on a
// thread and a connection of its own in a file of its own while the load builds its other
// indexes (SQLite builds one index at a time per database), then copied into the database.
class SearchIndexBuilder {
public:
    // The text the index holds for a lead: what the leads table's search_text column computes.
    static QByteArray searchText(const Lead &lead);

    explicit SearchIndexBuilder(const QString &databaseFile);
    ~SearchIndexBuilder(); // stops the build and removes its files
    SearchIndexBuilder(const SearchIndexBuilder &) = delete;
    SearchIndexBuilder &operator=(const SearchIndexBuilder &) = delete;

    // Next to the database: the list of what the load stores, and the builder's own database.
    bool open(QString *error);
    // From the storing thread: a lead stored, and a stored lead whose searchable text changed.
    void stored(qint64 id, const Lead &lead);
    void changed(qint64 id, const Lead &before, const Lead &after);
    // Every lead is stored: the build starts on its thread.
    bool start(QString *error);
    // Waits for the build, then puts its index in place of the database's empty one, inside
    // the connection's transaction. False: `error` says why, and the caller rebuilds instead.
    bool copyInto(const Database &db, QString *error);

private:
    void append(char op, qint64 id, const QByteArray &text);
    bool flush();
    void build();
    bool buildFrom(struct sqlite3 *side);

    QString m_databaseFile;
    std::unique_ptr<QTemporaryFile> m_spool;
    std::unique_ptr<QTemporaryFile> m_side;
    QByteArray m_buffer;
    bool m_spoolFailed = false;
    qint64 m_spoolSize = 0; // what the build must read
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    QString m_buildError; // written by the thread, read after it is joined
};
