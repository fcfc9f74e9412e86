#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

struct Activity;

// Where an opportunity is followed up: the publisher's own CRM, the Microsoft field seller's
// (co-sell), or the marketplace itself.
enum class FollowUpDestination { OwnCrm, CoSell, Marketplace };

namespace FollowUpDestinations {
QList<FollowUpDestination> all();
QString canonicalName(FollowUpDestination d); // "own-crm", "co-sell", "marketplace"
QString displayName(FollowUpDestination d);   // "Your CRM", ...
bool fromCanonicalName(const QString &name, FollowUpDestination *out);
QString namesText(); // "own-crm, co-sell, marketplace", for messages
// When a lead was handed over to `destination` (canonical name), from its timeline: the newest
// change that set it. Invalid when none is set or no change shows it (a lead imported with it).
QDateTime handedOverAt(const QString &destination, const QList<Activity> &activities);
} // namespace FollowUpDestinations
