#pragma once

#include <QList>
#include <QString>

// Why a lead was disqualified: a closed set with canonical names, "other" with a text.
enum class DisqualifyReason {
    NoBudget,
    NoNeed,
    Competitor,
    BadData,
    Student,
    TestLead,
    Dnc,
    Other
};

namespace DisqualifyReasons {
QList<DisqualifyReason> all();
QString canonicalName(DisqualifyReason r); // "no-budget", "no-need", ..., "dnc", "other"
QString displayName(DisqualifyReason r);   // "No budget", "No need", ...
// Case and the separator (-, _ or a space) do not matter: "No budget" is no-budget.
bool fromCanonicalName(const QString &name, DisqualifyReason *out);
// Only "other" says nothing by itself: it needs a text saying why.
bool needsText(DisqualifyReason r);
QString namesText(); // "no-budget, no-need, ..., other", for messages
} // namespace DisqualifyReasons
