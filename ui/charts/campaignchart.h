#pragma once

#include "core/analytics/campaignreport.h"

#include <QWidget>

class QChartView;

// Per campaign: its leads, how many reached qualified and how many were won, side by side.
class CampaignChart : public QWidget {
    Q_OBJECT
public:
    explicit CampaignChart(QWidget *parent = nullptr);
    void setReport(const CampaignReport &report, int limit = 10);
    // Emits campaignClicked as a click on that campaign's bars does; 0 is the bottom row.
    void clickBar(int campaignIndex);

signals:
    // The leads of `campaign` ("" for those without one).
    void campaignClicked(const QString &campaign);

private:
    QChartView *m_view = nullptr;
    CampaignReport m_report;
};
