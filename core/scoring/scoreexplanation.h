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

// A score explanation as stored: the rules that fired and their points, "rule:points" separated
// by spaces ("action.INS:25 seniority.director:15 cap.max:-5"), "" for none. Short on purpose:
// a million leads carry one each. The labels are the model's, looked up when shown.
struct ScoringModel;
namespace ScoreExplanation {
QString toText(const QList<ScoreLine> &lines);
// {"rule","points"} per line, with "label" when the line has one.
QJsonArray toJson(const QList<ScoreLine> &lines);
// The lines of stored text, labelled from `model` when given (and known there) and always for
// the lines Leadbench adds itself (caps, do-not-contact); empty for "" and for other text.
QList<ScoreLine> fromText(const QString &text, const ScoringModel *model = nullptr);
// The label of a line Leadbench adds itself ("Capped at 100"); "" for a model's rule.
QString fixedLabel(const QString &rule);
int sum(const QList<ScoreLine> &lines);
} // namespace ScoreExplanation
