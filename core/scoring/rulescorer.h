#pragma once

#include "scoreexplanation.h"
#include "scoringmodel.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <array>

struct Lead;
enum class Seniority;

// A lead's rule score: 0-100, its grade and the lines that explain it, which sum to the score.
struct ScoreResult {
    int score = 0;
    QString grade;          // "" for a test lead, which is not scored
    QList<ScoreLine> lines; // the rules that fired, in the model's order, then any cap
    QByteArray explanation; // ScoreExplanation::toText(lines), as UTF-8

    QString explanationText() const { return QString::fromUtf8(explanation); }
};

// Scores leads with one model. The model's rules are sorted by what they look at once, and each
// distinct title's seniority is worked out once, so a scorer is not thread-safe: one per
// thread.
class RuleScorer {
public:
    explicit RuleScorer(const ScoringModel &model);

    const ScoringModel &model() const { return m_model; }
    ScoreResult score(const Lead &lead, const QDateTime &now) const;
    // The same into `out`, reusing its storage: for scoring many leads in a row. Without
    // `lines` only the explanation's text is made.
    void score(const Lead &lead, const QDateTime &now, ScoreResult *out, bool lines = true) const;
    // Sets the lead's score, grade, explanation and model version.
    void apply(Lead &lead, const QDateTime &now) const;

private:
    Seniority seniorityOf(const QString &title) const;

    ScoringModel m_model;
    // The rules of each condition, by index into m_model.rules.
    QList<std::pair<QString, int>> m_actions;
    std::array<QList<int>, 4> m_storefronts;
    std::array<QList<int>, 7> m_seniority;
    std::array<QList<int>, 3> m_email;
    QList<int> m_phone, m_company, m_engagement, m_recency;
    QList<std::pair<QStringList, int>> m_countries;
    QList<QByteArray> m_fragments; // {"rule":…,"label":…,"points": per rule, UTF-8
    mutable QHash<QString, Seniority> m_titles;
    mutable QList<std::pair<int, int>> m_fired; // rule index, points
};
