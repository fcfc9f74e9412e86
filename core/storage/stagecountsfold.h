#pragma once

#include "leadanalyticsqueries.h"

#include <QHash>
#include <QString>

// Folds grouped counts of leads (group, action, stage, furthest step) into a chart's stage rows
// and steps back, however the backend grouped them: what IndexOrderCounts and PostgreSQL's one
// grouped pass both read.
class StageCountsFold {
public:
    // Adds `count` leads of `group` and `action` standing at `stage` whose furthest funnel step
    // is `furthest`, with `scoreSum` their scores added up.
    void add(const QString &group, const QString &action, const QString &stage, int furthest,
             qint64 count, qint64 scoreSum);
    LeadAnalyticsQueries::StageCounts take() { return std::move(m_out); }

private:
    LeadAnalyticsQueries::StageCounts m_out;
    QHash<QString, qsizetype> m_stageRows; // group, action and stage → m_out.stages
    QHash<QString, qsizetype> m_reachRows; // group, stage and furthest step → m_out.reach
};
