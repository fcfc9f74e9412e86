#pragma once

#include "../storage/database.h"

#include <QDateTime>
#include <QString>

#include <atomic>
#include <functional>
#include <vector>

struct ScoringModel;
class WinModel;

// The leads a rescore would write, found before it writes: the id range cut in parts read side
// by side, a thread and connection each (the calling thread's connection reads the first), as
// RescoreCheck judges them. Reads only.
class RescoreChanges {
public:
    struct Result {
        bool ok = false;
        bool cancelled = false;
        QString error;
        std::vector<qint64> ids; // in id order
        qint64 scored = 0;       // leads in the rescore's scope
        qint64 seen = 0;         // leads read
    };
    // `progress` is called on the calling thread with the leads read by all parts so far.
    static Result find(const Database &db, const ScoringModel &model, const WinModel *win,
                       const QDateTime &now, bool staleOnly, const std::atomic_bool *cancel,
                       const std::function<void(qint64 seen)> &progress,
                       qint64 idsPerThread = 50000);
};
