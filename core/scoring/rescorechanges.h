#pragma once

#include "../storage/database.h"
#include "rescorecheck.h"

#include <QDateTime>
#include <QString>

#include <atomic>
#include <functional>
#include <vector>

struct ScoringModel;
class WinModel;

// The leads a rescore would write, found before it writes: the id range cut in parts read side
// by side, a thread and connection each (the calling thread's connection reads the first), as
// RescoreCheck judges them, with what to write while that fits in a memory budget. Reads only.
class RescoreChanges {
public:
    struct Result {
        bool ok = false;
        bool cancelled = false;
        QString error;
        std::vector<qint64> ids; // in id order
        // What to write for each of `ids`, in the same order, when it all fitted in the budget;
        // empty otherwise (withValues false), and the writer reads those leads again.
        std::vector<RescoreCheck::Change> changes;
        bool withValues = false;
        qint64 rankChanges = 0; // of `ids`, those whose score or grade moves
        qint64 scored = 0;      // leads in the rescore's scope
        qint64 seen = 0;        // leads read
    };
    // `progress` is called on the calling thread with the leads read by all parts so far.
    // `valueBytes`: the memory the changes' values may take.
    static Result find(const Database &db, const ScoringModel &model, const WinModel *win,
                       const QDateTime &now, bool staleOnly, const std::atomic_bool *cancel,
                       const std::function<void(qint64 seen)> &progress,
                       qint64 idsPerThread = 50000, qint64 valueBytes = 64 << 20);
};
