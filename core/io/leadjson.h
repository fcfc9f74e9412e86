#pragma once

#include <QJsonObject>
#include <QStringList>

struct Activity;
struct Lead;
struct LeadEvent;
struct LeadStats;

// Machine-readable JSON for leads and their history, keyed by canonical column names.
namespace LeadJson {
QJsonObject lead(const Lead &lead, const QStringList &columns);
// Every canonical column, plus privacy_restricted, the version a change is made against, the
// score's model version and explanation ([{"rule","label","points"}]) and the win drivers.
QJsonObject storedLead(const Lead &lead);
QJsonObject event(const LeadEvent &event);
QJsonObject activity(const Activity &activity);
QJsonObject stats(const LeadStats &stats);
} // namespace LeadJson
