#pragma once

#include "stage.h"

#include <QList>
#include <QString>

// A step of the sales funnel: how far a lead has come, whatever happened to it since.
enum class FunnelStep { New, Contacted, Qualified, Opportunity, Won };

namespace FunnelSteps {
QList<FunnelStep> all(); // New first
constexpr int count = 5;
QString canonicalName(FunnelStep step); // "new", "contacted", ...
QString displayName(FunnelStep step);   // "New", "Contacted", ...
// The step a lead in `stage` has reached at least. Nurturing counts as contacted; lost and
// disqualified say nothing of how far a lead came (its stage history does), so they stand for
// new.
FunnelStep of(Stage stage);
// The same for a stage's canonical name; an unknown name stands for new.
FunnelStep ofName(const QString &stage);
} // namespace FunnelSteps
