#pragma once

class QString;
struct Lead;

// The identity of a lead: one person's interest in one offer.
namespace DedupKey {
// Trimmed, case-folded email + offer; without an email, normalised name + company + offer.
// Empty when the record has no email, no name and no company (such a record is rejected).
QString of(const Lead &lead);
QString normalise(const QString &text); // case-folded, whitespace collapsed, punctuation dropped
} // namespace DedupKey
