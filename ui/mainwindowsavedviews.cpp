// MainWindow, its saved views: the list under the storefronts, its menu, and the column sets
// a view carries.
#include "conflictdialog.h"
#include "delegates/scoredelegate.h"
#include "delegates/stagedelegate.h"
#include "demodatafiller.h"
#include "emptystateoverlay.h"
#include "filterbar.h"
#include "leadactions.h"
#include "leadeditor.h"
#include "leadpanel.h"
#include "mainwindow.h"
#include "models/leadtablemodel.h"
#include "models/savedviewlistmodel.h"
#include "models/storefrontlistmodel.h"
#include "shortcutsdialog.h"
#include "tsvcopy.h"
#include <QAction>
#include <QClipboard>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
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
#include <QTableView>
#include <QVBoxLayout>

void MainWindow::createSavedViewPanel() {
    m_savedViews = new SavedViewListModel(m_db, this);
    m_savedViewList = new QListView;
    m_savedViewList->setObjectName(QStringLiteral("savedViewList"));
    m_savedViewList->setModel(m_savedViews);
    m_savedViewList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_savedViewList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_savedViewList->setUniformItemSizes(true);
    m_savedViewList->setAccessibleName(tr("Saved views"));

    auto *left = new QWidget;
    left->setObjectName(QStringLiteral("queuesAndViews"));
    // Never so narrow that a queue's name and count are cut off.
    left->setMinimumWidth(
        left->fontMetrics().horizontalAdvance(QStringLiteral("Azure Marketplace (99,999)")) + 12);
    auto *layout = new QVBoxLayout(left);
    layout->setContentsMargins(0, 0, 0, 0);
    const int at = m_splitter->indexOf(m_storefrontView);
    m_splitter->replaceWidget(at, left);
    layout->addWidget(m_storefrontView, 1);
    auto *heading = new QLabel(tr("Saved views"));
    heading->setObjectName(QStringLiteral("savedViewsHeading"));
    heading->setContentsMargins(4, 6, 4, 0);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);
    layout->addWidget(m_savedViewList, 2);
    m_storefrontView->show();

    QMenu *views = new QMenu(tr("Vie&ws"), this);
    const QList<QAction *> menus = menuBar()->actions();
    // Before Help, which stays last.
    menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), views);
    QAction *save =
        views->addAction(tr("&Save Current as View…"), this, &MainWindow::saveCurrentAsView);
    save->setObjectName(QStringLiteral("saveViewAction"));
    setTips(save, tr("Keep the current queue, filters, sort and columns under a name"));
    m_renameViewAction = views->addAction(tr("&Rename View…"), this, &MainWindow::renameSavedView);
    m_renameViewAction->setObjectName(QStringLiteral("renameViewAction"));
    setTips(m_renameViewAction, tr("Give the chosen saved view another name"));
    m_deleteViewAction = views->addAction(tr("&Delete View"), this, &MainWindow::deleteSavedView);
    m_deleteViewAction->setObjectName(QStringLiteral("deleteViewAction"));
    setTips(m_deleteViewAction, tr("Remove the chosen saved view; its leads stay"));
    m_savedViewList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_savedViewList->addActions({save, m_renameViewAction, m_deleteViewAction});

    auto selectionChanged = [this] {
        const bool chosen = m_savedViewList->currentIndex().isValid();
        m_renameViewAction->setEnabled(chosen);
        m_deleteViewAction->setEnabled(chosen);
    };
    selectionChanged();
    connect(m_savedViews, &QAbstractItemModel::modelReset, this, selectionChanged);
    connect(m_savedViewList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            selectionChanged);
    connect(m_savedViewList, &QListView::clicked, this, &MainWindow::applySavedView);
    connect(m_savedViewList, &QListView::activated, this, &MainWindow::applySavedView);
    connect(m_savedViews, &SavedViewListModel::viewCreated, this, [this](const SavedView &view) {
        m_savedViewList->setCurrentIndex(m_savedViews->index(m_savedViews->rowOf(view.id)));
        statusBar()->showMessage(
            tr("Saved the view “%1”").arg(SavedViewListModel::shownName(view.name)), 5000);
    });
    connect(m_savedViews, &SavedViewListModel::errorOccurred, this, &MainWindow::savedViewProblem);
}

void MainWindow::applySavedView(const QModelIndex &index) {
    const SavedView view = m_savedViews->viewAt(index.row());
    if (view.id == 0)
        return;
    const LeadFilter filter = LeadViewJson::filterFromJson(view.filter, viewContext());
    applyColumns(view.columns);
    const int column = LeadTableModel::columnOf(view.sort.column);
    const Qt::SortOrder order = view.sort.descending ? Qt::DescendingOrder : Qt::AscendingOrder;
    if (column >= 0) {
        m_leadView->sortByColumn(column, order);
    } else {
        // A sort the table has no column for: no header shows it.
        m_leadView->horizontalHeader()->setSortIndicator(-1, order);
        m_leads->setLeadSort(view.sort);
    }
    const int storefrontRow = m_storefronts->rowOf(filter.storefront);
    if (storefrontRow >= 0)
        m_storefrontView->setCurrentIndex(m_storefronts->index(storefrontRow));
    m_filterBar->setFilter(filter);
}

void MainWindow::saveCurrentAsView() {
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save Current as View"),
                              tr("A name for the current filter, sort and columns:"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return;
    SavedView view;
    view.name = name;
    view.filter = LeadViewJson::filterToJson(m_leads->filter(), viewContext());
    view.sort = m_leads->leadSort();
    view.columns = currentColumns();
    view.createdBy = userName();
    m_savedViews->create(view);
}

void MainWindow::renameSavedView() {
    const SavedView view = m_savedViews->viewAt(m_savedViewList->currentIndex().row());
    if (view.id == 0)
        return;
    bool ok = false;
    // A shipped name unchanged in the dialog stays stored in English, for the others too.
    const QString shown = SavedViewListModel::shownName(view.name);
    const QString name = QInputDialog::getText(this, tr("Rename View"), tr("New name:"),
                                               QLineEdit::Normal, shown, &ok)
                             .trimmed();
    if (ok && !name.isEmpty() && name != shown && name != view.name)
        m_savedViews->rename(view.id, name);
}

void MainWindow::deleteSavedView() {
    const SavedView view = m_savedViews->viewAt(m_savedViewList->currentIndex().row());
    if (view.id == 0)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete View"),
        tr("Delete the saved view “%1”? Everyone who uses this database loses it.")
            .arg(SavedViewListModel::shownName(view.name)));
    if (answer == QMessageBox::Yes)
        m_savedViews->remove(view.id);
}

void MainWindow::savedViewProblem(const QString &message) {
    statusBar()->showMessage(tr("Saved views: %1").arg(message), 10000);
}

QStringList MainWindow::currentColumns() const {
    const QHeaderView *header = m_leadView->horizontalHeader();
    QStringList columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << LeadTableModel::canonicalColumn(logical);
    }
    return columns;
}

void MainWindow::applyColumns(const QStringList &columns) {
    QHeaderView *header = m_leadView->horizontalHeader();
    QList<int> shown;
    for (const QString &name : columns) {
        // Columns this table does not have (yet) are skipped, not refused.
        const int logical = LeadTableModel::columnOf(name);
        if (logical >= 0 && !shown.contains(logical))
            shown << logical;
    }
    if (shown.isEmpty()) {
        for (int logical = 0; logical < header->count(); ++logical)
            header->showSection(logical);
        return;
    }
    for (qsizetype visual = 0; visual < shown.size(); ++visual) {
        const int logical = shown.at(visual);
        header->showSection(logical);
        header->moveSection(header->visualIndex(logical), int(visual));
    }
    for (int logical = 0; logical < header->count(); ++logical) {
        if (!shown.contains(logical))
            header->hideSection(logical);
    }
}
