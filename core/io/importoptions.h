#pragma once

#include "columnmapping.h"
#include "importformat.h"
#include "textencoding.h"

#include <QChar>
#include <QJsonObject>
#include <QString>

#include <optional>

// How a file is read and its records taken in: what the wizard's pages and the import
// command's options choose. Defaults detect everything and merge duplicates.
struct ImportOptions {
    ImportFormat::Kind format = ImportFormat::Auto;
    TextEncoding::Kind encoding = TextEncoding::Auto; // CSV only
    QChar delimiter;                                  // CSV only; null detects
    QString sheet;                                    // workbooks only; empty: the first sheet
    std::optional<ColumnMapping> mapping;             // for this very header
    std::optional<QJsonObject> profile; // a saved mapping, applied to each file's header
    // A record of a person and offer already stored: merged into that lead (a new event, empty
    // fields filled in) or skipped, leaving the lead as it is.
    enum class OnDuplicate { Merge, Skip };
    OnDuplicate onDuplicate = OnDuplicate::Merge;
    bool dryRun = false; // everything is checked and counted, nothing is stored
};
