#pragma once

#include <QDateTime>

struct Lead;

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
} // namespace MergePolicy
