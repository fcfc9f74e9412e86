#pragma once

#include "core/analytics/firsttouchreport.h"

#include <QWidget>

class QChartView;

// How long leads waited for their first touch, bar per bucket: within the team's target in
// one colour, past it in another, with the target and the open leads still waiting in the title.
class FirstTouchChart : public QWidget {
    Q_OBJECT
public:
    explicit FirstTouchChart(QWidget *parent = nullptr);
    void setReport(const FirstTouchReport &report);
    QString title() const { return m_title; }

private:
    QChartView *m_view = nullptr;
    FirstTouchReport m_report;
    QString m_title;
};
