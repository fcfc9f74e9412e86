#include "winmodeltrainer.h"

#include "../storage/winhistoryreader.h"

#include <QElapsedTimer>

WinModelTrainer::WinModelTrainer(const Database &db)
    : m_db(db) {}

WinTrainingResult WinModelTrainer::run(const WinModelEvaluation::RuleScore &ruleScore,
                                       const WinModel::Options &options) const {
    QElapsedTimer clock;
    clock.start();
    WinHistoryReader reader(m_db);
    const std::optional<WinHistory> history = reader.closedLeads(ruleScore);
    if (!history) {
        WinTrainingResult failed;
        failed.error = reader.error();
        return failed;
    }
    const qint64 read = clock.elapsed();
    WinTrainingResult result = run(*history, options);
    result.readMilliseconds = read;
    result.featureMilliseconds = reader.featureMilliseconds();
    return result;
}

WinTrainingResult WinModelTrainer::run(const WinHistory &history,
                                       const WinModel::Options &options) {
    WinTrainingResult result;
    result.ok = true;
    QElapsedTimer clock;
    clock.start();
    result.evaluation = WinModelEvaluation::evaluate(history, options);
    result.evaluateMilliseconds = clock.restart();
    if (!result.evaluation.isReady())
        return result;
    result.model = WinModel::train(history, options);
    result.trainMilliseconds = clock.elapsed();
    return result;
}
