#include "stage.h"

#include <QCoreApplication>

namespace Stages {

QList<Stage> all() {
    return {Stage::New,         Stage::Contacted, Stage::Nurturing, Stage::Qualified,
            Stage::Opportunity, Stage::Won,       Stage::Lost,      Stage::Disqualified};
}

QString canonicalName(Stage s) {
    switch (s) {
    case Stage::New:
        return QStringLiteral("new");
    case Stage::Contacted:
        return QStringLiteral("contacted");
    case Stage::Nurturing:
        return QStringLiteral("nurturing");
    case Stage::Qualified:
        return QStringLiteral("qualified");
    case Stage::Opportunity:
        return QStringLiteral("opportunity");
    case Stage::Won:
        return QStringLiteral("won");
    case Stage::Lost:
        return QStringLiteral("lost");
    case Stage::Disqualified:
        return QStringLiteral("disqualified");
    }
    return QStringLiteral("new");
}

QString displayName(Stage s) {
    switch (s) {
    case Stage::New:
        return QCoreApplication::translate("Stage", "New");
    case Stage::Contacted:
        return QCoreApplication::translate("Stage", "Contacted");
    case Stage::Nurturing:
        return QCoreApplication::translate("Stage", "Nurturing");
    case Stage::Qualified:
        return QCoreApplication::translate("Stage", "Qualified");
    case Stage::Opportunity:
        return QCoreApplication::translate("Stage", "Opportunity");
    case Stage::Won:
        return QCoreApplication::translate("Stage", "Won");
    case Stage::Lost:
        return QCoreApplication::translate("Stage", "Lost");
    case Stage::Disqualified:
        return QCoreApplication::translate("Stage", "Disqualified");
    }
    return {};
}

bool fromCanonicalName(const QString &name, Stage *out) {
    const QString key = name.trimmed().toLower();
    for (Stage s : all()) {
        if (canonicalName(s) == key) {
            *out = s;
            return true;
        }
    }
    return false;
}

bool isClosed(Stage s) {
    return s == Stage::Won || s == Stage::Lost || s == Stage::Disqualified;
}

} // namespace Stages
