#pragma once

#include <QList>
#include <QString>

// Where a lead stands in the sales process.
enum class Stage { New, Contacted, Nurturing, Qualified, Opportunity, Won, Lost, Disqualified };

namespace Stages {
QList<Stage> all();
QString canonicalName(Stage s); // "new", "contacted", ...
QString displayName(Stage s);   // "New", "Contacted", ...
bool fromCanonicalName(const QString &name, Stage *out);
bool isClosed(Stage s); // won, lost, disqualified
} // namespace Stages
