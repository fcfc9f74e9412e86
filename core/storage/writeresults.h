#pragma once

#include "../domain/lead.h"

#include <QString>

#include <optional>

// What became of one change to a lead (an edit, a delete, a restore).
struct UpdateResult {
    enum class Status {
        Updated,  // stored; `lead` is the lead as it is now, with its new version
        Conflict, // someone changed the lead since `expectedVersion`: `lead` is theirs
        NotFound, // no such lead (or, for a restore, none in the trash)
        Invalid,  // the change was refused: `error` says why
        Failed,   // the database failed: `error` says how; nothing was stored
    };
    Status status = Status::Failed;
    qint64 id = 0;
    std::optional<Lead> lead;     // as it is now (Updated, Conflict)
    std::optional<Lead> previous; // as it was before an Updated change: what an undo restores
    QString error;

    bool ok() const { return status == Status::Updated; }
    static QString statusName(Status status); // "updated", "conflict", "not-found", ...
};

// What happened to an incoming marketplace record.
struct IntakeResult {
    // Unchanged: the lead already has this very event (same LeadSource and time). Skipped:
    // the person and offer is stored and the import leaves duplicates alone.
    enum class Outcome { Inserted, Merged, Unchanged, Skipped, Rejected };
    Outcome outcome = Outcome::Rejected;
    qint64 leadId = 0;
    QString error;
    bool conflict = false; // refused because someone else kept changing the lead meanwhile
};
