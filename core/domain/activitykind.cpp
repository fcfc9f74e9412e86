#include "activitykind.h"

namespace ActivityKinds {

QList<ActivityKind> all() {
    return {ActivityKind::Created, ActivityKind::Merged,   ActivityKind::Changed,
            ActivityKind::Deleted, ActivityKind::Restored, ActivityKind::Note,
            ActivityKind::Touch};
}

QString canonicalName(ActivityKind kind) {
    switch (kind) {
    case ActivityKind::Created:
        return QStringLiteral("created");
    case ActivityKind::Merged:
        return QStringLiteral("merged");
    case ActivityKind::Changed:
        return QStringLiteral("changed");
    case ActivityKind::Deleted:
        return QStringLiteral("deleted");
    case ActivityKind::Restored:
        return QStringLiteral("restored");
    case ActivityKind::Note:
        return QStringLiteral("note");
    case ActivityKind::Touch:
        return QStringLiteral("touch");
    }
    return QStringLiteral("note");
}

bool fromCanonicalName(const QString &name, ActivityKind *out) {
    for (ActivityKind kind : all()) {
        if (canonicalName(kind) == name) {
            *out = kind;
            return true;
        }
    }
    return false;
}

} // namespace ActivityKinds
