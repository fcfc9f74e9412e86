// MainWindow's editing: the lead panel and the Lead and Edit menus over one LeadEditor, what
// an edit's answer changes in the window, and copying leads as text.
#include "mainwindow.h"

#include "conflictdialog.h"
#include "filterbar.h"
#include "leadactions.h"
#include "leadeditor.h"
#include "leadpanel.h"
#include "models/leadtablemodel.h"
#include "tsvcopy.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>

void MainWindow::copySelectedLeads() {
    QHeaderView *header = m_leadView->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    int skipped = 0;
    const QModelIndexList rows = m_leadView->selectionModel()->selectedRows();
    QGuiApplication::clipboard()->setText(TsvCopy::rows(*m_leads, rows, columns, &skipped));
    const int copied = int(rows.size()) - skipped;
    statusBar()->showMessage(
        skipped == 0 ? (copied == 1 ? tr("Copied 1 lead") : tr("Copied %L1 leads").arg(copied))
                     : tr("Copied %1 of %2 leads: the others are not loaded yet; scroll through "
                          "them and copy again")
                           .arg(copied)
                           .arg(rows.size()),
        5000);
}

void MainWindow::createEditing() {
    // The name the history gives every change made here.
    QString actor = userName();
    if (actor.isEmpty())
        actor = tr("me");
    m_editor = new LeadEditor(m_db, actor, this);
    m_panel = new LeadPanel(m_db, m_editor);
    m_panel->setMinimumWidth(280);
    m_splitter->addWidget(m_panel);
    m_splitter->setStretchFactor(2, 0);
    createEditMenu();
    m_leadActions = new LeadActions(m_leadView, m_leads, m_editor, m_panel, this);
    connect(m_leadView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::showLeadCount);
    menuBar()->insertMenu(menuBar()->actions().value(2), m_leadActions->menu());
    // "/" to search, as in mail programs and web pages; only where typing would not mean "/".
    for (QWidget *from :
         {static_cast<QWidget *>(m_leadView), static_cast<QWidget *>(m_storefrontView)}) {
        auto *search = new QShortcut(QKeySequence(Qt::Key_Slash), from);
        search->setContext(Qt::WidgetShortcut);
        connect(search, &QShortcut::activated, m_filterBar, &FilterBar::focusSearch);
    }

    connect(m_leadView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::showCurrentLead);
    // A page arriving brings the current row's lead; with no current row (a lead opened from
    // the Due queue that the table does not show) the panel keeps what it shows.
    connect(m_leads, &LeadTableModel::pageLoaded, this, [this] {
        if (m_followPanelLead)
            followPanelLead();
        else if (m_leadView->currentIndex().isValid())
            showCurrentLead();
    });
    // A new filter, sort or refresh drops the rows and with them the current row.
    connect(m_leads, &QAbstractItemModel::modelReset, this, [this] {
        // A refresh right after a new filter, before any rows came, is still that filter's.
        const bool changed = m_leads->filter() != m_readFilter;
        m_readFilterChanged = changed || (m_followPanelLead && m_readFilterChanged);
        m_followPanelLead = m_panel->hasLead();
        m_readFilter = m_leads->filter();
    });
    connect(m_leads, &LeadTableModel::countChanged, this, [this](qint64 count) {
        if (m_followPanelLead && count == 0)
            followPanelLead();
    });
    connect(m_editor, &LeadEditor::leadChanged, m_leads, &LeadTableModel::updateLead);
    // A delete or restore changes counts and rows everywhere: read them again.
    connect(m_editor, &LeadEditor::leadsRemoved, this, &MainWindow::refresh);
    connect(m_editor, &LeadEditor::leadsRestored, this, &MainWindow::refresh);
    connect(m_editor, &LeadEditor::conflict, this, &MainWindow::showConflict);
    connect(m_editor, &LeadEditor::failed, this, &MainWindow::showEditFailure);
}

void MainWindow::createEditMenu() {
    QMenu *edit = new QMenu(tr("&Edit"), this);
    edit->addAction(m_editor->createUndoAction(edit));
    edit->addAction(m_editor->createRedoAction(edit));
    edit->addSeparator();
    // The table's Copy, here too so that it can be found and not only known.
    if (auto *copy = m_leadView->findChild<QAction *>(QStringLiteral("copyLeadsAction")))
        edit->addAction(copy);
    // Between File and View, where people look for it.
    const QList<QAction *> menus = menuBar()->actions();
    menuBar()->insertMenu(menus.value(1), edit);
}

void MainWindow::showCurrentLead() {
    const QModelIndex current = m_leadView->currentIndex();
    const Lead *lead = current.isValid() ? m_leads->leadAt(current.row()) : nullptr;
    if (!lead) {
        if (!current.isValid())
            m_panel->clear();
        return; // its page is on its way; pageLoaded brings it
    }
    if (lead->id != m_panel->lead().id || lead->version > m_panel->lead().version)
        m_panel->setLead(*lead);
}

void MainWindow::followPanelLead() {
    m_followPanelLead = false;
    if (m_leadView->currentIndex().isValid()) {
        showCurrentLead(); // a row was chosen meanwhile
        return;
    }
    const int row = m_leads->rowOf(m_panel->lead().id);
    if (row >= 0) {
        m_leadView->selectionModel()->setCurrentIndex(m_leads->index(row, 0),
                                                      QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
        return;
    }
    // Only the first rows read are looked at: a sort or refresh keeps the lead in the list
    // further down, where finding it later would move the rows under the rep's eyes. A lead
    // the new filter leaves out goes, unless the rep's note or change is still on its way.
    if (m_readFilterChanged && !m_panel->hasWorkInProgress())
        m_panel->clear();
}

void MainWindow::showConflict(const Lead &mine, const Lead &theirs, const QStringList &fields) {
    auto *dialog = new ConflictDialog(mine, theirs, fields, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const LeadChanges keep = dialog->changesToKeep();
        if (keep.isEmpty())
            return;
        QStringList names;
        for (const QString &field : keep.columns())
            names << LeadPanel::fieldName(field);
        m_editor->edit({dialog->theirVersion()}, keep,
                       tr("Keep my %1").arg(names.join(QStringLiteral(", "))));
    });
    dialog->open();
}

void MainWindow::showEditFailure(const QString &message) {
    statusBar()->showMessage(message);
}
