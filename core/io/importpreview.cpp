#include "importpreview.h"

#include "importfile.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {
// Enough records to propose a mapping and settle a date order, whatever the preview shows.
constexpr int sampleRecords = 100;
} // namespace

ImportPreview ImportPreview::read(const QString &path, const ImportOptions &options, int rows) {
    ImportPreview p;
    ImportFile file(path, options);
    p.file = file.name();
    p.format = ImportFormat::name(file.format());
    RecordReader *reader = file.reader();
    const bool gotHeader = reader && file.unreadable().isEmpty() && reader->next();
    if (!file.unreadable().isEmpty() || !gotHeader) {
        p.fatal =
            file.unreadable().isEmpty()
                ? QCoreApplication::translate("LeadImporter", "is empty: there is no header line")
                : file.unreadable();
        p.fatal = QStringLiteral("%1: %2").arg(p.file, p.fatal);
        return p;
    }
    p.encoding = file.encoding();
    p.delimiter = file.delimiter();
    p.lineEnding = file.lineEnding();
    p.sheets = file.sheets();
    p.sheet = file.sheet();
    p.header = reader->fields();
    if (!reader->error().isEmpty()) {
        p.fatal = QCoreApplication::translate("LeadImporter", "%1: line %2: the header %3")
                      .arg(p.file)
                      .arg(reader->line())
                      .arg(reader->error());
        return p;
    }
    QList<QStringList> samples;
    const int wanted = std::max(rows, sampleRecords);
    // A file of nothing but bad lines is not read whole.
    qint64 looked = 0;
    while (samples.size() < wanted && looked++ < wanted + 1000 && reader->next()) {
        const QStringList &fields = reader->fields();
        if (fields.size() == 1 && fields.first().trimmed().isEmpty())
            continue; // a blank line
        if (!reader->error().isEmpty()) {
            if (p.records.size() < rows)
                p.bad.append({p.file, reader->line(), reader->error(), fields});
            continue;
        }
        if (fields.size() != p.header.size()) {
            if (p.records.size() < rows)
                p.bad.append({p.file, reader->line(),
                              QCoreApplication::translate("LeadRecordMapper",
                                                          "has %1 fields, the header has %2")
                                  .arg(fields.size())
                                  .arg(p.header.size()),
                              fields});
            continue;
        }
        samples.append(fields);
        if (p.records.size() < rows) {
            p.records.append(fields);
            p.lines.append(reader->line());
        }
    }
    if (options.mapping) {
        p.mapping = *options.mapping;
    } else if (options.profile) {
        QString error;
        p.mapping = ColumnMapping::fromProfile(*options.profile, p.header, &error);
        if (!error.isEmpty())
            p.fatal =
                QCoreApplication::translate("LeadImporter", "%1: line 1: %2").arg(p.file, error);
    } else {
        // The same records the import proposes its mapping from.
        p.mapping = ColumnMapping::detect(p.header, samples.mid(0, sampleRecords));
    }
    return p;
}

QJsonObject ImportPreview::toJson() const {
    QJsonObject o{{QStringLiteral("file"), file}, {QStringLiteral("format"), format}};
    if (!fatal.isEmpty()) {
        o.insert(QStringLiteral("fatal"), fatal);
        return o;
    }
    if (format == QLatin1String("csv")) {
        o.insert(QStringLiteral("encoding"), encoding);
        o.insert(QStringLiteral("delimiter"), QString(delimiter));
        o.insert(QStringLiteral("line_ending"), lineEnding);
    }
    if (format == QLatin1String("xlsx")) {
        o.insert(QStringLiteral("sheets"), QJsonArray::fromStringList(sheets));
        o.insert(QStringLiteral("sheet"), sheet);
    }
    o.insert(QStringLiteral("header"), QJsonArray::fromStringList(header));
    QJsonArray columns;
    for (const ColumnMapping::Column &c : mapping.columns) {
        QJsonObject column{{QStringLiteral("header"), c.header},
                           {QStringLiteral("target"), c.target}};
        if (!c.note.isEmpty())
            column.insert(QStringLiteral("note"), c.note);
        columns.append(column);
    }
    QJsonObject map{{QStringLiteral("layout"), mapping.layout},
                    {QStringLiteral("columns"), columns}};
    static const char *const orders[] = {"auto", "day-first", "month-first"};
    map.insert(QStringLiteral("date_order"),
               QLatin1String(orders[static_cast<int>(mapping.dateOrder)]));
    const QString missing = mapping.missingIdentity();
    if (!missing.isEmpty())
        map.insert(QStringLiteral("problem"), missing);
    o.insert(QStringLiteral("mapping"), map);
    QJsonArray recs;
    QJsonArray recordLines;
    for (qsizetype i = 0; i < records.size(); ++i) {
        recs.append(QJsonArray::fromStringList(records.at(i)));
        recordLines.append(lines.at(i));
    }
    o.insert(QStringLiteral("records"), recs);
    o.insert(QStringLiteral("record_lines"), recordLines);
    QJsonArray badLines;
    for (const ImportError &e : bad)
        badLines.append(
            QJsonObject{{QStringLiteral("line"), e.line}, {QStringLiteral("message"), e.message}});
    o.insert(QStringLiteral("bad"), badLines);
    return o;
}
