#pragma once

#include <QString>

struct Lead;

// Reads canonical column text (as LeadColumns::text() writes it) back into a lead, so that what
// Leadbench exports it can import again.
namespace LeadColumnParser {
// Whether set() takes `column`: every canonical column but id, which belongs to one database.
bool isSettable(const QString &column);
// Sets `column` of `lead` from `text` (LeadColumns::parse: flags as true/false, 1/0 or yes/no).
// Empty text leaves the lead's value as it is. False, with a message naming the column and the
// value, when the text is not a value of that column.
bool set(Lead &lead, const QString &column, const QString &text, QString *error);
} // namespace LeadColumnParser
