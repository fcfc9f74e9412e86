#pragma once

#include <QStringList>

// Writes RFC 4180 CSV text: fields quoted only when they need it, CRLF-free UTF-8.
namespace CsvWriter {
QString escape(const QString &field);
QString line(const QStringList &fields); // with a trailing '\n'
} // namespace CsvWriter
