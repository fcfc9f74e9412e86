// MainWindow's Charts tab beside the lead table, and the drill-down from a chart's bar to
// exactly its leads in the table, with Back to the filter before.
#include "mainwindow.h"

#include "charts/chartsdashboard.h"
#include "models/leadtablemodel.h"

#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>

void MainWindow::createCharts() {
    QWidget *leadArea = m_splitter->widget(1);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("centreTabs"));
    m_tabs->setDocumentMode(true);
    m_splitter->replaceWidget(1, m_tabs);
    m_tabs->addTab(leadArea, tr("&Leads"));
    leadArea->show();
    // The dashboard reads a million leads' numbers: only once someone looks at it.
    auto *placeholder = new QWidget;
    m_tabs->addTab(placeholder, tr("C&harts"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            showCharts();
    });

    m_drillLabel = new QLabel;
    m_drillLabel->setObjectName(QStringLiteral("drillDownLabel"));
    m_drillLabel->hide();
    m_drillBack = new QPushButton(tr("Back"));
    m_drillBack->setObjectName(QStringLiteral("drillDownBack"));
    m_drillBack->setToolTip(tr("Back to the leads shown before the chart was clicked"));
    m_drillBack->hide();
    statusBar()->insertPermanentWidget(0, m_drillLabel);
    statusBar()->insertPermanentWidget(1, m_drillBack);
    connect(m_drillBack, &QPushButton::clicked, this, &MainWindow::drillBack);
}

ChartsDashboard *MainWindow::showCharts() {
    if (!m_charts) {
        m_charts = new ChartsDashboard(m_db);
        QWidget *placeholder = m_tabs->widget(1);
        const QSignalBlocker block(m_tabs);
        m_tabs->removeTab(1);
        delete placeholder;
        m_tabs->insertTab(1, m_charts, tr("C&harts"));
        connect(m_charts, &ChartsDashboard::drillDown, this, &MainWindow::drillDown);
        connect(m_charts, &ChartsDashboard::errorOccurred, this,
                [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    }
    m_tabs->setCurrentWidget(m_charts);
    return m_charts;
}

void MainWindow::drillDown(const LeadFilter &filter, const QString &description) {
    m_drillHistory.append(m_leads->filter());
    m_leads->setFilter(filter);
    m_tabs->setCurrentIndex(0);
    m_drillLabel->setText(tr("From the charts: %1").arg(description));
    m_drillLabel->show();
    m_drillBack->show();
}

void MainWindow::drillBack() {
    if (!m_drillHistory.isEmpty())
        m_leads->setFilter(m_drillHistory.takeLast());
    if (m_drillHistory.isEmpty()) {
        m_drillLabel->hide();
        m_drillBack->hide();
        if (m_charts)
            m_tabs->setCurrentWidget(m_charts);
    }
}
