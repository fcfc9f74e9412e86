#pragma once

#include <QModelIndexList>
#include <QString>

class QAbstractItemModel;

// Rows of a table as tab-separated text with a header row, the way spreadsheets paste them.
namespace TsvCopy {
// The rows of `rows` (any column's index per row), in row order, with the model's visible
// `columns` (logical indexes, in the order shown). Tabs and line breaks inside a value become
// spaces. `skipped` counts rows that were not loaded and so are left out.
QString rows(const QAbstractItemModel &model, QModelIndexList rows, const QList<int> &columns,
             int *skipped = nullptr);
} // namespace TsvCopy
