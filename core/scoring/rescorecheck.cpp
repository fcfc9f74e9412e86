#include "rescorecheck.h"

#include <cmath>

namespace {

// Stored UTF-8 against a grade, without making a string per lead.
bool sameText(QByteArrayView stored, const QString &text) {
    if (stored.size() != text.size())
        return false;
    for (qsizetype i = 0; i < stored.size(); ++i)
        if (uchar(stored.at(i)) >= 0x80 || QChar(char16_t(uchar(stored.at(i)))) != text.at(i))
            return false;
    return true;
}

// A score that is not a person's and not the current version's: what Scope::Stale rescores
// (the same test as ScoreStore's stale query).
bool isStale(const ScoreStore::Stored &stored, int version) {
    return stored.modelVersion != version &&
           (stored.modelVersion > 0 || (stored.score == 0 && stored.grade.isEmpty()));
}

} // namespace

RescoreCheck::RescoreCheck(const ScoringModel &model, const WinModel *win, const QDateTime &now,
                           bool staleOnly)
    : m_scorer(model)
    , m_now(now)
    , m_version(model.version)
    , m_staleOnly(staleOnly) {
    if (win)
        m_winValues.emplace(*win);
}

RescoreCheck::Outcome RescoreCheck::check(const Lead &lead, const ScoreStore::Stored &stored) {
    Outcome o;
    if (!m_staleOnly || isStale(stored, m_version)) {
        o.inScope = true;
        m_scorer.score(lead, m_now, &m_scored, false);
        o.rankChanged = stored.score != m_scored.score || !sameText(stored.grade, m_scored.grade);
        // An older version's score that stays as it was is left in place: the run's
        // ScoreStore::confirm() at its end makes it this version's.
        const bool confirmed = stored.modelVersion > 0 && stored.modelVersion < m_version;
        o.scoreChanged = o.rankChanged || (stored.modelVersion != m_version && !confirmed) ||
                         stored.explanation != QByteArrayView(m_scored.explanation);
    }
    if (m_winValues) {
        m_winValues->make(lead, &m_win.probability, &m_win.drivers);
        // Stored as the double it is; the tolerance is for a backend that prints it.
        o.winChanged = std::abs(stored.winProbability - m_win.probability) > 1e-9 ||
                       stored.winDrivers != QByteArrayView(m_win.drivers);
    }
    return o;
}

RescoreCheck::Change RescoreCheck::change(qint64 id, const Outcome &o,
                                          const ScoreStore::Stored &stored) const {
    Change c;
    c.id = id;
    c.outcome = o;
    if (o.scoreChanged) {
        c.score = m_scored.score;
        c.grade = m_scored.grade;
        c.explanation = m_scored.explanation;
        c.oldGrade = QString::fromUtf8(stored.grade);
    }
    if (o.winChanged)
        c.win = m_win;
    return c;
}
