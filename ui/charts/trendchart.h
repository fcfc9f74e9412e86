#pragma once

#include "core/analytics/leadtrend.h"

#include <QWidget>

class QChartView;

// Leads per week or month, stacked by storefront or by action, with the moving average of the
// totals as a line over the bars.
class TrendChart : public QWidget {
    Q_OBJECT
public:
    explicit TrendChart(QWidget *parent = nullptr);
    void setReport(const LeadTrend &report);
    // Emits bucketClicked as a click on that bar does.
    void clickBar(int bucketIndex, const QString &key);

signals:
    // The leads of the bucket starting on `start` whose storefront or action is `key`.
    void bucketClicked(QDate start, const QString &key);

private:
    QChartView *m_view = nullptr;
    LeadTrend m_report;
};
