#include "campaignchart.h"

#include "chartstyle.h"

#include <QBarCategoryAxis>
#include <QHorizontalBarSeries>

#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLocale>
#include <QValueAxis>
#include <algorithm>

CampaignChart::CampaignChart(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("campaignChart"));
    setAccessibleName(tr("Campaigns"));
    m_view = ChartStyle::addChartView(this, 260);
    setReport({});
}

void CampaignChart::setReport(const CampaignReport &report, int limit) {
    m_report = report;
    m_report.campaigns = report.campaigns.mid(0, limit);
    const QString title = tr("Leads, qualified and won per campaign");
    QChart *old = m_view->chart();
    if (report.total() == 0) {
        m_view->setChart(ChartStyle::emptyChart(this, title, tr("No leads in this selection")));
        delete old;
        return;
    }
    QChart *chart = ChartStyle::newChart(this, title);
    // Horizontal: campaign names are long. The largest campaign on top, so listed last.
    std::reverse(m_report.campaigns.begin(), m_report.campaigns.end());
    auto *series = new QHorizontalBarSeries;
    QStringList categories;
    for (const CampaignReport::Campaign &c : std::as_const(m_report.campaigns))
        categories << (c.campaign.isEmpty() ? tr("(no campaign)") : c.campaign);
    const QStringList measures = {tr("Leads"), tr("Qualified"), tr("Won")};
    for (int m = 0; m < measures.size(); ++m) {
        auto *set = new QBarSet(measures.at(m));
        set->setColor(ChartStyle::seriesColor(m));
        set->setBorderColor(ChartStyle::seriesColor(m));
        for (const CampaignReport::Campaign &c : std::as_const(m_report.campaigns))
            set->append(double(m == 0 ? c.leads : m == 1 ? c.qualified : c.won));
        series->append(set);
        connect(set, &QBarSet::hovered, this, [this, categories](bool on, int index) {
            const CampaignReport::Campaign &c = m_report.campaigns.at(index);
            ChartStyle::showValue(on, tr("%1: %2 leads, %3 qualified, %4 won")
                                          .arg(categories.at(index), QLocale().toString(c.leads),
                                               QLocale().toString(c.qualified),
                                               QLocale().toString(c.won)));
        });
        connect(set, &QBarSet::clicked, this, [this](int index) { clickBar(index); });
    }
    chart->addSeries(series);
    auto *campaignAxis = new QBarCategoryAxis;
    campaignAxis->append(categories);
    campaignAxis->setTitleText(tr("Campaign"));
    auto *leadAxis = new QValueAxis;
    leadAxis->setTitleText(tr("Leads"));
    ChartStyle::showWholeNumbers(leadAxis);
    chart->addAxis(campaignAxis, Qt::AlignLeft);
    chart->addAxis(leadAxis, Qt::AlignBottom);
    series->attachAxis(campaignAxis);
    series->attachAxis(leadAxis);
    leadAxis->applyNiceNumbers();
    m_view->setChart(chart);
    delete old;
}

void CampaignChart::clickBar(int campaignIndex) {
    if (campaignIndex >= 0 && campaignIndex < m_report.campaigns.size())
        emit campaignClicked(m_report.campaigns.at(campaignIndex).campaign);
}
