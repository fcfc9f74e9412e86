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
    const std::optional<QList<WinClosedLead>> closed = reader.closedLeads();
    if (!closed) {
        WinTrainingResult failed;
        failed.error = reader.error();
        return failed;
    }
    const qint64 read = clock.elapsed();
    WinTrainingResult result = run(*closed, ruleScore, options);
    result.readMilliseconds = read;
    return result;
}

WinTrainingResult WinModelTrainer::run(const QList<WinClosedLead> &closed,
                                       const WinModelEvaluation::RuleScore &ruleScore,
                                       const WinModel::Options &options) {
    WinTrainingResult result;
    result.ok = true;
    QElapsedTimer clock;
    clock.start();
    const QList<WinExample> examples = WinModelEvaluation::examplesOf(closed);
    result.featureMilliseconds = clock.restart();
    result.evaluation = WinModelEvaluation::evaluate(closed, examples, ruleScore, options);
    result.evaluateMilliseconds = clock.restart();
    if (!result.evaluation.isReady())
        return result;
    result.model = WinModel::train(examples, options);
    result.trainMilliseconds = clock.elapsed();
    return result;
}
