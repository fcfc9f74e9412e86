#include "followupplan.h"

QList<Activity> FollowUpPlan::changes(const FollowUpPlan &before, const FollowUpPlan &after) {
    QList<Activity> out;
    const auto line = [&](const char *field, const QString &was, const QString &now) {
        if (was == now)
            return;
        Activity a;
        a.kind = ActivityKind::Changed;
        a.field = QLatin1String(field);
        a.oldValue = was;
        a.newValue = now;
        out << a;
    };
    line("next_follow_up_kind", before.kind, after.kind);
    line("cadence", before.cadence, after.cadence);
    return out;
}
