#include "firsttouchchart.h"

#include "chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLocale>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

FirstTouchChart::FirstTouchChart(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("firstTouchChart"));
    setAccessibleName(tr("Time to first touch"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view = new QChartView;
    m_view->setRenderHint(QPainter::Antialiasing);
    layout->addWidget(m_view);
    setReport({});
}

void FirstTouchChart::setReport(const FirstTouchReport &report) {
    m_report = report;
    const QLocale locale;
    QChart *old = m_view->chart();
    // Nothing to draw takes a line, not a chart's height of blank axes.
    m_view->setFixedHeight(report.available() ? 300 : 90);
    if (!report.available()) {
        m_title = tr("Time to first touch:");
        m_view->setChart(ChartStyle::emptyChart(this, m_title, FirstTouchReport::noTouches()));
        delete old;
        return;
    }
    m_title = tr("Time to first touch · target %1 h: %2 of %3 past it · %4 open leads not "
                 "touched yet")
                  .arg(locale.toString(report.targetHours), locale.toString(report.pastTarget),
                       locale.toString(report.touched), locale.toString(report.waiting));
    QChart *chart = ChartStyle::newChart(this, m_title);
    // Shape as well as colour tells the two apart: the legend names them.
    auto *within = new QBarSet(tr("Within the target"));
    auto *past = new QBarSet(tr("Past the target"));
    within->setColor(ChartStyle::actionColor(QStringLiteral("INS")));
    past->setColor(ChartStyle::actionColor(QStringLiteral("DNC")));
    const qint64 target = qint64(report.targetHours) * 3600;
    QStringList categories;
    for (const FirstTouchReport::Bucket &b : report.buckets) {
        categories << b.label;
        const bool inTime = b.upToSeconds > 0 && b.upToSeconds <= target;
        within->append(inTime ? double(b.count) : 0.0);
        past->append(inTime ? 0.0 : double(b.count));
    }
    for (QBarSet *set : {within, past})
        connect(set, &QBarSet::hovered, this, [this](bool on, int index) {
            const FirstTouchReport::Bucket &b = m_report.buckets.at(index);
            ChartStyle::showValue(on, tr("First touch %1 after the lead came in: %2 leads")
                                          .arg(b.label, QLocale().toString(b.count)));
        });
    auto *series = new QStackedBarSeries;
    series->append(within);
    series->append(past);
    series->setBarWidth(0.6);
    chart->addSeries(series);
    auto *bucketAxis = new QBarCategoryAxis;
    bucketAxis->append(categories);
    bucketAxis->setTitleText(tr("Time from the lead's arrival to its first touch"));
    auto *leadAxis = new QValueAxis;
    leadAxis->setTitleText(tr("Leads"));
    ChartStyle::showWholeNumbers(leadAxis);
    chart->addAxis(bucketAxis, Qt::AlignBottom);
    chart->addAxis(leadAxis, Qt::AlignLeft);
    series->attachAxis(bucketAxis);
    series->attachAxis(leadAxis);
    leadAxis->applyNiceNumbers();
    m_view->setChart(chart);
    delete old;
}
