#pragma once

#include "core/analytics/offerperformance.h"

#include <QWidget>

class QChartView;

// Per offer, its leads stacked by action, with the qualified and won shares beside each offer's
// name; the offers in the report's order, the first `limit` of them.
class OfferPerformanceChart : public QWidget {
    Q_OBJECT
public:
    explicit OfferPerformanceChart(QWidget *parent = nullptr);
    void setReport(const OfferPerformance &report, int limit = 10);
    QStringList shownOffers() const { return m_offers; }
    // Emits offerClicked as a click on that stack does.
    void clickBar(int offerIndex, const QString &action);

signals:
    // The leads of `offerId` whose action falls in `action` (an ActionCategories name).
    void offerClicked(const QString &offerId, const QString &action);

private:
    QChartView *m_view = nullptr;
    QStringList m_offers; // top to bottom
};
