#include "touchkind.h"

#include <QStringList>

namespace TouchKinds {

QList<TouchKind> all() {
    return {TouchKind::Call, TouchKind::Email, TouchKind::Meeting, TouchKind::Task,
            TouchKind::Note};
}

QString canonicalName(TouchKind kind) {
    switch (kind) {
    case TouchKind::Call:
        return QStringLiteral("call");
    case TouchKind::Email:
        return QStringLiteral("email");
    case TouchKind::Meeting:
        return QStringLiteral("meeting");
    case TouchKind::Task:
        return QStringLiteral("task");
    case TouchKind::Note:
        return QStringLiteral("note");
    }
    return QStringLiteral("note");
}

bool fromCanonicalName(const QString &name, TouchKind *out) {
    const QString key = name.trimmed().toLower();
    for (TouchKind kind : all()) {
        if (canonicalName(kind) == key) {
            *out = kind;
            return true;
        }
    }
    return false;
}

bool isOutreach(TouchKind kind) {
    return kind == TouchKind::Call || kind == TouchKind::Email || kind == TouchKind::Meeting;
}

bool isFollowUpKind(TouchKind kind) {
    return kind != TouchKind::Note;
}

bool isLoggable(TouchKind kind) {
    return kind != TouchKind::Task;
}

QString followUpNamesText() {
    return QStringLiteral("call, email, meeting, task");
}

QString loggableNamesText() {
    return QStringLiteral("call, email, meeting, note");
}

} // namespace TouchKinds
