#pragma once

#include "activity.h"

#include <QList>

struct Lead;

// The audit trail of a change, derived from the lead before and after it.
namespace LeadDiff {
// One Changed activity for every tracked column (LeadColumns::tracked) whose machine value
// differs, in column order, with the old and new values; `at` and `actor` left for the writer.
QList<Activity> changes(const Lead &before, const Lead &after);
} // namespace LeadDiff
