#include "winhistory.h"

#include "winfeatures.h"

#include <algorithm>
#include <limits>

void WinHistory::add(const Lead &lead, bool won, const QDateTime &closedAt,
                     const RuleScore &ruleScore) {
    add(lead.id, WinFeatures::keysOf(lead), won,
        closedAt.isValid() ? closedAt.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min(),
        ruleScore ? ruleScore(lead) : double(lead.score));
}

void WinHistory::add(qint64 leadId, const QStringList &featureKeys, bool won, qint64 closedAt,
                     double ruleScore) {
    for (const QString &key : featureKeys) {
        auto it = m_keyIndex.constFind(key);
        if (it == m_keyIndex.cend()) {
            it = m_keyIndex.insert(key, int(m_keys.size()));
            m_keys.append(key);
        }
        m_features.push_back(it.value());
    }
    m_featureStarts.push_back(qsizetype(m_features.size()));
    m_leadIds.push_back(leadId);
    m_won.push_back(won ? 1 : 0);
    m_closedAt.push_back(closedAt);
    m_ruleScores.push_back(ruleScore);
}

WinHistory WinHistory::of(const QList<WinClosedLead> &closed, const RuleScore &ruleScore) {
    WinHistory history;
    history.reserve(closed.size());
    for (const WinClosedLead &c : closed)
        history.add(c.lead, c.won, c.closedAt, ruleScore);
    return history;
}

void WinHistory::reserve(qsizetype leads) {
    const size_t n = size_t(std::max<qsizetype>(leads, 0));
    m_features.reserve(n * size_t(WinFeatures::groups().size()));
    m_featureStarts.reserve(n + 1);
    m_leadIds.reserve(n);
    m_won.reserve(n);
    m_closedAt.reserve(n);
    m_ruleScores.reserve(n);
}

QStringList WinHistory::featureKeys(qsizetype lead) const {
    QStringList out;
    const std::span<const int> indices = features(lead);
    out.reserve(qsizetype(indices.size()));
    for (const int i : indices)
        out.append(m_keys.at(i));
    return out;
}
