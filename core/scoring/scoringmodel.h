#pragma once

// core/scoring: what a lead's score is and why (rules, grades, explanations); pure, no SQL.

#include "scoringrule.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// A versioned set of weighted rules and the grade bands over their 0-100 score: A from gradeA
// up, B from gradeB, C from gradeC, D below.
struct ScoringModel {
    int version = 0; // 0: not stored yet; the database numbers each saved model
    QList<ScoringRule> rules;
    int gradeA = 65;
    int gradeB = 50;
    int gradeC = 35;

    friend bool operator==(const ScoringModel &, const ScoringModel &) = default;

    QString gradeFor(int score) const;
    QJsonObject toJson() const;
    QByteArray toJsonText() const; // compact
    // The model in `json`, or nullopt with `error` naming the bad rule or field and its value.
    static std::optional<ScoringModel> fromJson(const QJsonObject &json, QString *error);
    static std::optional<ScoringModel> fromJsonText(const QByteArray &text, QString *error);
    // The model Leadbench ships (resources/scoring/default-model.json), version 0.
    static ScoringModel defaultModel();
};
