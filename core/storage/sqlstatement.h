#pragma once

#include "database.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <memory>
#include <vector>

class QSqlQuery;
struct sqlite3_stmt;

// A statement prepared once and run many times with '?' placeholders: on SQLite through
// SQLite's own statement API on the thread's connection handle, because Qt's per-value binding
// costs several times SQLite's own work in bulk writes; elsewhere through QSqlQuery.
class SqlStatement {
public:
    explicit SqlStatement(const Database &db);
    ~SqlStatement();
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    bool prepare(const QString &sql);
    static QString placeholders(qsizetype count); // "?, ?, ?" for `count` values
    bool isPrepared() const;

    // Values for the placeholders, 0-based, before exec(); null text is stored as ''.
    void bind(int index, const QString &value);
    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, qint64(value)); }
    void bind(int index, double value);
    // Bytes as a blob, read in place until the statement runs.
    void bindBlob(int index, QByteArrayView value);
    // A value of the type it holds: integers, reals, flags (as 0/1) and text.
    void bind(int index, const QVariant &value);

    bool exec(); // false: error() says why
    bool next(); // the next row a query returned
    qint64 intValue(int column) const;
    QString textValue(int column) const;
    double realValue(int column) const;
    // A column of the current row as UTF-8; on SQLite it is SQLite's own buffer, valid until
    // the next step, not a copy.
    QByteArray utf8Value(int column) const;
    // The same as a view, with no QByteArray made, for loops over a million rows; SQLite only
    // (elsewhere empty).
    QByteArrayView utf8View(int column) const;
    QVariant value(int column) const; // integers, reals and text as stored
    int columnCount() const;          // of the statement's rows
    // Ends a run whose rows are not all read, so that it holds no read on the database.
    void finish() { resetIfRun(); }
    qint64 lastInsertId() const;
    int rowsAffected() const;
    QString error() const { return m_error; }

private:
    void resetIfRun();

    Database m_db;
    sqlite3_stmt *m_native = nullptr;
    std::unique_ptr<QSqlQuery> m_query;
    QString m_error;
    // The UTF-8 of each text placeholder, which SQLite reads in place until it is bound again:
    // a million rows of forty values would otherwise allocate and copy every value twice.
    std::vector<QByteArray> m_texts;
    bool m_run = false;
    bool m_rowPending = false;
    bool m_hasRow = false;
    qint64 m_lastId = 0;
    int m_changes = 0;
};
