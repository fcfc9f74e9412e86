#pragma once

#include "../storage/scorestore.h"
#include "rulescorer.h"
#include "winvaluesmaker.h"

#include <QDateTime>

#include <optional>

class WinModel;

// What a rescore does to one lead: whether the model scores it (its scope), and whether its
// stored score, grade, explanation or win values change. One per thread (it holds a scorer).
class RescoreCheck {
public:
    // `staleOnly`: only leads not scored by `model`'s version are in scope. `win` may be null.
    RescoreCheck(const ScoringModel &model, const WinModel *win, const QDateTime &now,
                 bool staleOnly);

    struct Outcome {
        bool inScope = false;      // scored by the model
        bool scoreChanged = false; // score, grade or explanation to write
        bool rankChanged = false;  // score or grade moved
        bool winChanged = false;   // win probability or drivers to write
    };
    Outcome check(const Lead &lead, const ScoreStore::Stored &stored);
    // What to write for a lead whose check found something to write.
    struct Change {
        qint64 id = 0;
        Outcome outcome;
        int score = 0; // with the grade and explanation, when outcome.scoreChanged
        QString grade;
        QByteArray explanation;    // UTF-8
        QString oldGrade;          // the stored one, for the timeline
        ScoreStore::WinValues win; // when outcome.winChanged
        // Roughly the memory it holds.
        qint64 bytes() const {
            return qint64(sizeof(Change)) + explanation.capacity() + win.drivers.capacity() + 64;
        }
    };
    // The change of the lead last checked, whose outcome was `o` and whose stored values
    // `stored`.
    Change change(qint64 id, const Outcome &o, const ScoreStore::Stored &stored) const;
    int version() const { return m_version; }

private:
    RuleScorer m_scorer;
    std::optional<WinValuesMaker> m_winValues;
    QDateTime m_now;
    int m_version;
    bool m_staleOnly;
    ScoreResult m_scored;
    ScoreStore::WinValues m_win;
};
