#pragma once

#include <QByteArray>
#include <QString>

// The file formats leads are imported from, by name and by their first bytes.
class ImportFormat {
public:
    enum Kind { Auto, Csv, Xlsx, Json };

    // "auto", "csv", "xlsx", "json"; false for any other name.
    static bool parse(const QString &name, Kind *kind);
    static QString name(Kind kind);
    // What a file is by its first bytes: a ZIP archive is a workbook, text starting with { or [
    // (after a BOM and white space) is JSON, anything else CSV. The name's suffix is not
    // trusted: a workbook renamed .csv is still a workbook.
    static Kind detect(const QByteArray &head);
};
