#pragma once

#include "windriver.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>

struct Lead;
class WinHistory;

// The chance that a lead is won, learned from closed leads by a regularised logistic regression
// over the lead's one-hot features (WinFeatures). Values that are too rare to learn from (an
// offer or a country with a handful of closed leads) share one pooled weight per group, and
// every weight is shrunk towards zero, so a value seen twice cannot claim certainty.
class WinModel {
public:
    struct Options {
        // A prior of standard deviation 0.5 on each log-odds effect: a value needs dozens of
        // closed leads before it can move the odds by more than a factor of two.
        double l2 = 4.0;
        int minExamples = 25;        // fewer closed leads than this: the value is pooled
        int maxValuesPerGroup = 100; // the most common values of a group keep their own weight
    };

    // An untrained model: probability() is the neutral 0.5 and drivers() are empty.
    WinModel() = default;
    // Trained on every lead of the history.
    static WinModel train(const WinHistory &history, const Options &options);
    static WinModel train(const WinHistory &history) { return train(history, Options()); }
    // Trained on the leads of the history at `leads` only.
    static WinModel train(const WinHistory &history, std::span<const qsizetype> leads,
                          const Options &options);

    bool isTrained() const { return m_examples > 0; }
    qint64 examples() const { return m_examples; }
    qint64 wins() const { return m_wins; }
    int iterations() const { return m_iterations; }

    double probability(const Lead &lead) const;
    double probability(const QStringList &featureKeys) const;
    double logOdds(const QStringList &featureKeys) const;
    // The log-odds of a lead whose every feature is typical of the training data: logOdds() is
    // this plus the contributions of the lead's features.
    double baseLogOdds() const;
    // How far a feature moves the log-odds from the typical value of its group.
    double contribution(const QString &featureKey) const;
    // The `count` features that push the lead's probability most up and most down; features
    // that do not move it are in neither list.
    WinDrivers drivers(const Lead &lead, int count = 3) const;

    // The weight a key is scored with: its own, its group's pooled one, or the group's typical
    // one for a value never seen.
    double weight(const QString &featureKey) const;
    QHash<QString, double> weights() const { return m_weights; }

    QJsonObject toJson() const;
    // A model stored by toJson(); nullopt with `error` naming the field that is wrong.
    static std::optional<WinModel> fromJson(const QJsonObject &json, QString *error = nullptr);

private:
    QHash<QString, double> m_weights;    // by feature key; pooled keys included
    QHash<QString, double> m_groupMeans; // per group: the weight of a typical training lead
    double m_intercept = 0.0;
    qint64 m_examples = 0;
    qint64 m_wins = 0;
    int m_iterations = 0;
    Options m_options;
};
