#include "funnelchart.h"

#include "chartstyle.h"
#include "core/domain/storefront.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLocale>
#include <QVBoxLayout>
#include <QValueAxis>

FunnelChart::FunnelChart(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("funnelChart"));
    setAccessibleName(tr("Funnel per storefront"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *caption = new QLabel(tr("<b>Funnel per storefront</b> — leads that reached each step "
                                  "(a lead counts in every step it passed); under each step, "
                                  "the % of the step before that reached it"));
    caption->setObjectName(QStringLiteral("funnelCaption"));
    caption->setWordWrap(true);
    caption->setContentsMargins(8, 4, 8, 0);
    layout->addWidget(caption);
    m_row = new QHBoxLayout;
    m_row->setContentsMargins(0, 0, 0, 0);
    m_row->setSpacing(0);
    layout->addLayout(m_row, 1);
    setMinimumHeight(300);
    setReport({});
}

void FunnelChart::setReport(const FunnelReport &report) {
    for (QChartView *v : std::as_const(m_views))
        delete v;
    m_views.clear();
    m_shown.clear();
    if (report.isEmpty()) {
        auto *view = new QChartView(ChartStyle::emptyChart(this, tr("Funnel per storefront"),
                                                           tr("No leads in this selection")));
        m_views << view;
        m_row->addWidget(view);
        return;
    }
    // The three marketplace storefronts; leads from elsewhere count in All.
    QStringList names;
    for (Storefront sf : Storefronts::all()) {
        if (sf != Storefront::Other)
            names << Storefronts::canonicalName(sf);
    }
    for (const QString &name : std::as_const(names)) {
        // Each funnel as wide as its own first step: the shape, not the size, compares.
        const FunnelReport::Steps steps = report.storefronts.value(name);
        QChartView *view = funnelView(name, steps, steps[0]);
        m_views << view;
        m_row->addWidget(view, 1);
        m_shown << name;
    }
    QChartView *all = funnelView(QStringLiteral("all"), report.all, report.all[0]);
    m_views << all;
    m_row->addWidget(all, 1);
    m_shown << QStringLiteral("all");
}

QChartView *FunnelChart::funnelView(const QString &storefront, const FunnelReport::Steps &steps,
                                    qint64 widest) {
    const QString label = ChartStyle::storefrontLabel(storefront);
    const double overall = FunnelReport::conversion(steps, FunnelStep::New, FunnelStep::Won);
    QChart *chart =
        ChartStyle::newChart(this, tr("%1<br><small>%2% won overall</small>")
                                       .arg(label, QLocale().toString(overall * 100.0, 'f', 1)));
    auto *series = new QHorizontalStackedBarSeries;
    auto *pad = new QBarSet(QString());
    pad->setColor(Qt::transparent);
    pad->setBorderColor(Qt::transparent);
    pad->setLabelColor(Qt::transparent);
    auto *leads = new QBarSet(tr("Leads"));
    const QColor color = ChartStyle::storefrontColor(storefront);
    leads->setColor(color);
    leads->setBorderColor(color.darker(120));
    // Dark on light, light on dark: readable on the bar and beside a narrow one alike.
    leads->setLabelColor(ChartStyle::isDark(this) ? QColor(0xf5, 0xf5, 0xf5)
                                                  : QColor(0x10, 0x10, 0x10));
    QStringList categories;
    const QList<FunnelStep> all = FunnelSteps::all();
    // Bottom to top: won first, so that new is on top.
    for (qsizetype i = all.size() - 1; i >= 0; --i) {
        const FunnelStep step = all.at(i);
        const qint64 n = FunnelReport::at(steps, step);
        pad->append(double(widest - n) / 2.0);
        leads->append(double(n));
        QString name = FunnelSteps::displayName(step);
        if (i > 0)
            name += QStringLiteral(" %1%").arg(QLocale().toString(
                FunnelReport::conversion(steps, all.at(i - 1), step) * 100.0, 'f', 0));
        categories << name;
    }
    series->append(pad);
    series->append(leads);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    // Whole counts, never in exponent form (1,23457e+06).
    series->setLabelsPrecision(15);
    series->setBarWidth(0.9);
    chart->addSeries(series);
    auto *stepAxis = new QBarCategoryAxis;
    stepAxis->append(categories);
    QFont small = stepAxis->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    stepAxis->setLabelsFont(small);
    auto *count = new QValueAxis;
    count->setRange(0, std::max<qint64>(1, widest));
    count->setVisible(false);
    chart->addAxis(stepAxis, Qt::AlignLeft);
    chart->addAxis(count, Qt::AlignBottom);
    series->attachAxis(stepAxis);
    series->attachAxis(count);
    chart->legend()->hide();
    const qsizetype last = all.size() - 1;
    connect(leads, &QBarSet::hovered, this, [label, steps, all, last](bool on, int index) {
        const FunnelStep step = all.at(last - index);
        const qsizetype i = last - index;
        QString text = tr("%1, %2: %3 leads")
                           .arg(label, FunnelSteps::displayName(step))
                           .arg(QLocale().toString(FunnelReport::at(steps, step)));
        if (i > 0)
            text +=
                tr("\n%1% of %2, %3% of new")
                    .arg(QLocale().toString(
                             FunnelReport::conversion(steps, all.at(i - 1), step) * 100.0, 'f', 1),
                         FunnelSteps::displayName(all.at(i - 1)),
                         QLocale().toString(FunnelReport::conversion(steps, FunnelStep::New, step) *
                                                100.0,
                                            'f', 1));
        ChartStyle::showValue(on, text);
    });
    connect(leads, &QBarSet::clicked, this, [this, storefront, all, last](int index) {
        clickStep(storefront, all.at(last - index));
    });
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setObjectName(QStringLiteral("funnel_") + storefront);
    return view;
}

void FunnelChart::clickStep(const QString &storefront, FunnelStep step) {
    emit stepClicked(storefront == QLatin1String("all") ? QString() : storefront, step);
}
