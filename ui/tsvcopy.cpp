#include "tsvcopy.h"

#include "models/leadtablemodel.h"

#include <QAbstractItemModel>
#include <QStringList>

#include <algorithm>

namespace TsvCopy {

namespace {
QString clean(QString text) {
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}
} // namespace

QString rows(const QAbstractItemModel &model, QModelIndexList rows, const QList<int> &columns,
             int *skipped) {
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    QStringList header;
    for (int c : columns)
        header << clean(model.headerData(c, Qt::Horizontal).toString());
    lines << header.join(QLatin1Char('\t'));
    int missing = 0;
    for (const QModelIndex &row : std::as_const(rows)) {
        if (model.index(row.row(), 0).data(LeadTableModel::LeadIdRole).toLongLong() == 0) {
            ++missing; // not loaded: a placeholder is no value to paste
            continue;
        }
        QStringList cells;
        for (int c : columns) {
            const QModelIndex cell = model.index(row.row(), c);
            // Times as ISO 8601 where the screen says "3 days ago": a spreadsheet wants the time.
            const bool time = LeadTableModel::canonicalColumn(c).endsWith(QLatin1String("_at"));
            cells << clean(time ? cell.data(LeadTableModel::MachineValueRole).toString()
                                : cell.data(Qt::DisplayRole).toString());
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    if (skipped)
        *skipped = missing;
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace TsvCopy
