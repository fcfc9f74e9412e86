#pragma once

#include "leadfilter.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// A named filter, sort and column set that follows its users on a shared database. The filter
// is kept in its saved form (LeadViewJson): "me" and "today" stay symbolic until applied.
struct SavedView {
    qint64 id = 0;
    QString name;
    int position = 0;   // order in the list, smallest first
    QJsonObject filter; // LeadViewJson::filterToJson
    LeadSort sort;
    QStringList columns; // canonical column names in the order shown; empty: every column
    QString createdBy;   // empty for the views Leadbench made itself

    friend bool operator==(const SavedView &, const SavedView &) = default;
};
