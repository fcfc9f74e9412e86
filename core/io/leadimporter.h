#pragma once

#include "../storage/database.h"
#include "textencoding.h"

#include <QJsonObject>
#include <QList>

#include <atomic>
#include <functional>

class QIODevice;

// One row that did not land, and why.
struct ImportError {
    qint64 line = 0;
    QString message; // without the line: "has 3 fields, the header has 11"
};

// What an import did: the CLI prints it as its last line.
struct ImportSummary {
    qint64 read = 0;
    qint64 imported = 0;  // new leads
    qint64 merged = 0;    // records that became another event on an existing lead
    qint64 unchanged = 0; // records already stored (the same file imported again)
    qint64 rejected = 0;
    QList<ImportError> errors;
    QStringList warnings; // header columns that are not lead fields, or that are not read
    // Why nothing landed: the input (no usable header), the storage or the file could not be
    // read, or a conflict with someone else's change.
    enum class Failure { None, Input, Storage, Conflict };
    Failure failure = Failure::None;
    QString fatal; // the message when nothing landed
    bool cancelled = false;

    bool ok() const { return fatal.isEmpty() && !cancelled; }
    QJsonObject toJson() const;
};

// Imports marketplace CSV in any encoding and delimiter CsvReader reads (Microsoft field names or
// canonical column names) in one transaction: bad rows are rejected with their line number, good
// rows land, a failure or cancel lands nothing. Every canonical column Leadbench exports is read
// back, so an export imports whole.
class LeadImporter {
public:
    explicit LeadImporter(const Database &db, const QString &actor = QString());

    // `total` is the input's size in bytes, 0 when it has none (a pipe).
    void setProgressHandler(std::function<void(qint64 done, qint64 total)> handler);
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    // Override what the reader detects; Auto and a null QChar (the defaults) detect.
    void setEncoding(TextEncoding::Kind encoding) { m_encoding = encoding; }
    void setDelimiter(QChar delimiter) { m_delimiter = delimiter; }

    ImportSummary importCsvFile(const QString &path);
    // Reads `device` forward only, so standard input works; `name` starts every message.
    ImportSummary importCsv(QIODevice *device, const QString &name);

private:
    Database m_db;
    QString m_actor;
    std::function<void(qint64, qint64)> m_progress;
    const std::atomic_bool *m_cancel = nullptr;
    TextEncoding::Kind m_encoding = TextEncoding::Auto;
    QChar m_delimiter;
};
