#pragma once

#include <QStringList>

// Writes RFC 4180 CSV text: fields quoted only when they need it. The plain form (list
// --format csv) is comma-separated with '\n'; exports choose a Style.
namespace CsvWriter {
QString escape(const QString &field);
QString line(const QStringList &fields); // with a trailing '\n'

// How an export writes its CSV: the delimiter, CRLF line ends, and whether cells a
// spreadsheet would run as a formula get a leading '.
struct Style {
    QChar delimiter = QLatin1Char(',');
    bool crlf = true;
    bool neutraliseFormulas = true;
};
// True for text a spreadsheet would treat as a formula: it starts with =, +, -, @, tab or CR.
bool looksLikeFormula(QStringView field);
QString escape(const QString &field, const Style &style, bool neutralise);
// escape(), appended to `out`: an export of a million rows writes every cell this way.
void appendEscaped(QString &out, QStringView field, const Style &style, bool neutralise);
} // namespace CsvWriter
