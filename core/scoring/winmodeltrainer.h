#pragma once

#include "../storage/database.h"
#include "winhistory.h"
#include "winmodel.h"
#include "winmodelevaluation.h"

#include <QString>

// What training the win model on a database gave: how good it is on a hold-out of the newest
// closed leads, and the model itself, trained on all of them.
struct WinTrainingResult {
    bool ok = false; // false: the database could not be read (error says why)
    QString error;
    WinModelEvaluation evaluation; // closed, status, auc, ruleAuc, calibration
    // Trained on every closed lead when the evaluation is ready; untrained otherwise, so that
    // nobody shows a probability the history cannot back.
    WinModel model;
    qint64 readMilliseconds = 0;
    qint64 featureMilliseconds = 0; // the leads' features and rule scores, made while reading
    qint64 evaluateMilliseconds = 0;
    qint64 trainMilliseconds = 0;
};

// Trains the win model from a database's own history: reads the closed leads, measures the
// model on the newest of them, then trains the model to use on all of them.
class WinModelTrainer {
public:
    explicit WinModelTrainer(const Database &db);

    WinTrainingResult run(const WinModelEvaluation::RuleScore &ruleScore = {},
                          const WinModel::Options &options = {}) const;
    // The same on closed leads already read.
    static WinTrainingResult run(const WinHistory &history, const WinModel::Options &options);

private:
    Database m_db;
};
