#pragma once

#include "../storage/database.h"
#include "importoptions.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class ImportFile;
class QIODevice;

// One record that did not land, and why.
struct ImportError {
    QString file; // the file name, for imports of several files
    qint64 line = 0;
    QString message;    // without the file and line: "has 3 fields, the header has 11"
    QStringList fields; // the record as read, so that rejected rows can be saved and fixed
};

// What an import did: the CLI prints it as its last line, the wizard shows it.
struct ImportSummary {
    qint64 read = 0;
    qint64 imported = 0;  // new leads
    qint64 merged = 0;    // records that became another event on an existing lead
    qint64 unchanged = 0; // records already stored (the same file imported again)
    qint64 skipped = 0;   // duplicates left alone (OnDuplicate::Skip)
    qint64 rejected = 0;
    QList<ImportError> errors;
    QStringList warnings;      // about the files: columns ignored or kept as extra fields
    qint64 recordWarnings = 0; // values changed or left out without rejecting the record
    // The first of them with their file and line (at most maxRecordWarnings are kept).
    QList<ImportError> recordWarningList;
    static constexpr qsizetype maxRecordWarnings = 1000;
    QStringList header;    // the (first) file's header, for saving rejected rows
    ColumnMapping mapping; // how the (first) file's columns were read
    QList<qint64> leadIds; // the leads the import created or merged into
    bool dryRun = false;   // counted as if imported; nothing was stored
    // Why nothing landed: the input (no usable header), the storage or the file could not be
    // read, or a conflict with someone else's change.
    enum class Failure { None, Input, Storage, Conflict };
    Failure failure = Failure::None;
    QString fatal; // the message when nothing landed
    bool cancelled = false;

    bool ok() const { return fatal.isEmpty() && !cancelled; }
    QJsonObject toJson() const;
};

// Imports leads from CSV, Excel workbooks and marketplace JSON payloads through a column
// mapping, in one transaction: bad records are rejected with their line and reason, good ones
// land, a failure or a cancel lands nothing. A large import sets the database's indexes aside
// and rebuilds them once at the end.
class LeadImporter {
public:
    explicit LeadImporter(const Database &db, const QString &actor = QString());

    // `total` is the inputs' size in bytes, 0 when one has none (a pipe). Called from the
    // importing thread.
    void setProgressHandler(std::function<void(qint64 done, qint64 total)> handler);
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    void setOptions(const ImportOptions &options) { m_options = options; }
    const ImportOptions &options() const { return m_options; }

    // Imports the files in turn ("-" is standard input), all in one transaction.
    ImportSummary importFiles(const QStringList &paths);
    ImportSummary importFile(const QString &path) { return importFiles({path}); }
    // Reads `device` forward only (CSV or JSON); `name` starts every message.
    ImportSummary importDevice(QIODevice *device, const QString &name);

    // Shorthands for the options most callers change.
    void setEncoding(TextEncoding::Kind encoding) { m_options.encoding = encoding; }
    void setDelimiter(QChar delimiter) { m_options.delimiter = delimiter; }

    // Bytes of input from which an import on SQLite is a bulk load; tests set it low.
    static qint64 bulkFrom();
    static void setBulkFrom(qint64 bytes);

private:
    class Run;
    ImportSummary run(ImportSummary &s, qint64 total,
                      const std::function<std::unique_ptr<ImportFile>(qsizetype)> &open,
                      qsizetype files);

    Database m_db;
    QString m_actor;
    ImportOptions m_options;
    std::function<void(qint64, qint64)> m_progress;
    const std::atomic_bool *m_cancel = nullptr;
};
