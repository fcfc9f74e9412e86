#pragma once

#include "recordreader.h"

#include <QString>
#include <QStringList>

#include <memory>

// Reads one sheet of an Excel .xlsx workbook row by row, as text the way Excel shows it: shared
// and inline strings, numbers, booleans, errors, cached formula results, dates in ISO 8601.
class XlsxReader : public RecordReader {
public:
    explicit XlsxReader(const QString &path);
    ~XlsxReader() override;
    XlsxReader(const XlsxReader &) = delete;
    XlsxReader &operator=(const XlsxReader &) = delete;

    // The sheet to read, by its name in Excel's tabs; set it before the first next(). Unset,
    // the first sheet in the workbook's order is read.
    void setSheet(const QString &name) { m_sheet = name; }
    // The sheets in tab order; empty (and unreadable() set) when the workbook cannot be read.
    QStringList sheetNames();

    // Reads the next non-empty row; false at the end. The first row is the header; a row is
    // padded with empty fields to the header's width, since Excel leaves trailing empty cells
    // out. Rows without a value are skipped: line() then jumps over them.
    bool next() override;
    const QStringList &fields() const override { return m_fields; }
    qint64 line() const override { return m_line; } // the row number Excel shows, 1-based
    // Why the row cannot be read ("has a value in column F, beyond the header's 4 columns").
    QString error() const override { return m_error; }
    // Why the workbook cannot be read: no ZIP archive, no workbook, no such sheet, damaged XML.
    // Damage found in the middle of a sheet sets it too, after the rows before it were read:
    // check it once next() returns false.
    QString unreadable() const override { return m_unreadable; }
    // The file's size in bytes scaled by how much of the sheet's XML has been parsed: the
    // sheet is compressed as a whole, so this is the only measure of progress that ends at
    // the file's size.
    qint64 bytesRead() const override;

private:
    struct Private;
    bool openWorkbook();
    bool startSheet();
    bool readRow();
    QString cellText(const QString &type, const QString &style, const QString &value,
                     const QString &cell);
    void fail(const QString &why);

    std::unique_ptr<Private> d;
    QString m_path;
    QString m_sheet;
    QStringList m_fields;
    QString m_error;
    QString m_unreadable;
    qint64 m_line = 0;
};
