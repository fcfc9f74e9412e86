#pragma once

#include <QString>

// How Excel shows a number cell, by its number format: plain, a date, or a date and time; and
// the text Leadbench reads from it (dates from Excel's serials as ISO 8601).
namespace XlsxNumberFormat {

// How a number cell reads: its cell format decides whether Excel shows it as a date.
enum class NumberKind : quint8 { Plain, Date, DateTime };

NumberKind builtInKind(int id);             // a built-in format's id
NumberKind customKind(const QString &code); // a custom format's code
QString numberText(double v);
QString serialText(double serial, bool date1904, NumberKind kind);

} // namespace XlsxNumberFormat
