#pragma once

#include "columnmapping.h"
#include "importoptions.h"
#include "leadimporter.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

// What a file holds before anything is imported: the import wizard's first pages and
// `leadbench-cli preview`. Reads the header and the first records; writes nothing.
struct ImportPreview {
    QString file;
    QString format; // "csv", "xlsx", "json"
    QString encoding;
    QChar delimiter;
    QString lineEnding;
    QStringList sheets; // a workbook's sheets; `sheet` the one read
    QString sheet;
    QStringList header;         // as in the file
    ColumnMapping mapping;      // the options' mapping, else the one proposed
    QList<QStringList> records; // the first records, every value the exact text of its field
    QList<qint64> lines;        // the line each of `records` starts on
    QList<ImportError> bad;     // records among the first ones that cannot be read
    QString fatal;              // why the file cannot be imported at all

    // Reads up to `rows` records of `path` as the options say.
    static ImportPreview read(const QString &path, const ImportOptions &options, int rows);
    QJsonObject toJson() const;
};
