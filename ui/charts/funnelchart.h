#pragma once

#include "core/analytics/funnelreport.h"

#include <QList>
#include <QWidget>

class QChartView;
class QHBoxLayout;

// The funnel per storefront side by side, and all storefronts together: centred bars narrowing
// from new to won, each with its count, and each step's conversion from the one before.
class FunnelChart : public QWidget {
    Q_OBJECT
public:
    explicit FunnelChart(QWidget *parent = nullptr);
    void setReport(const FunnelReport &report);
    // The funnels drawn, by canonical storefront name ("all" last), for tests.
    QStringList shownFunnels() const { return m_shown; }
    // Emits stepClicked as a click on that bar does.
    void clickStep(const QString &storefront, FunnelStep step);

signals:
    // A bar was clicked: the leads of `storefront` ("" for all) that reached `step`.
    void stepClicked(const QString &storefront, FunnelStep step);

private:
    QChartView *funnelView(const QString &storefront, const FunnelReport::Steps &steps,
                           qint64 widest);

    QHBoxLayout *m_row = nullptr;
    QList<QChartView *> m_views;
    QStringList m_shown;
};
