#pragma once

#include <QList>
#include <QString>

// Where an opportunity is followed up: the publisher's own CRM, the Microsoft field seller's
// (co-sell), or the marketplace itself.
enum class FollowUpDestination { OwnCrm, CoSell, Marketplace };

namespace FollowUpDestinations {
QList<FollowUpDestination> all();
QString canonicalName(FollowUpDestination d); // "own-crm", "co-sell", "marketplace"
QString displayName(FollowUpDestination d);   // "Your CRM", ...
bool fromCanonicalName(const QString &name, FollowUpDestination *out);
QString namesText(); // "own-crm, co-sell, marketplace", for messages
} // namespace FollowUpDestinations
