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

bool looksLikeFormula(QStringView field) {
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
    QString out;
    appendEscaped(out, field, style, neutralise);
    return out;
}

void appendEscaped(QString &out, QStringView field, const Style &style, bool neutralise) {
    // The quote goes inside the CSV quoting: the spreadsheet must see it as the cell's first
    // character, or it would run the formula after all.
    const bool quoteMark =
        neutralise && style.neutraliseFormulas && !field.isEmpty() && looksLikeFormula(field);
    bool needsQuotes = false;
    for (const QChar c : field) {
        if (c == style.delimiter || c == QLatin1Char('"') || c == QLatin1Char('\n') ||
            c == QLatin1Char('\r')) {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes) {
        if (quoteMark)
            out += QLatin1Char('\'');
        out += field;
        return;
    }
    out += QLatin1Char('"');
    if (quoteMark)
        out += QLatin1Char('\'');
    for (const QChar c : field) {
        if (c == QLatin1Char('"'))
            out += QLatin1Char('"');
        out += c;
    }
    out += QLatin1Char('"');
}

} // namespace CsvWriter
