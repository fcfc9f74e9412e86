#include "calibrationchart.h"

#include "chartstyle.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

CalibrationChart::CalibrationChart(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("calibrationChart"));
    setAccessibleName(tr("Calibration of the win probability"));
    m_view = ChartStyle::addChartView(this, 220);
    setBuckets({});
}

void CalibrationChart::setBuckets(const QList<Bucket> &buckets, const QString &emptyText) {
    auto *chart = new QChart;
    chart->setTitle(tr("Predicted vs. actual win rate"));
    // Follows the window's palette, light or dark.
    chart->setTheme(palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark
                                                                        : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    ChartStyle::localizeNumbers(chart);
    m_plotted.clear();
    auto *perfect = new QLineSeries;
    perfect->setName(tr("Perfect"));
    perfect->append(0, 0);
    perfect->append(100, 100);
    QPen dashed = perfect->pen();
    dashed.setStyle(Qt::DashLine);
    dashed.setColor(QColor(128, 128, 128)); // readable on a light and a dark chart
    dashed.setWidthF(1.0);
    perfect->setPen(dashed);
    auto *model = new QLineSeries;
    model->setName(tr("This database"));
    model->setPointsVisible(true);
    for (const Bucket &b : buckets) {
        if (b.count <= 0)
            continue;
        const QPointF point(b.predicted * 100.0, b.actual * 100.0);
        model->append(point);
        m_plotted << point;
    }
    chart->addSeries(perfect);
    chart->addSeries(model);
    auto *x = new QValueAxis;
    x->setRange(0, 100);
    x->setTitleText(tr("Predicted win probability (%)"));
    ChartStyle::showWholeNumbers(x);
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setTitleText(tr("Actually won (%)"));
    ChartStyle::showWholeNumbers(y);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (m_plotted.isEmpty()) {
        chart->setTitle(emptyText.isEmpty() ? tr("Not enough closed leads to measure the "
                                                 "win probability yet")
                                            : emptyText);
        model->setVisible(false);
    }
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}
