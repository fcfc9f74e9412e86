#pragma once

#include <QList>
#include <QString>

// What kind of line an activity is in a lead's timeline: a closed set with canonical names.
enum class ActivityKind {
    Created,  // the lead was first stored (note: the record that created it)
    Merged,   // another marketplace record of the same person and offer arrived
    Changed,  // one column changed: field, old and new value
    Deleted,  // the lead was moved to the trash
    Restored, // the lead came back from the trash
    Note,     // free text from a person
    Touch,    // a logged call, email, meeting or note: field the kind, new value the outcome
};

namespace ActivityKinds {
QList<ActivityKind> all();
QString canonicalName(ActivityKind kind); // "created", "merged", "changed", ...
bool fromCanonicalName(const QString &name, ActivityKind *out);
} // namespace ActivityKinds
