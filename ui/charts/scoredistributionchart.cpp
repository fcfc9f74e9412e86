#include "scoredistributionchart.h"

#include "chartstyle.h"
#include "core/domain/storefront.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLocale>
#include <QStackedBarSeries>
#include <QValueAxis>

ScoreDistributionChart::ScoreDistributionChart(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("scoreDistributionChart"));
    setAccessibleName(tr("Score distribution"));
    m_view = ChartStyle::addChartView(this, 260);
    setReport({});
}

void ScoreDistributionChart::setReport(const ScoreDistribution &report) {
    m_report = report;
    const QString title = tr("Leads by score grade");
    QChart *old = m_view->chart();
    if (report.total() == 0) {
        m_view->setChart(ChartStyle::emptyChart(this, title, tr("No leads in this selection")));
        delete old;
        return;
    }
    QChart *chart = ChartStyle::newChart(this, title);
    auto *series = new QStackedBarSeries;
    QStringList categories;
    for (const ScoreDistribution::Grade &g : report.grades)
        categories << tr("%1<br>avg %2")
                          .arg(g.grade.isEmpty() ? tr("Ungraded") : g.grade,
                               QLocale().toString(g.averageScore, 'f', 0));
    for (Storefront sf : Storefronts::all()) {
        const QString name = Storefronts::canonicalName(sf);
        auto *set = new QBarSet(Storefronts::displayName(sf));
        set->setColor(ChartStyle::storefrontColor(name));
        set->setBorderColor(ChartStyle::storefrontColor(name));
        for (const ScoreDistribution::Grade &g : report.grades)
            set->append(double(g.byStorefront.value(name)));
        series->append(set);
        connect(set, &QBarSet::hovered, this, [this, sf, name](bool on, int index) {
            const ScoreDistribution::Grade &g = m_report.grades.at(index);
            ChartStyle::showValue(on, tr("Grade %1, %2: %3 of %4 leads, average score %5")
                                          .arg(g.grade.isEmpty() ? tr("none") : g.grade,
                                               Storefronts::displayName(sf),
                                               QLocale().toString(g.byStorefront.value(name)),
                                               QLocale().toString(g.count),
                                               QLocale().toString(g.averageScore, 'f', 1)));
        });
        connect(set, &QBarSet::clicked, this, [this, name](int index) { clickBar(index, name); });
    }
    series->setBarWidth(0.6);
    chart->addSeries(series);
    auto *gradeAxis = new QBarCategoryAxis;
    gradeAxis->append(categories);
    gradeAxis->setTitleText(tr("Grade · average score"));
    auto *leadAxis = new QValueAxis;
    leadAxis->setTitleText(tr("Leads"));
    ChartStyle::showWholeNumbers(leadAxis);
    chart->addAxis(gradeAxis, Qt::AlignBottom);
    chart->addAxis(leadAxis, Qt::AlignLeft);
    series->attachAxis(gradeAxis);
    series->attachAxis(leadAxis);
    leadAxis->applyNiceNumbers();
    m_view->setChart(chart);
    delete old;
}

void ScoreDistributionChart::clickBar(int gradeIndex, const QString &storefront) {
    if (gradeIndex >= 0 && gradeIndex < m_report.grades.size())
        emit gradeClicked(m_report.grades.at(gradeIndex).grade, storefront);
}
