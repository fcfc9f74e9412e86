#pragma once

#include <QStringList>
#include <QVariant>

struct Lead;

// The canonical lead columns (DESIGN.md) and each one's machine value for a lead.
namespace LeadColumns {
const QStringList &all();
bool isKnown(const QString &column);
// Stored beside the canonical columns and readable by value(): privacy_restricted, version.
const QStringList &stored();
// Every column a change to a lead is recorded for: the canonical ones and privacy_restricted.
const QStringList &tracked();

// How a column's machine value is typed and written as text.
enum class Type { Integer, Real, Flag, Time, Storefront, Stage, Text };
Type type(const QString &column);
// Reads a column's value from text (a CLI option, a CSV cell, a stored activity value) into
// its machine value; returns the reason when the text is not such a value, else "".
QString parse(const QString &column, const QString &text, QVariant *value);
// Sets a column of a lead from its machine value; false for an unknown column or a value of
// the wrong kind.
bool setValue(Lead &lead, const QString &column, const QVariant &value);
// A machine value as text: flags as true/false, numbers in full, times as ISO 8601.
QString valueText(const QVariant &value);
// Timestamps as ISO 8601 UTC text ("" when unset), enums by canonical name, flags as bool.
QVariant value(const Lead &lead, const QString &column);
QString text(const Lead &lead, const QString &column); // value() as text; flags as true/false
QString isoUtc(const QDateTime &when);                 // "2025-03-01T09:30:00Z", "" when null
QDateTime parseIsoUtc(const QString &text);            // accepts date-only and offsets
// A time exactly as isoUtc() writes it, read without the general parser (which costs more than
// the rest of reading a lead); invalid for any other text.
QDateTime parseStoredUtc(QStringView text);
QDateTime parseStoredUtc(QByteArrayView utf8);
} // namespace LeadColumns
