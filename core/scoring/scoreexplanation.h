#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

// One line of a lead's score explanation: a rule that fired and the points it gave.
struct ScoreLine {
    QString rule;  // the rule's id, or "cap.max", "cap.min", "do-not-contact"
    QString label; // as a rep reads it
    int points = 0;

    friend bool operator==(const ScoreLine &, const ScoreLine &) = default;
};

// A score explanation as stored and shown: compact JSON [{"rule":…,"label":…,"points":n}, …],
// "" for none.
namespace ScoreExplanation {
QString toJsonText(const QList<ScoreLine> &lines);
QJsonArray toJson(const QList<ScoreLine> &lines);
// The lines of stored text; empty for "" and for text that is no explanation.
QList<ScoreLine> fromJsonText(const QString &text);
int sum(const QList<ScoreLine> &lines);
// `text` as a JSON string literal, quotes included.
QString quoted(const QString &text);
} // namespace ScoreExplanation
