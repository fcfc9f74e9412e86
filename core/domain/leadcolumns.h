#pragma once

#include <QStringList>
#include <QVariant>

struct Lead;

// The canonical lead columns (DESIGN.md) and each one's machine value for a lead.
namespace LeadColumns {
const QStringList &all();
bool isKnown(const QString &column);
// Timestamps as ISO 8601 UTC text ("" when unset), enums by canonical name, flags as bool.
QVariant value(const Lead &lead, const QString &column);
QString text(const Lead &lead, const QString &column); // value() as text; flags as true/false
QString isoUtc(const QDateTime &when);                 // "2025-03-01T09:30:00Z", "" when null
QDateTime parseIsoUtc(const QString &text);            // accepts date-only and offsets
} // namespace LeadColumns
