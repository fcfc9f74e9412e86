#include "trendchart.h"

#include "chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QValueAxis>

TrendChart::TrendChart(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("trendChart"));
    setAccessibleName(tr("Lead trend"));
    m_view = ChartStyle::addChartView(this, 280);
    setReport({});
}

void TrendChart::setReport(const LeadTrend &report) {
    m_report = report;
    const bool weekly = report.interval == LeadTrend::Interval::Week;
    const bool byAction = report.by == LeadTrend::By::Action;
    const QString title =
        weekly ? (byAction ? tr("Leads per week by action") : tr("Leads per week by storefront"))
               : (byAction ? tr("Leads per month by action") : tr("Leads per month by storefront"));
    QChart *old = m_view->chart();
    if (report.total() == 0) {
        m_view->setChart(ChartStyle::emptyChart(this, title, tr("No leads in this selection")));
        delete old;
        return;
    }
    QChart *chart = ChartStyle::newChart(this, title);
    auto *series = new QStackedBarSeries;
    QStringList categories;
    // Many weeks: label every few so that the labels do not run into each other.
    const qsizetype step = std::max<qsizetype>(1, report.buckets.size() / 16 + 1);
    for (qsizetype i = 0; i < report.buckets.size(); ++i) {
        const QDate d = report.buckets.at(i).start;
        QString text = weekly ? QLocale().toString(d, QLocale::ShortFormat)
                              : QLocale().toString(d, QStringLiteral("MMM yyyy"));
        // Category names must differ: the unlabelled ones are padded with spaces.
        categories << (i % step == 0 ? text
                                     : QString(int(i % step), QLatin1Char(' ')) +
                                           QString(int(i / step), QChar(0x200B)));
    }
    qint64 highest = 0;
    for (const LeadTrend::Bucket &b : report.buckets)
        highest = std::max(highest, b.total);
    for (const QString &key : report.keys) {
        const QString name = byAction ? key : ChartStyle::storefrontLabel(key);
        auto *set = new QBarSet(name);
        const QColor color =
            byAction ? ChartStyle::actionColor(key) : ChartStyle::storefrontColor(key);
        set->setColor(color);
        set->setBorderColor(color);
        for (const LeadTrend::Bucket &b : report.buckets)
            set->append(double(b.byKey.value(key)));
        series->append(set);
        connect(set, &QBarSet::hovered, this, [this, name, key](bool on, int index) {
            const LeadTrend::Bucket &b = m_report.buckets.at(index);
            ChartStyle::showValue(
                on, tr("%1 from %2: %3 of %4 leads")
                        .arg(name, QLocale().toString(b.start, QLocale::ShortFormat),
                             QLocale().toString(b.byKey.value(key)), QLocale().toString(b.total)));
        });
        connect(set, &QBarSet::clicked, this, [this, key](int index) { clickBar(index, key); });
    }
    series->setBarWidth(0.8);
    chart->addSeries(series);
    auto *average = new QLineSeries;
    average->setName(tr("Moving average (%n intervals)", nullptr, report.window));
    QPen pen(ChartStyle::trendLineColor(ChartStyle::isDark(this)));
    pen.setWidthF(2.0);
    average->setPen(pen);
    for (qsizetype i = 0; i < report.buckets.size(); ++i)
        average->append(double(i), report.buckets.at(i).movingAverage);
    chart->addSeries(average);
    auto *timeAxis = new QBarCategoryAxis;
    timeAxis->append(categories);
    timeAxis->setTitleText(weekly ? tr("Week (from Monday, UTC)") : tr("Month (UTC)"));
    timeAxis->setLabelsAngle(report.buckets.size() / step > 12 ? -45 : 0);
    auto *leadAxis = new QValueAxis;
    leadAxis->setTitleText(tr("Leads"));
    ChartStyle::showWholeNumbers(leadAxis);
    leadAxis->setRange(0, double(std::max<qint64>(1, highest)));
    chart->addAxis(timeAxis, Qt::AlignBottom);
    chart->addAxis(leadAxis, Qt::AlignLeft);
    series->attachAxis(timeAxis);
    series->attachAxis(leadAxis);
    average->attachAxis(timeAxis);
    average->attachAxis(leadAxis);
    leadAxis->applyNiceNumbers();
    m_view->setChart(chart);
    delete old;
}

void TrendChart::clickBar(int bucketIndex, const QString &key) {
    if (bucketIndex >= 0 && bucketIndex < m_report.buckets.size())
        emit bucketClicked(m_report.buckets.at(bucketIndex).start, key);
}
