#pragma once

#include "core/io/leadexporter.h"
#include "core/storage/database.h"
#include "core/storage/leadfilter.h"
#include "core/storage/leadviewjson.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>

class ChartsDashboard;
class DatabaseReader;

class DemoDataFiller;
class DueQueuePanel;
class FollowUpReminders;
class QDockWidget;
class QSystemTrayIcon;
class ExportController;
struct Lead;
class LeadActions;
class LeadEditor;
class LeadPanel;
class EmptyStateOverlay;
class FilterBar;
class LeadTableModel;
class QLabel;
class QListView;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class SavedViewListModel;
class StorefrontListModel;
struct SavedView;

// The workbench's main window: storefront queues on the left, their leads on the right.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const Database &db, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds `count` generated leads on a worker thread so that a first start has something to
    // explore; progress and a Cancel button show in the status bar.
    void fillDemoData(int count);
    bool isFillingDemoData() const;

    // Who "me" is in saved views and the owner filter: settings "user/name", else the login
    // name.
    static QString userName();

    // Opens the import wizard, with `path` chosen when given (a file dropped on the window).
    void openImportWizard(const QString &path = QString());
    // Opens Scoring → Scoring rules… (window-modal, not blocking).
    void openScoring();
    // Shows the Charts tab, making the dashboard the first time.
    ChartsDashboard *showCharts();
    // The lead table shows exactly `filter`'s leads (a chart's bar); Back returns to the
    // filter before.
    void drillDown(const LeadFilter &filter, const QString &description);
    void drillBack();
    // Every lead again: no filter, no queue, not only an import's leads.
    void showAllLeads();
    // Shows the Due queue (Nurture → Due queue, a reminder clicked).
    void showDueQueue();
    DueQueuePanel *dueQueue() const { return m_dueQueue; }
    FollowUpReminders *reminders() const { return m_reminders; }
    // Nurture → Cadences… and Campaigns… (window-modal, not blocking).
    void openCadences();
    void openCampaigns();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    // Where an export goes: asks with a file dialog; empty when the user cancels.
    virtual QString exportFileName(const QString &suggested, const QString &nameFilter);

private:
    void createMenus();
    // Delegates, the column chooser, j/k and copy on the lead table.
    void setUpLeadView();
    void copySelectedLeads();
    void restoreSettings();
    void saveSettings() const;
    void storefrontChosen(const QModelIndex &current);
    void refresh();
    void countingLeads();
    void showLeadCount();
    // Shows a read failure of one model in the status bar until that model reads again.
    void showReadProblem(QString *shown, const QString &message);
    void readProblemOver(QString *shown);
    void demoFillProgress(qint64 done, qint64 total);
    void demoFillFinished(bool ok, bool cancelled, qint64 generated, const QString &error);
    void showAbout();

    // Editing: the lead panel beside the table, the editor every change goes through, and the
    // Edit menu with undo and redo.
    void createEditing();
    void createEditMenu();
    // The panel follows the table's current row, also when its page arrives later.
    void showCurrentLead();
    // After the table's rows were read afresh: the panel's lead becomes the current row again
    // when it is among the first rows read; one a new filter leaves out is no longer shown.
    void followPanelLead();
    void showConflict(const Lead &mine, const Lead &theirs, const QStringList &fields);
    void showEditFailure(const QString &message);

    LeadActions *m_leadActions = nullptr;
    // The filter bar above the table, and what the table says while searching or empty.
    void createFilterBar();
    void filterBarChanged(const LeadFilter &filter);
    void updateSearchState();
    // The count label's text with the active filters after it.
    QString withFilterSummary(const QString &count) const;
    // Saved views under the storefront queues, and their menu.
    void createSavedViewPanel();
    void applySavedView(const QModelIndex &index);
    void saveCurrentAsView();
    void renameSavedView();
    void deleteSavedView();
    void savedViewProblem(const QString &message);
    LeadViewJson::Context viewContext() const;
    // The shown columns as canonical names in the order shown; applyColumns shows those named
    // in that order and hides the rest (all of them when none is known).
    QStringList currentColumns() const;
    void applyColumns(const QStringList &columns);

    // Import and export: the File menu's entries, "Export selection…" on the table, dropped
    // files.
    void createImportExport();
    void exportLeads(LeadExporter::Format format, bool selectionOnly);
    void showLeadTableMenu(const QPoint &at);
    // Only the leads of `ids` in the table: "Show imported leads" at the end of an import.
    void showImportedLeads(const QList<qint64> &ids);
    // The Scoring menu: the scoring rules and the win probability's quality (an admin's).
    void createScoringMenu();
    // Reads the current scoring model for the panel's explanations, off the GUI thread.
    void loadScoringModel();

    // The Charts tab beside the lead table (mainwindowcharts.cpp).
    void createCharts();
    // The Nurture menu, the Due queue dock, the reminders and the first-touch SLA target
    // (mainwindownurture.cpp).
    void createNurture();
    // Settings → Language: System, English, Nederlands; the choice applies at the next start.
    void createSettingsMenu();
    void orderTabs();
    // An action's tooltip and status-bar text, the same words.
    static void setTips(QAction *action, const QString &tip);
    // The lead chosen in the Due queue, in the table when it is there and in the panel.
    void openLead(const Lead &lead);
    void remind(const QString &title, const QString &text);

    Database m_db;
    std::unique_ptr<DatabaseReader> m_scoringReader; // ended before the widgets it reports to
    std::unique_ptr<DatabaseReader> m_nurtureReader;
    StorefrontListModel *m_storefronts = nullptr;
    LeadTableModel *m_leads = nullptr;
    QSplitter *m_splitter = nullptr;
    QListView *m_storefrontView = nullptr;
    QTableView *m_leadView = nullptr;
    QLabel *m_countLabel = nullptr;
    QProgressBar *m_fillProgress = nullptr;
    QPushButton *m_fillCancel = nullptr;
    DemoDataFiller *m_filler = nullptr;
    LeadEditor *m_editor = nullptr;
    LeadPanel *m_panel = nullptr;
    FilterBar *m_filterBar = nullptr;
    EmptyStateOverlay *m_emptyState = nullptr;
    SavedViewListModel *m_savedViews = nullptr;
    QListView *m_savedViewList = nullptr;
    QAction *m_renameViewAction = nullptr;
    QAction *m_deleteViewAction = nullptr;
    ExportController *m_exporter = nullptr;
    QAction *m_exportSelectionAction = nullptr;
    QTabWidget *m_tabs = nullptr;
    ChartsDashboard *m_charts = nullptr;
    QLabel *m_drillLabel = nullptr;
    QPushButton *m_drillBack = nullptr;
    QDockWidget *m_dueDock = nullptr;
    DueQueuePanel *m_dueQueue = nullptr;
    FollowUpReminders *m_reminders = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QList<LeadFilter> m_drillHistory; // the filters before each drill-down, newest last
    // The filter the table last read its rows with, and whether the panel's lead is to be
    // found among the rows of the next read.
    LeadFilter m_readFilter;
    bool m_followPanelLead = false;
    bool m_readFilterChanged = false;
    // What the status bar shows for each model's read failure, so that its recovery clears
    // that message and no other.
    QString m_leadProblem;
    QString m_storefrontProblem;
};
