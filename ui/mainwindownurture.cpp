// MainWindow's nurture: the Due queue in a dock, reminders of follow-ups that fall due, the
// Nurture menu (cadences) and the first-touch SLA target the lead table marks leads against.
#include "mainwindow.h"

#include "cadencedialog.h"
#include "campaigndialog.h"
#include "core/storage/databasereader.h"
#include "core/storage/slareport.h"
#include "duequeuepanel.h"
#include "filterbar.h"
#include "followupreminders.h"
#include "icons.h"
#include "leadactions.h"
#include "leadeditor.h"
#include "leadpanel.h"
#include "models/duequeuemodel.h"
#include "models/leadtablemodel.h"

#include <QAction>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>

void MainWindow::createNurture() {
    m_dueQueue = new DueQueuePanel(m_db, userName());
    m_dueDock = new QDockWidget(tr("Due queue"), this);
    m_dueDock->setObjectName(QStringLiteral("dueQueueDock"));
    m_dueDock->setWidget(m_dueQueue);
    addDockWidget(Qt::BottomDockWidgetArea, m_dueDock);
    // A few rows' worth: the table stays the main thing.
    resizeDocks({m_dueDock}, {170}, Qt::Vertical);
    connect(m_dueQueue, &DueQueuePanel::leadChosen, this, &MainWindow::openLead);
    // Every stored change may move a follow-up into or out of the queue.
    connect(m_editor, &LeadEditor::leadChanged, m_dueQueue->model(), &DueQueueModel::refreshSoon);
    connect(m_editor, &LeadEditor::leadsRemoved, m_dueQueue->model(), &DueQueueModel::refreshSoon);
    connect(m_editor, &LeadEditor::leadsRestored, m_dueQueue->model(), &DueQueueModel::refreshSoon);

    auto *nurture = new QMenu(tr("&Nurture"), this);
    nurture->setObjectName(QStringLiteral("nurtureMenu"));
    QAction *due = m_dueDock->toggleViewAction();
    due->setObjectName(QStringLiteral("dueQueueAction"));
    due->setText(tr("&Due queue"));
    due->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    setTips(due, tr("Your overdue and today's follow-ups, oldest first"));
    nurture->addAction(due);
    QAction *cadences = nurture->addAction(tr("&Cadences…"), this, &MainWindow::openCadences);
    cadences->setObjectName(QStringLiteral("cadencesAction"));
    setTips(cadences, tr("The sequences of touches leads are enrolled in"));
    QAction *campaigns = nurture->addAction(tr("Ca&mpaigns…"), this, &MainWindow::openCampaigns);
    campaigns->setObjectName(QStringLiteral("campaignsAction"));
    setTips(campaigns, tr("The campaigns with their lead counts; link the selected leads"));
    // Before Help, the last menu.
    const QList<QAction *> menus = menuBar()->actions();
    menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), nurture);

    m_reminders = new FollowUpReminders(m_db, userName(), this);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(Icons::application(), this);
        m_tray->setToolTip(tr("Leadbench"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &MainWindow::showDueQueue);
        m_tray->show();
    }
    connect(m_reminders, &FollowUpReminders::reminderDue, this,
            [this](const FollowUpReminders::Reminder &r) { remind(r.title, r.text); });
    m_reminders->start();
    // A new "Who am I" name shows that person's queue and reminders at once, and signs the
    // changes made from now on.
    connect(m_leadActions, &LeadActions::userNameChanged, this, [this](const QString &name) {
        m_editor->setActor(name);
        m_dueQueue->model()->setOwner(name);
        m_reminders->setOwner(name);
    });

    // The first-touch target the table marks leads against, read off the GUI thread.
    m_nurtureReader = std::make_unique<DatabaseReader>(m_db);
    m_nurtureReader->post([this](const Database &db) {
        const SlaReport sla(db);
        const int hours = sla.targetHours();
        QMetaObject::invokeMethod(
            this,
            [this, hours] {
                m_leads->setSlaTargetHours(hours);
                m_filterBar->setSlaTargetHours(hours);
            },
            Qt::QueuedConnection);
        return sla.lastError().isEmpty();
    });
}

void MainWindow::remind(const QString &title, const QString &text) {
    // The status bar says it too: without a tray the reminder is still seen.
    statusBar()->showMessage(tr("%1: %2").arg(title, text), 30000);
    if (m_tray)
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 15000);
}

void MainWindow::showDueQueue() {
    m_dueDock->show();
    m_dueDock->raise();
    m_dueQueue->model()->refresh();
    m_dueQueue->view()->setFocus();
    if (isMinimized())
        showNormal();
    activateWindow();
}

void MainWindow::openLead(const Lead &lead) {
    const int row = m_leads->rowOf(lead.id);
    if (row >= 0) {
        m_leadView->selectionModel()->setCurrentIndex(
            m_leads->index(row, LeadTableModel::NameColumn),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_leadView->scrollTo(m_leads->index(row, LeadTableModel::NameColumn));
    } else {
        // Not in the table's view: the panel shows it all the same.
        m_leadView->selectionModel()->clear();
    }
    m_panel->setLead(row >= 0 && m_leads->leadAt(row) ? *m_leads->leadAt(row) : lead);
}

void MainWindow::openCadences() {
    auto *dialog = new CadenceDialog(m_db, userName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openCampaigns() {
    auto *dialog = new CampaignDialog(m_db, m_editor, m_leadActions->selectedLeads(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
