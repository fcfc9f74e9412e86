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
QJsonObject event(const LeadEvent &event);
QJsonObject activity(const Activity &activity);
QJsonObject stats(const LeadStats &stats);
} // namespace LeadJson
