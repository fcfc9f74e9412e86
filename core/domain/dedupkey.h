#pragma once

#include <QString>

struct Lead;

// The identity of a lead: one person's interest in one offer.
namespace DedupKey {
// Trimmed, case-folded email + offer; without an email, normalised name + company + offer.
// Empty when the record has no email, no name and no company (such a record is rejected).
QString of(const Lead &lead);
// Normalised name + company + offer, whether or not there is an email: how a record with an
// email finds the same person's earlier record without one, and the other way round.
QString nameKey(const Lead &lead);
// A key as a 64-bit FNV-1a hash: stable across platforms, runs and Qt versions, unlike qHash.
quint64 hash(const QString &key);
// nameKey() as a 64-bit hash, stored and indexed for the look-up; 0 when there is no key.
// Matches are checked against nameKey() itself, so a collision never joins two people.
qint64 nameHash(const Lead &lead);
bool hasName(const Lead &lead); // a first or last name: company alone is too weak to match on
// of(), nameHash() and hasName() of one lead, worked out together: a record taken in needs all
// three, and each alone normalises the same names again.
struct Identity {
    QString key;
    qint64 nameHash = 0;
    bool hasName = false;
};
Identity identity(const Lead &lead);
QString normalise(const QString &text); // case-folded, whitespace collapsed, punctuation dropped
} // namespace DedupKey
