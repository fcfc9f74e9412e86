#include "stagecountsfold.h"

#include "../domain/funnelstep.h"

void StageCountsFold::add(const QString &group, const QString &action, const QString &stage,
                          int furthest, qint64 count, qint64 scoreSum) {
    const QChar separator(0x1f);
    const QString stageKey = group + separator + action + separator + stage;
    auto s = m_stageRows.constFind(stageKey);
    if (s == m_stageRows.constEnd()) {
        s = m_stageRows.insert(stageKey, m_out.stages.size());
        m_out.stages.append({group, action, stage, 0, 0});
    }
    m_out.stages[*s].count += count;
    m_out.stages[*s].scoreSum += scoreSum;
    // As a pass along the creation time counts it: a lead stands at its furthest step unless
    // that lies beyond its stage now.
    if (furthest <= int(FunnelSteps::ofName(stage)) || furthest >= FunnelSteps::count)
        return;
    const QString reachKey = group + separator + stage + separator + QString::number(furthest);
    auto r = m_reachRows.constFind(reachKey);
    if (r == m_reachRows.constEnd()) {
        r = m_reachRows.insert(reachKey, m_out.reach.size());
        m_out.reach.append({group, stage, furthest, 0});
    }
    m_out.reach[*r].count += count;
}
