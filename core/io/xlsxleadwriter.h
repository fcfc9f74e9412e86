#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class PrefetchedLeadRows;
class QVariant;
struct Lead;

// Writes leads to an Excel .xlsx workbook, row by row in libxlsxwriter's constant-memory mode:
// typed cells (dates, numbers, booleans, text never as formulas), a bold frozen header, an
// autofilter, and a new sheet with the header again whenever a sheet is full.
class XlsxLeadWriter {
public:
    // The most data rows a sheet holds: Excel's 1,048,576 rows less the header.
    static constexpr qint64 maxDataRowsPerSheet = 1048575;

    XlsxLeadWriter(const QString &path, const QStringList &columns, const QString &title);
    ~XlsxLeadWriter();
    XlsxLeadWriter(const XlsxLeadWriter &) = delete;
    XlsxLeadWriter &operator=(const XlsxLeadWriter &) = delete;

    // Lets a test see the next sheet start without writing a million rows.
    void setRowsPerSheet(qint64 rows) { m_rowsPerSheet = rows; }

    bool open();
    bool write(const Lead &lead);
    // One row of stored cells: the writer's columns in order from the query's column 0, as
    // the leads table holds them (times as ISO 8601 text, flags as 0 or 1).
    bool writeStored(const PrefetchedLeadRows &rows);
    // Writes the file; false (and error()) if it could not be written.
    bool close();
    QString error() const { return m_error; }

private:
    struct Private;
    bool addSheet();
    void finishSheet();
    bool startRow();
    bool writeCell(qsizetype column, const QVariant &value);

    std::unique_ptr<Private> d;
    QString m_error;
    qint64 m_rowsPerSheet = maxDataRowsPerSheet;
};
