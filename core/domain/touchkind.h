#pragma once

#include <QList>
#include <QString>

// What a touch with a lead is: a call, an email, a meeting, a task of one's own or a note. A
// next follow-up is one of the first four; a logged touch any but a task.
enum class TouchKind { Call, Email, Meeting, Task, Note };

namespace TouchKinds {
QList<TouchKind> all();
QString canonicalName(TouchKind kind); // "call", "email", "meeting", "task", "note"
bool fromCanonicalName(const QString &name, TouchKind *out);
// Reaches out to the person (call, email, meeting): never for a do-not-contact lead.
bool isOutreach(TouchKind kind);
bool isFollowUpKind(TouchKind kind); // call, email, meeting, task
bool isLoggable(TouchKind kind);     // call, email, meeting, note
QString followUpNamesText();         // "call, email, meeting, task", for messages
QString loggableNamesText();         // "call, email, meeting, note"
} // namespace TouchKinds
