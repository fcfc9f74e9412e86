#include "offerperformancechart.h"

#include "chartstyle.h"
#include "core/analytics/actioncategories.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLocale>
#include <QValueAxis>

OfferPerformanceChart::OfferPerformanceChart(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("offerPerformanceChart"));
    setAccessibleName(tr("Offer performance"));
    m_view = ChartStyle::addChartView(this, 280);
    setReport({});
}

void OfferPerformanceChart::setReport(const OfferPerformance &report, int limit) {
    const QString title = tr("Offer performance");
    QChart *old = m_view->chart();
    m_offers.clear();
    if (report.total() == 0) {
        m_view->setChart(ChartStyle::emptyChart(this, title, tr("No leads in this selection")));
        delete old;
        return;
    }
    QList<OfferPerformance::Offer> offers = report.offers.mid(0, limit);
    QChart *chart = ChartStyle::newChart(this, title);
    auto *series = new QHorizontalStackedBarSeries;
    QStringList categories;
    // Bottom to top, so that the report's first offer is on top.
    for (qsizetype i = offers.size() - 1; i >= 0; --i) {
        const OfferPerformance::Offer &o = offers.at(i);
        const QString name = o.offerId.isEmpty() ? tr("(no offer)") : o.offerId;
        categories << tr("%1 · Q %2% · W %3%")
                          .arg(name, QLocale().toString(o.qualifiedShare() * 100.0, 'f', 0),
                               QLocale().toString(o.wonShare() * 100.0, 'f', 1));
        m_offers.prepend(o.offerId);
    }
    for (const QString &action : ActionCategories::all()) {
        auto *set = new QBarSet(action);
        set->setColor(ChartStyle::actionColor(action));
        set->setBorderColor(ChartStyle::actionColor(action).darker(120));
        for (qsizetype i = offers.size() - 1; i >= 0; --i)
            set->append(double(offers.at(i).byAction.value(action)));
        series->append(set);
        const qsizetype last = offers.size() - 1;
        connect(set, &QBarSet::hovered, this, [offers, action, last](bool on, int index) {
            const OfferPerformance::Offer &o = offers.at(last - index);
            ChartStyle::showValue(
                on, tr("%1, %2: %3 of %4 leads\nqualified %5%, won %6%, average score %7")
                        .arg(o.offerId, action, QLocale().toString(o.byAction.value(action)),
                             QLocale().toString(o.leads),
                             QLocale().toString(o.qualifiedShare() * 100.0, 'f', 1),
                             QLocale().toString(o.wonShare() * 100.0, 'f', 1),
                             QLocale().toString(o.averageScore, 'f', 1)));
        });
        connect(set, &QBarSet::clicked, this,
                [this, action, last](int index) { clickBar(int(last - index), action); });
    }
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto *offerAxis = new QBarCategoryAxis;
    offerAxis->append(categories);
    offerAxis->setTitleText(tr("Offer · qualified % · won %"));
    auto *leadAxis = new QValueAxis;
    leadAxis->setTitleText(tr("Leads"));
    ChartStyle::showWholeNumbers(leadAxis);
    chart->addAxis(offerAxis, Qt::AlignLeft);
    chart->addAxis(leadAxis, Qt::AlignBottom);
    series->attachAxis(offerAxis);
    series->attachAxis(leadAxis);
    leadAxis->applyNiceNumbers();
    m_view->setChart(chart);
    delete old;
}

void OfferPerformanceChart::clickBar(int offerIndex, const QString &action) {
    if (offerIndex >= 0 && offerIndex < m_offers.size())
        emit offerClicked(m_offers.at(offerIndex), action);
}
