#pragma once

#include "activity.h"
#include "followupplan.h"
#include "stage.h"

#include <QList>
#include <QString>

#include <optional>

struct Lead;

// Which stage moves and follow-ups a change may make, and what a move brings with it. Moving
// forward is free; moving backward (an earlier stage, or a closed lead reopened) needs a note,
// unless it takes back the lead's latest move by the same person (an undo); disqualifying
// needs a reason. A closed lead gets no follow-up scheduled. Won,
// lost and disqualified close the lead: its next follow-up and cadence end. A do-not-contact
// lead cannot enter contacted or nurturing and gets no outreach (call, email, meeting)
// scheduled; a task it may.
class StagePolicy {
public:
    struct Move {
        Stage from = Stage::New;
        Stage to = Stage::New;
        QString actor; // who made it
        friend bool operator==(const Move &, const Move &) = default;
    };

    // Pipeline position: new 0 … opportunity 4; the closed stages all 5.
    static int position(Stage stage);
    static bool isBackward(Stage from, Stage to);
    // The move a backward change without a note may take back: the latest one of the lead's
    // `stage` changes (oldest first) that a later one did not already take back.
    static std::optional<Move> latestMove(const QList<Activity> &stageChanges);

    // What a change brings with it: a lead that closes loses its next follow-up and leaves its
    // cadence; a lead without a next follow-up has no follow-up kind.
    static void settle(const Lead &before, Lead &after, FollowUpPlan &plan);
    // Why `after` (with `plan`) may not follow `before`, or "". `note` is the text given with
    // the change and `actor` who makes it; `latest` the lead's latest move (latestMove), read
    // only for a backward one.
    static QString refusal(const Lead &before, const Lead &after, const FollowUpPlan &plan,
                           const QString &note, const std::optional<Move> &latest,
                           const QString &actor);
    // Whether refusal() needs the lead's latest move: a backward move without a note.
    static bool needsLatestMove(const Lead &before, const Lead &after, const QString &note);
};
