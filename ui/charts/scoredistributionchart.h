#pragma once

#include "core/analytics/scoredistribution.h"

#include <QWidget>

class QChartView;

// Leads per score grade, stacked by storefront, with each grade's average score.
class ScoreDistributionChart : public QWidget {
    Q_OBJECT
public:
    explicit ScoreDistributionChart(QWidget *parent = nullptr);
    void setReport(const ScoreDistribution &report);
    // Emits gradeClicked as a click on that bar does.
    void clickBar(int gradeIndex, const QString &storefront);

signals:
    // The leads of `grade` ("" for ungraded) from `storefront`.
    void gradeClicked(const QString &grade, const QString &storefront);

private:
    QChartView *m_view = nullptr;
    ScoreDistribution m_report;
};
