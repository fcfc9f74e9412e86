#include "funnelstep.h"

#include <QCoreApplication>

QList<FunnelStep> FunnelSteps::all() {
    return {FunnelStep::New, FunnelStep::Contacted, FunnelStep::Qualified, FunnelStep::Opportunity,
            FunnelStep::Won};
}

QString FunnelSteps::canonicalName(FunnelStep step) {
    switch (step) {
    case FunnelStep::New:
        return QStringLiteral("new");
    case FunnelStep::Contacted:
        return QStringLiteral("contacted");
    case FunnelStep::Qualified:
        return QStringLiteral("qualified");
    case FunnelStep::Opportunity:
        return QStringLiteral("opportunity");
    case FunnelStep::Won:
        return QStringLiteral("won");
    }
    return {};
}

QString FunnelSteps::displayName(FunnelStep step) {
    switch (step) {
    case FunnelStep::New:
        return QCoreApplication::translate("FunnelSteps", "New");
    case FunnelStep::Contacted:
        return QCoreApplication::translate("FunnelSteps", "Contacted");
    case FunnelStep::Qualified:
        return QCoreApplication::translate("FunnelSteps", "Qualified");
    case FunnelStep::Opportunity:
        return QCoreApplication::translate("FunnelSteps", "Opportunity");
    case FunnelStep::Won:
        return QCoreApplication::translate("FunnelSteps", "Won");
    }
    return {};
}

FunnelStep FunnelSteps::of(Stage stage) {
    switch (stage) {
    case Stage::Contacted:
    case Stage::Nurturing:
        return FunnelStep::Contacted;
    case Stage::Qualified:
        return FunnelStep::Qualified;
    case Stage::Opportunity:
        return FunnelStep::Opportunity;
    case Stage::Won:
        return FunnelStep::Won;
    case Stage::New:
    case Stage::Lost:
    case Stage::Disqualified:
        break;
    }
    return FunnelStep::New;
}

FunnelStep FunnelSteps::ofName(const QString &stage) {
    Stage s;
    return Stages::fromCanonicalName(stage, &s) ? of(s) : FunnelStep::New;
}
