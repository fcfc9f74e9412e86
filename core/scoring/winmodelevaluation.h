#pragma once

#include "wincalibrationbucket.h"
#include "winclosedlead.h"
#include "winhistory.h"
#include "winmodel.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <limits>

// How well the win model predicts, measured honestly: trained on the older 80% of the closed
// leads by the time they closed and tested on the newest 20%, as it will be used, on leads that
// close after the ones it learned from. Below 200 closed leads it gives no number at all.
struct WinModelEvaluation {
    enum class Status { Ready, NotEnoughHistory };
    static constexpr int minimumClosed = 200;
    // The rule score of a lead, for comparison on the same hold-out; Lead::score when unset.
    using RuleScore = WinHistory::RuleScore;

    // The model measured on the history, against the rule scores the history holds.
    static WinModelEvaluation evaluate(const WinHistory &history,
                                       const WinModel::Options &options = {});
    // The same on whole leads, each rule-scored by `ruleScore`.
    static WinModelEvaluation evaluate(const QList<WinClosedLead> &closed,
                                       const RuleScore &ruleScore = {},
                                       const WinModel::Options &options = {});
    // The area under the ROC curve: the chance that a won lead scores above a lost one, ties
    // counting half. NaN when there is no won or no lost lead.
    static double rankAuc(const QList<double> &scores, const QList<bool> &won);
    // `buckets` groups of (nearly) equal size by predicted probability, lowest first.
    static QList<WinCalibrationBucket> calibrationTable(const QList<double> &predicted,
                                                        const QList<bool> &won, int buckets = 10);

    Status status = Status::NotEnoughHistory;
    QString reason; // why there is no number, for a person
    qint64 closed = 0;
    qint64 trained = 0; // the older closed leads the measured model learned from
    qint64 tested = 0;  // the newest ones it was measured on
    qint64 testedWins = 0;
    double auc = std::numeric_limits<double>::quiet_NaN();
    double ruleAuc = std::numeric_limits<double>::quiet_NaN();
    QList<WinCalibrationBucket> calibration;

    bool isReady() const { return status == Status::Ready; }
    QString statusText() const; // "ok" or "not enough history"
    // {"closed","auc","rule_auc","trained","tested","calibration":[…]} or
    // {"closed","status":"not enough history","reason"}.
    QJsonObject toJson() const;
};
