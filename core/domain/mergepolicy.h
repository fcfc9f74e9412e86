#pragma once

#include <QDateTime>
#include <QList>

#include <optional>

#include "lead.h"

// How a marketplace record shapes the lead it belongs to: pure functions, no storage.
namespace MergePolicy {
// The lead a first record creates: its times default to the record's time `at`, and it is
// classified (test marker, .edu, DNC).
Lead created(const Lead &incoming, const QDateTime &at);
// `stored` after another record of the same person and offer at `at`: empty contact fields
// are filled, the creation time moves back to the earliest record, the newest record sets the
// action and storefront, the event count grows, and a DNC record marks the lead do-not-contact.
// Stage, owner, score and follow-ups are the team's and are never touched.
Lead merged(const Lead &stored, const Lead &incoming, const QDateTime &at);
// Whether a record without its own time says nothing its lead does not already say (as its
// newest record: its action and storefront, the contact fields it would fill, its extra
// fields). Such a record cannot be told from one already taken in, the same file imported
// again, so it is not another event.
bool addsNothing(const Lead &stored, const Lead &incoming);
// The lead a record without the same email belongs to, among the leads with its name hash:
// "Contact me" often comes without an email and the install with one, so the same named person
// at the same company on the same offer is one lead, unless two such leads make it ambiguous.
std::optional<Lead> samePerson(const Lead &incoming, const QList<Lead> &candidates);
} // namespace MergePolicy
