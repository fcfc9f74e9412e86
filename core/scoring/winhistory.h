#pragma once

#include "winclosedlead.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <span>
#include <vector>

// The closed leads the win model learns from, keeping of each only what training and its
// evaluation read: the feature keys (WinFeatures::keysOf) as indices into one list of the
// distinct keys, the outcome, the close time and the rule score. Hundreds of thousands of
// closed leads share a few hundred keys, so a lead costs some seventy bytes here where a whole
// Lead with its texts costs a kilobyte: training on a million leads fits in a small process.
class WinHistory {
public:
    // The rule score of a lead, to compare the model with; Lead::score when unset.
    using RuleScore = std::function<double(const Lead &)>;

    // Reads the lead's features and rule score now; the lead itself is not kept.
    void add(const Lead &lead, bool won, const QDateTime &closedAt,
             const RuleScore &ruleScore = {});
    // A lead by its feature keys; `closedAt` in milliseconds since the epoch.
    void add(qint64 leadId, const QStringList &featureKeys, bool won, qint64 closedAt,
             double ruleScore);
    static WinHistory of(const QList<WinClosedLead> &closed, const RuleScore &ruleScore = {});
    void reserve(qsizetype leads);

    qsizetype size() const { return qsizetype(m_won.size()); }
    bool isEmpty() const { return m_won.empty(); }
    // Every distinct feature key, in the order first read.
    const QStringList &keys() const { return m_keys; }
    // The lead's features as indices into keys().
    std::span<const int> features(qsizetype lead) const {
        return std::span<const int>(m_features)
            .subspan(size_t(m_featureStarts[size_t(lead)]),
                     size_t(m_featureStarts[size_t(lead) + 1] - m_featureStarts[size_t(lead)]));
    }
    QStringList featureKeys(qsizetype lead) const;
    qint64 leadId(qsizetype lead) const { return m_leadIds[size_t(lead)]; }
    bool won(qsizetype lead) const { return m_won[size_t(lead)] != 0; }
    // Milliseconds since the epoch; the lowest qint64 when the close time is unknown, so that
    // such a lead counts as the oldest.
    qint64 closedAt(qsizetype lead) const { return m_closedAt[size_t(lead)]; }
    double ruleScore(qsizetype lead) const { return m_ruleScores[size_t(lead)]; }

private:
    QStringList m_keys;
    QHash<QString, int> m_keyIndex;
    std::vector<int> m_features;
    std::vector<qsizetype> m_featureStarts{0};
    std::vector<qint64> m_leadIds;
    std::vector<char> m_won;
    std::vector<qint64> m_closedAt;
    std::vector<double> m_ruleScores;
};
