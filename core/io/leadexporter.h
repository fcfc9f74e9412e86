#pragma once

#include "../storage/database.h"
#include "../storage/leadfilter.h"

#include <QChar>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

class QIODevice;
class PrefetchedLeadRows;
struct Lead;

// Exports the leads of a filter and sort to CSV or Excel, page by page, with progress and
// cancel; a file is written under a temporary name and renamed only when it is complete.
class LeadExporter {
public:
    // Salesforce and Dynamics are CSV files in those CRMs' lead-import layouts (CrmExportLayout):
    // their column names and words, ready to import without mapping.
    enum class Format { Csv, Xlsx, Salesforce, Dynamics };
    // "csv", "xlsx", "salesforce", "dynamics"; nothing for another name.
    static std::optional<Format> formatFromName(const QString &name);
    static QString formatName(Format format);
    // True for the CRM layouts, whose columns are fixed.
    static bool isCrmLayout(Format format) {
        return format == Format::Salesforce || format == Format::Dynamics;
    }
    struct Options {
        Format format = Format::Csv;
        QStringList columns; // empty: every canonical column; ignored by the CRM layouts
        bool bom = true;     // UTF-8 BOM, so that Excel reads "Müller" right
        QChar delimiter = QLatin1Char(',');
        QString title = QStringLiteral("Leadbench leads"); // the workbook's title
        qint64 xlsxRowsPerSheet = 0;                       // 0: Excel's limit
    };
    struct Result {
        qint64 rows = 0;
        QString error;
        bool cancelled = false;
        bool ok() const { return error.isEmpty() && !cancelled; }
    };
    // The header row a file of these options starts with.
    static QStringList headers(const Options &options);

    explicit LeadExporter(const Database &db);

    // Called after each page, and once at the start with done 0.
    void setProgress(std::function<void(qint64 done, qint64 total)> progress) {
        m_progress = std::move(progress);
    }
    // Checked between pages; set it from any thread to stop.
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    // How many rows pass between progress reports and cancel checks.
    void setPageSize(int rows) { m_pageSize = rows; }

    // Writes the file at `path`; on failure or cancel no file (and no partial one) is left.
    Result exportToFile(const LeadFilter &filter, const LeadSort &sort, const Options &options,
                        const QString &path);
    // Writes CSV to an open device (standard output); Excel needs a file.
    Result exportCsv(const LeadFilter &filter, const LeadSort &sort, const Options &options,
                     QIODevice *device);

private:
    // Feeds the stored cells of every matching lead to `row`, `columns` in order: no Lead
    // values are built, which is where the time of a million-row export went. `streamed`:
    // StoredLeadRows::setStreamed.
    using RowHandler = std::function<bool(const PrefetchedLeadRows &, QString *)>;
    Result eachRow(const LeadFilter &filter, const LeadSort &sort, const QStringList &columns,
                   const RowHandler &row, bool streamed = false);
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    Database m_db;
    std::function<void(qint64, qint64)> m_progress;
    const std::atomic_bool *m_cancel = nullptr;
    int m_pageSize = 2000;
};
