#include "leaddiff.h"

#include "lead.h"
#include "leadcolumns.h"

namespace LeadDiff {

QList<Activity> changes(const Lead &before, const Lead &after) {
    QList<Activity> out;
    for (const QString &column : LeadColumns::tracked()) {
        if (column == QLatin1String("id"))
            continue;
        const QVariant was = LeadColumns::value(before, column);
        const QVariant now = LeadColumns::value(after, column);
        if (was == now)
            continue;
        Activity a;
        a.kind = ActivityKind::Changed;
        a.field = column;
        a.oldValue = was;
        a.newValue = now;
        out << a;
    }
    return out;
}

} // namespace LeadDiff
