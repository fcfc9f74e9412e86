#include "mainwindow.h"

#include "core/storage/databasereader.h"
#include "delegates/firsttouchsladelegate.h"
#include "delegates/scoredelegate.h"
#include "delegates/stagedelegate.h"
#include "demodatafiller.h"
#include "duequeuepanel.h"
#include "emptystateoverlay.h"
#include "filterbar.h"
#include "languageloader.h"
#include "leadeditor.h"
#include "leadpanel.h"
#include "models/duequeuemodel.h"
#include "models/leadtablemodel.h"
#include "models/savedviewlistmodel.h"
#include "models/storefrontlistmodel.h"
#include "shortcutsdialog.h"
#include "taborder.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// A fixed seed: every first start shows the same demo library, which keeps demos and bug
// reports about it comparable.
constexpr quint64 demoSeed = 20240601;

// The layout belongs to the product, not to whichever executable shows the window.
const QLatin1String settingsOrganization("Leadbench");
const QLatin1String settingsApplication("Leadbench");

} // namespace

MainWindow::MainWindow(const Database &db, QWidget *parent)
    : QMainWindow(parent)
    , m_db(db)
    , m_storefronts(new StorefrontListModel(db, this))
    , m_leads(new LeadTableModel(db, this))
    , m_filler(new DemoDataFiller(db, this)) {
    setWindowTitle(tr("Leadbench — %1").arg(db.displayName()));

    m_storefrontView = new QListView;
    m_storefrontView->setObjectName(QStringLiteral("storefrontView"));
    m_storefrontView->setAccessibleName(tr("Storefront queues"));
    m_storefrontView->setModel(m_storefronts);
    m_storefrontView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_storefrontView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_storefrontView->setUniformItemSizes(true);

    m_leadView = new QTableView;
    m_leadView->setObjectName(QStringLiteral("leadView"));
    m_leadView->setModel(m_leads);
    m_leadView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_leadView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_leadView->setAlternatingRowColors(true);
    m_leadView->setWordWrap(false);
    m_leadView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Rows of one fixed height, never measured: measuring would read every lead.
    m_leadView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_leadView->verticalHeader()->hide();
    QHeaderView *header = m_leadView->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setSortIndicator(m_leads->sortColumn(), m_leads->sortOrder());
    m_leadView->setSortingEnabled(true);
    setUpLeadView();

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_storefrontView);
    m_splitter->addWidget(m_leadView);
    m_splitter->setStretchFactor(1, 1);
    setCentralWidget(m_splitter);

    m_countLabel = new QLabel;
    m_countLabel->setObjectName(QStringLiteral("leadCountLabel"));
    m_fillProgress = new QProgressBar;
    m_fillProgress->setObjectName(QStringLiteral("demoFillProgress"));
    m_fillProgress->setMaximumWidth(240);
    m_fillProgress->setFormat(tr("Adding demo leads… %p%"));
    m_fillProgress->hide();
    m_fillCancel = new QPushButton(tr("Cancel"));
    m_fillCancel->setObjectName(QStringLiteral("demoFillCancel"));
    m_fillCancel->hide();
    statusBar()->addPermanentWidget(m_fillProgress);
    statusBar()->addPermanentWidget(m_fillCancel);
    statusBar()->addPermanentWidget(m_countLabel);

    createMenus();
    createFilterBar();
    createSavedViewPanel();
    createEditing();
    createImportExport();
    createScoringMenu();
    createCharts();
    createNurture();
    createSettingsMenu();
    orderTabs();

    connect(m_storefrontView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::storefrontChosen);
    connect(m_leads, &LeadTableModel::countStarted, this, &MainWindow::countingLeads);
    connect(m_leads, &LeadTableModel::countChanged, this, &MainWindow::showLeadCount);
    connect(m_leads, &LeadTableModel::retrying, this, [this](const QString &message) {
        showReadProblem(&m_leadProblem, tr("%1 — trying again…").arg(message));
    });
    connect(m_leads, &LeadTableModel::errorOccurred, this, [this](const QString &message) {
        showReadProblem(&m_leadProblem, message);
        showLeadCount();
    });
    connect(m_leads, &LeadTableModel::errorCleared, this,
            [this] { readProblemOver(&m_leadProblem); });
    connect(m_storefronts, &StorefrontListModel::errorOccurred, this,
            [this](const QString &message) { showReadProblem(&m_storefrontProblem, message); });
    connect(m_storefronts, &StorefrontListModel::errorCleared, this,
            [this] { readProblemOver(&m_storefrontProblem); });
    connect(m_filler, &DemoDataFiller::progress, this, &MainWindow::demoFillProgress);
    connect(m_filler, &DemoDataFiller::finished, this, &MainWindow::demoFillFinished);
    connect(m_fillCancel, &QPushButton::clicked, this, [this] {
        m_fillCancel->setEnabled(false);
        m_filler->cancel();
    });

    restoreSettings();
    countingLeads();
    m_storefrontView->setCurrentIndex(m_storefronts->index(0));
}

MainWindow::~MainWindow() = default;

void MainWindow::orderTabs() {
    // The queues and saved views on the left, the tabs, the filter bar and the table, then the
    // lead panel beside them and the due queue below.
    TabOrder::follow(
        {m_storefrontView, m_savedViewList, m_tabs, m_filterBar, m_leadView, m_panel, m_dueQueue});
}

void MainWindow::restoreSettings() {
    QSettings s(settingsOrganization, settingsApplication);
    s.beginGroup(QStringLiteral("MainWindow"));
    if (!restoreGeometry(s.value(QStringLiteral("geometry")).toByteArray()))
        resize(1200, 720);
    // The docks (the Due queue) where and as large as they were left, shown or hidden.
    restoreState(s.value(QStringLiteral("windowState")).toByteArray());
    if (!m_splitter->restoreState(s.value(QStringLiteral("splitter")).toByteArray()))
        m_splitter->setSizes({190, 900, 330});
    // A header saved by a version with other columns would put titles over the wrong data.
    QHeaderView *header = m_leadView->horizontalHeader();
    const bool sameColumns =
        s.value(QStringLiteral("leadColumns")).toInt() == LeadTableModel::ColumnCount;
    if (!sameColumns ||
        !header->restoreState(s.value(QStringLiteral("leadHeader")).toByteArray())) {
        m_leadView->setColumnWidth(LeadTableModel::NameColumn, 160);
        m_leadView->setColumnWidth(LeadTableModel::CompanyColumn, 160);
        m_leadView->setColumnWidth(LeadTableModel::TitleColumn, 150);
        m_leadView->setColumnWidth(LeadTableModel::EmailColumn, 200);
        m_leadView->setColumnWidth(LeadTableModel::CountryColumn, 70);
        m_leadView->setColumnWidth(LeadTableModel::StorefrontColumn, 150);
        m_leadView->setColumnWidth(LeadTableModel::ActionColumn, 90);
        m_leadView->setColumnWidth(LeadTableModel::OfferTitleColumn, 180);
        m_leadView->setColumnWidth(LeadTableModel::ScoreColumn, 90);
        m_leadView->setColumnWidth(LeadTableModel::StageColumn, 110);
        m_leadView->setColumnWidth(LeadTableModel::NextFollowUpColumn, 120);
        m_leadView->setColumnWidth(LeadTableModel::CreatedAtColumn, 180);
    }
    s.endGroup();
    // Restoring the header does not sort; the model has to follow the restored indicator.
    m_leadView->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

void MainWindow::saveSettings() const {
    QSettings s(settingsOrganization, settingsApplication);
    s.beginGroup(QStringLiteral("MainWindow"));
    s.setValue(QStringLiteral("geometry"), saveGeometry());
    s.setValue(QStringLiteral("windowState"), saveState());
    s.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    s.setValue(QStringLiteral("leadColumns"), int(LeadTableModel::ColumnCount));
    s.setValue(QStringLiteral("leadHeader"), m_leadView->horizontalHeader()->saveState());
    s.endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveSettings();
    m_filler->cancel();
    event->accept();
}

void MainWindow::storefrontChosen(const QModelIndex &current) {
    LeadFilter filter = m_leads->filter();
    const std::optional<Storefront> storefront = m_storefronts->storefrontAt(current.row());
    // Selecting All at start, or a row that only moved, would count the same leads again.
    if (storefront == filter.storefront)
        return;
    filter.storefront = storefront;
    filter.ids.clear(); // a queue chosen shows the whole queue again
    m_leads->setFilter(filter);
}

void MainWindow::refresh() {
    m_storefronts->refresh();
    m_leads->refresh();
    if (m_dueQueue)
        m_dueQueue->model()->refresh();
}

void MainWindow::countingLeads() {
    // The previous count stays readable, dimmed, while the new one is on its way.
    m_countLabel->setEnabled(false);
    if (m_countLabel->text().isEmpty())
        m_countLabel->setText(tr("Counting leads…"));
}

void MainWindow::showLeadCount() {
    if (m_leads->isCounting())
        return;
    m_countLabel->setEnabled(true);
    const qint64 count = m_leads->totalCount();
    if (!m_leads->isCountKnown())
        m_countLabel->setText(withFilterSummary(tr("Leads not counted")));
    else
        m_countLabel->setText(withFilterSummary(
            count == 1 ? tr("1 lead") : tr("%1 leads").arg(QLocale().toString(count))));
}

void MainWindow::showReadProblem(QString *shown, const QString &message) {
    *shown = message;
    statusBar()->showMessage(message);
}

void MainWindow::readProblemOver(QString *shown) {
    if (!shown->isEmpty() && statusBar()->currentMessage() == *shown)
        statusBar()->clearMessage();
    shown->clear();
}

void MainWindow::fillDemoData(int count) {
    if (!m_filler->start(count, demoSeed))
        return;
    m_fillProgress->setRange(0, count);
    m_fillProgress->setValue(0);
    m_fillProgress->show();
    m_fillCancel->setEnabled(true);
    m_fillCancel->show();
    statusBar()->showMessage(
        tr("Adding %1 demo leads to the new database…").arg(QLocale().toString(count)));
}

bool MainWindow::isFillingDemoData() const {
    return m_filler->isRunning();
}

void MainWindow::demoFillProgress(qint64 done, qint64 total) {
    m_fillProgress->setRange(0, int(total));
    m_fillProgress->setValue(int(done));
}

void MainWindow::demoFillFinished(bool ok, bool cancelled, qint64 generated, const QString &error) {
    m_fillProgress->hide();
    m_fillCancel->hide();
    if (ok) {
        statusBar()->showMessage(tr("Added %1 demo leads").arg(QLocale().toString(generated)),
                                 10000);
        m_storefronts->refresh();
        m_leads->refresh();
    } else if (cancelled) {
        statusBar()->showMessage(tr("Demo data cancelled; nothing was added"), 10000);
    } else {
        statusBar()->showMessage(tr("Could not add demo leads: %1").arg(error));
    }
}

void MainWindow::setUpLeadView() {
    m_leadView->setItemDelegateForColumn(LeadTableModel::ScoreColumn,
                                         new ScoreDelegate(m_leadView));
    m_leadView->setItemDelegateForColumn(LeadTableModel::StageColumn,
                                         new StageDelegate(m_leadView));
    m_leadView->setItemDelegateForColumn(LeadTableModel::CreatedAtColumn,
                                         new FirstTouchSlaDelegate(m_leadView));
    m_leadView->verticalHeader()->setDefaultSectionSize(m_leadView->fontMetrics().height() + 10);
    m_leadView->setIconSize(QSize(16, 16));
    m_leadView->setAccessibleName(tr("Leads"));
    // Rows are read, not cells edited: the arrows move through the leads and Tab goes on to the
    // lead panel, instead of through every cell of every row.
    m_leadView->setTabKeyNavigation(false);

    // The column chooser: the header's context menu shows and hides columns; drag to reorder.
    QHeaderView *header = m_leadView->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](QPoint at) {
        QMenu menu(this);
        for (int c = 0; c < LeadTableModel::ColumnCount; ++c) {
            QAction *toggle = menu.addAction(m_leads->headerData(c, Qt::Horizontal).toString());
            toggle->setCheckable(true);
            setTips(toggle, tr("Show or hide the column %1").arg(toggle->text()));
            toggle->setChecked(!header->isSectionHidden(c));
            // The last visible column stays: a table without columns cannot be got back.
            toggle->setEnabled(header->isSectionHidden(c) ||
                               header->count() - header->hiddenSectionCount() > 1);
            connect(toggle, &QAction::toggled, header,
                    [header, c](bool shown) { header->setSectionHidden(c, !shown); });
        }
        menu.exec(header->mapToGlobal(at));
    });

    // j / k as in mail programs: next and previous lead.
    for (const auto &[key, step] : {std::pair{Qt::Key_J, 1}, std::pair{Qt::Key_K, -1}}) {
        auto *shortcut = new QShortcut(QKeySequence(key), m_leadView);
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, step = step] {
            const int row =
                std::clamp(m_leadView->currentIndex().row() + step, 0, m_leads->rowCount() - 1);
            m_leadView->setCurrentIndex(
                m_leads->index(row, std::max(0, m_leadView->currentIndex().column())));
        });
    }

    auto *copy = new QAction(tr("&Copy"), m_leadView);
    copy->setObjectName(QStringLiteral("copyLeadsAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    setTips(copy, tr("Copy the selected leads as tab-separated text, with the columns shown"));
    connect(copy, &QAction::triggered, this, &MainWindow::copySelectedLeads);
    m_leadView->addAction(copy);
}

QString MainWindow::userName() {
    QSettings s(settingsOrganization, settingsApplication);
    const QString name = s.value(QStringLiteral("user/name")).toString().trimmed();
    return name.isEmpty() ? qEnvironmentVariable("USER") : name;
}

LeadViewJson::Context MainWindow::viewContext() const {
    return {userName(), QDateTime::currentDateTimeUtc()};
}

void MainWindow::createFilterBar() {
    m_filterBar = new FilterBar;
    m_filterBar->setObjectName(QStringLiteral("filterBar"));
    m_filterBar->setUserName(userName());
    m_filterBar->loadChoices(m_db);
    // New owners and offers arrive with new leads; F5 reads them too.
    if (auto *refresh = findChild<QAction *>(QStringLiteral("refreshAction")))
        connect(refresh, &QAction::triggered, this, [this] { m_filterBar->loadChoices(m_db); });
    connect(m_filler, &DemoDataFiller::finished, this, [this] { m_filterBar->loadChoices(m_db); });

    auto *centre = new QWidget;
    centre->setObjectName(QStringLiteral("leadArea"));
    auto *layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    const int at = m_splitter->indexOf(m_leadView);
    m_splitter->replaceWidget(at, centre);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_leadView, 1);
    m_leadView->show();

    m_emptyState = new EmptyStateOverlay(m_leadView->viewport());
    connect(m_emptyState, &EmptyStateOverlay::clearFiltersRequested, this,
            &MainWindow::showAllLeads);
    connect(m_filterBar, &FilterBar::filterChanged, this, &MainWindow::filterBarChanged);
    connect(m_leads, &LeadTableModel::countStarted, this, &MainWindow::updateSearchState);
    connect(m_leads, &LeadTableModel::countChanged, this, &MainWindow::updateSearchState);
    connect(m_leads, &LeadTableModel::errorOccurred, this, &MainWindow::updateSearchState);
}

void MainWindow::showAllLeads() {
    m_filterBar->clearFilters();
    m_storefrontView->setCurrentIndex(m_storefronts->index(m_storefronts->rowOf({})));
    if (m_leads->filter() != m_filterBar->filter())
        m_leads->setFilter(m_filterBar->filter());
    statusBar()->clearMessage();
}

void MainWindow::filterBarChanged(const LeadFilter &filter) {
    LeadFilter combined = filter;
    combined.storefront = m_leads->filter().storefront;
    if (combined == m_leads->filter())
        return;
    m_leads->setFilter(combined);
}

void MainWindow::updateSearchState() {
    const bool counting = m_leads->isCounting();
    m_filterBar->setSearching(counting);
    if (counting || !m_leads->isCountKnown() || m_leads->totalCount() > 0) {
        m_emptyState->hide();
        return;
    }
    const bool filtered = m_filterBar->hasActiveFilters() || m_leads->filter().storefront;
    m_emptyState->showEmpty(filtered ? tr("No leads match") : tr("No leads yet"), filtered);
}

QString MainWindow::withFilterSummary(const QString &count) const {
    QStringList parts{count};
    // "M selected" once more than one lead is: one is simply the current lead.
    const qsizetype selected = m_leadView && m_leadView->selectionModel()
                                   ? m_leadView->selectionModel()->selectedRows().size()
                                   : 0;
    if (selected > 1)
        parts << tr("%1 selected").arg(QLocale().toString(selected));
    // Leads by id are a drill-down's, which its own label names, or an import's.
    if (!m_leads->filter().ids.isEmpty() && (!m_drillLabel || m_drillLabel->isHidden()))
        parts << tr("Imported leads only");
    const QString summary = m_filterBar ? m_filterBar->summary() : QString();
    if (!summary.isEmpty())
        parts << summary;
    return parts.join(QStringLiteral(" · "));
}
