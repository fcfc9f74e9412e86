#pragma once

#include <QList>
#include <QStringList>

// Writes one small table (a header and rows of text) to an Excel .xlsx workbook: a bold frozen
// header, cells that are numbers stored as numbers. For a chart's numbers; leads go through
// XlsxLeadWriter.
namespace XlsxTableWriter {
// False with `error` naming the file and the problem.
bool write(const QString &path, const QString &sheetName, const QStringList &header,
           const QList<QStringList> &rows, QString *error);
} // namespace XlsxTableWriter
