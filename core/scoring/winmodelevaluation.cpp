#include "winmodelevaluation.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>
#include <vector>

namespace {

// Without both outcomes there is nothing to learn from or nothing to rank.
QString outcomeGap(const char *part, qint64 wins) {
    return QStringLiteral("the %1 closed leads have no %2 lead")
        .arg(QLatin1String(part), wins == 0 ? QStringLiteral("won") : QStringLiteral("lost"));
}

} // namespace

double WinModelEvaluation::rankAuc(const QList<double> &scores, const QList<bool> &won) {
    const qsizetype n = std::min(scores.size(), won.size());
    QList<qsizetype> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](qsizetype a, qsizetype b) { return scores.at(a) < scores.at(b); });
    // Mann–Whitney: the rank sum of the won leads, tied scores sharing their average rank.
    double wonRanks = 0.0;
    qint64 positives = 0;
    for (qsizetype i = 0; i < n;) {
        qsizetype j = i;
        while (j < n && scores.at(order.at(j)) == scores.at(order.at(i)))
            ++j;
        const double averageRank = double(i + 1 + j) / 2.0; // ranks i+1 … j
        for (qsizetype k = i; k < j; ++k)
            if (won.at(order.at(k))) {
                wonRanks += averageRank;
                ++positives;
            }
        i = j;
    }
    const qint64 negatives = n - positives;
    if (positives == 0 || negatives == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return (wonRanks - double(positives) * double(positives + 1) / 2.0) /
           (double(positives) * double(negatives));
}

QList<WinCalibrationBucket> WinModelEvaluation::calibrationTable(const QList<double> &predicted,
                                                                 const QList<bool> &won,
                                                                 int buckets) {
    const qsizetype n = std::min(predicted.size(), won.size());
    QList<WinCalibrationBucket> table;
    if (n == 0 || buckets <= 0)
        return table;
    QList<qsizetype> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return predicted.at(a) < predicted.at(b); });
    const qsizetype count = std::min<qsizetype>(buckets, n);
    for (qsizetype b = 0; b < count; ++b) {
        const qsizetype from = b * n / count, to = (b + 1) * n / count;
        WinCalibrationBucket bucket;
        bucket.count = int(to - from);
        bucket.lowest = predicted.at(order.at(from));
        bucket.highest = predicted.at(order.at(to - 1));
        double sum = 0.0;
        qint64 wins = 0;
        for (qsizetype i = from; i < to; ++i) {
            sum += predicted.at(order.at(i));
            wins += won.at(order.at(i)) ? 1 : 0;
        }
        bucket.meanPredicted = sum / double(bucket.count);
        bucket.winRate = double(wins) / double(bucket.count);
        table << bucket;
    }
    return table;
}

WinModelEvaluation WinModelEvaluation::evaluate(const QList<WinClosedLead> &closed,
                                                const RuleScore &ruleScore,
                                                const WinModel::Options &options) {
    return evaluate(WinHistory::of(closed, ruleScore), options);
}

WinModelEvaluation WinModelEvaluation::evaluate(const WinHistory &history,
                                                const WinModel::Options &options) {
    WinModelEvaluation e;
    const qsizetype n = history.size();
    e.closed = n;
    if (n < minimumClosed) {
        e.reason = QStringLiteral("%1 closed leads (won or lost); at least %2 are needed")
                       .arg(n)
                       .arg(minimumClosed);
        return e;
    }
    // Oldest first by the time they closed, the lead id breaking ties; the leads themselves
    // stay where they are.
    std::vector<qsizetype> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return std::pair(history.closedAt(a), history.leadId(a)) <
               std::pair(history.closedAt(b), history.leadId(b));
    });
    e.trained = n * 8 / 10;
    e.tested = n - e.trained;

    qint64 trainedWins = 0;
    for (qsizetype i = 0; i < e.trained; ++i)
        trainedWins += history.won(order[size_t(i)]) ? 1 : 0;
    QList<bool> won;
    won.reserve(e.tested);
    for (qsizetype i = e.trained; i < n; ++i) {
        won << history.won(order[size_t(i)]);
        e.testedWins += won.last() ? 1 : 0;
    }
    if (trainedWins == 0 || trainedWins == e.trained) {
        e.reason = outcomeGap("older", trainedWins);
        return e;
    }
    if (e.testedWins == 0 || e.testedWins == e.tested) {
        e.reason = outcomeGap("newest", e.testedWins);
        return e;
    }

    const WinModel model =
        WinModel::train(history, std::span(order).first(size_t(e.trained)), options);
    QList<double> predicted, rules;
    predicted.reserve(e.tested);
    rules.reserve(e.tested);
    for (qsizetype i = e.trained; i < n; ++i) {
        const qsizetype at = order[size_t(i)];
        predicted << model.probability(history.featureKeys(at));
        rules << history.ruleScore(at);
    }
    e.status = Status::Ready;
    e.auc = rankAuc(predicted, won);
    e.ruleAuc = rankAuc(rules, won);
    e.calibration = calibrationTable(predicted, won);
    return e;
}

QString WinModelEvaluation::statusText() const {
    return status == Status::Ready ? QStringLiteral("ok") : QStringLiteral("not enough history");
}

QJsonObject WinModelEvaluation::toJson() const {
    QJsonObject json{{QStringLiteral("closed"), double(closed)}};
    if (!isReady()) {
        json.insert(QStringLiteral("status"), statusText());
        json.insert(QStringLiteral("reason"), reason);
        return json;
    }
    QJsonArray table;
    for (const WinCalibrationBucket &b : calibration)
        table.append(QJsonObject{{QStringLiteral("count"), b.count},
                                 {QStringLiteral("lowest"), b.lowest},
                                 {QStringLiteral("highest"), b.highest},
                                 {QStringLiteral("mean_predicted"), b.meanPredicted},
                                 {QStringLiteral("win_rate"), b.winRate}});
    json.insert(QStringLiteral("auc"), auc);
    json.insert(QStringLiteral("rule_auc"), ruleAuc);
    json.insert(QStringLiteral("trained"), double(trained));
    json.insert(QStringLiteral("tested"), double(tested));
    json.insert(QStringLiteral("calibration"), table);
    return json;
}
