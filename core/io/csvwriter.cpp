#include "csvwriter.h"

namespace CsvWriter {

QString escape(const QString &field) {
    const bool needsQuotes = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
                             field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString line(const QStringList &fields) {
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &f : fields)
        escaped << escape(f);
    return escaped.join(QLatin1Char(',')) + QLatin1Char('\n');
}

bool looksLikeFormula(const QString &field) {
    if (field.isEmpty())
        return false;
    switch (field.at(0).unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

QString escape(const QString &field, const Style &style, bool neutralise) {
    // The quote goes inside the CSV quoting: the spreadsheet must see it as the cell's first
    // character, or it would run the formula after all.
    const QString value = neutralise && style.neutraliseFormulas && looksLikeFormula(field)
                              ? QLatin1Char('\'') + field
                              : field;
    const bool needsQuotes = value.contains(style.delimiter) || value.contains(QLatin1Char('"')) ||
                             value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace CsvWriter
