// MainWindow, its import and export: the File menu's entries, "Export selection…" on the lead
// table, and files dropped on the window.
#include "exportcontroller.h"
#include "filterbar.h"
#include "importwizard/importwizard.h"
#include "leadactions.h"
#include "leadeditor.h"
#include "mainwindow.h"
#include "models/leadtablemodel.h"
#include "models/storefrontlistmodel.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>

namespace {

const QLatin1String exportFolderKey("export/folder");

// What the window takes when dropped: the files the import wizard reads.
bool isImportable(const QUrl &url) {
    if (!url.isLocalFile())
        return false;
    const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("xlsx") ||
           suffix == QLatin1String("json") || suffix == QLatin1String("txt");
}

QString droppedFile(const QMimeData *data) {
    if (!data || !data->hasUrls())
        return {};
    const QList<QUrl> urls = data->urls();
    // One file at a time: the wizard shows one file's columns.
    if (urls.size() != 1 || !isImportable(urls.first()))
        return {};
    return urls.first().toLocalFile();
}

} // namespace

void MainWindow::createImportExport() {
    m_exporter = new ExportController(m_db, this);
    connect(m_exporter, &ExportController::exported, this,
            [this](qint64 rows, const QString &path) {
                const QString file = QFileInfo(path).fileName();
                statusBar()->showMessage(
                    rows == 1 ? tr("Exported 1 lead to %1").arg(file)
                              : tr("Exported %1 leads to %2").arg(QLocale().toString(rows), file),
                    10000);
            });
    connect(m_exporter, &ExportController::cancelled, this, [this](const QString &path) {
        statusBar()->showMessage(
            tr("Export cancelled; %1 was not written").arg(QFileInfo(path).fileName()), 10000);
    });
    connect(m_exporter, &ExportController::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });

    QMenu *file = menuBar()->actions().value(0)->menu();
    QAction *quit = findChild<QAction *>(QStringLiteral("quitAction"));

    QAction *import = new QAction(tr("&Import…"), file);
    import->setObjectName(QStringLiteral("importAction"));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    setTips(import, tr("Leads from a CSV file, an Excel workbook or marketplace JSON"));
    connect(import, &QAction::triggered, this, [this] { openImportWizard(); });
    file->insertAction(quit, import);

    QMenu *exportMenu = new QMenu(tr("&Export"), file);
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    const struct {
        QString text;
        QString name;
        LeadExporter::Format format;
        QString tip;
    } formats[] = {
        {tr("&CSV…"), QStringLiteral("exportCsvAction"), LeadExporter::Format::Csv,
         tr("The leads shown, with the columns shown, as a CSV file")},
        {tr("&Excel…"), QStringLiteral("exportExcelAction"), LeadExporter::Format::Xlsx,
         tr("The leads shown, with the columns shown, as an Excel workbook")},
        {tr("For &Salesforce…"), QStringLiteral("exportSalesforceAction"),
         LeadExporter::Format::Salesforce,
         tr("The leads shown as a CSV file in the columns and words Salesforce's lead import "
            "reads without mapping")},
        {tr("For &Dynamics 365…"), QStringLiteral("exportDynamicsAction"),
         LeadExporter::Format::Dynamics,
         tr("The leads shown as a CSV file in the columns and words Dynamics 365's lead import "
            "reads without mapping")},
    };
    for (const auto &f : formats) {
        QAction *a = exportMenu->addAction(f.text);
        a->setObjectName(f.name);
        setTips(a, f.tip);
        connect(a, &QAction::triggered, this,
                [this, format = f.format] { exportLeads(format, false); });
    }
    file->insertMenu(quit, exportMenu);
    file->insertSeparator(quit);

    m_exportSelectionAction = new QAction(tr("E&xport selection…"), this);
    m_exportSelectionAction->setObjectName(QStringLiteral("exportSelectionAction"));
    setTips(m_exportSelectionAction,
            tr("The selected leads, with the columns shown, as a CSV file or Excel workbook"));
    connect(m_exportSelectionAction, &QAction::triggered, this,
            [this] { exportLeads(LeadExporter::Format::Xlsx, true); });
    auto selectionChanged = [this] {
        m_exportSelectionAction->setEnabled(m_leadView->selectionModel()->hasSelection());
    };
    selectionChanged();
    connect(m_leadView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            selectionChanged);
    connect(m_leads, &QAbstractItemModel::modelReset, this, selectionChanged);
    // After the actions on the selected leads, before the separator above "Who am I".
    QMenu *leadMenu = m_leadActions->menu();
    leadMenu->insertAction(leadMenu->actions().value(leadMenu->actions().size() - 2),
                           m_exportSelectionAction);

    // The table's context menu: the Lead menu's actions where the pointer is.
    m_leadView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_leadView, &QWidget::customContextMenuRequested, this, &MainWindow::showLeadTableMenu);

    setAcceptDrops(true);
}

void MainWindow::showLeadTableMenu(const QPoint &at) {
    m_leadActions->menu()->popup(m_leadView->viewport()->mapToGlobal(at));
}

QString MainWindow::exportFileName(const QString &suggested, const QString &nameFilter) {
    QFileDialog dialog(this, tr("Export Leads"), suggested, nameFilter);
    dialog.setObjectName(QStringLiteral("exportFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setDefaultSuffix(QFileInfo(suggested).suffix());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().first();
}

void MainWindow::exportLeads(LeadExporter::Format format, bool selectionOnly) {
    if (m_exporter->isRunning()) {
        statusBar()->showMessage(tr("An export is still running"), 5000);
        return;
    }
    ExportController::Request request;
    request.filter = m_leads->filter();
    request.sort = m_leads->leadSort();
    request.options.format = format;
    request.options.columns = ExportController::exportColumns(currentColumns());
    qsizetype skipped = 0;
    if (selectionOnly) {
        QList<qint64> ids;
        const QModelIndexList rows = m_leadView->selectionModel()->selectedRows();
        for (const QModelIndex &row : rows) {
            const qint64 id = row.data(LeadTableModel::LeadIdRole).toLongLong();
            if (id > 0)
                ids << id;
            else
                ++skipped;
        }
        if (ids.isEmpty()) {
            statusBar()->showMessage(
                tr("The selected leads are not loaded yet; scroll through them and export "
                   "again"),
                5000);
            return;
        }
        // Exactly the leads selected, whatever the filter would match by now.
        request.filter = LeadFilter();
        request.filter.ids = ids;
        request.filter.includeTest = true;
    }

    QSettings s(QStringLiteral("Leadbench"), QStringLiteral("Leadbench"));
    QString folder = s.value(exportFolderKey).toString();
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(
        ExportController::defaultFileName(selectionOnly ? m_leads->filter() : request.filter,
                                          format, QDate::currentDate(), selectionOnly));
    QString nameFilter = ExportController::nameFilter(format);
    if (selectionOnly) {
        nameFilter = ExportController::nameFilter(LeadExporter::Format::Xlsx) +
                     QStringLiteral(";;") + ExportController::nameFilter(LeadExporter::Format::Csv);
    }
    request.path = exportFileName(suggested, nameFilter);
    if (request.path.isEmpty())
        return;
    s.setValue(exportFolderKey, QFileInfo(request.path).absolutePath());
    if (selectionOnly) {
        // The selection goes out in the format its name asks for.
        request.options.format = request.path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
                                     ? LeadExporter::Format::Csv
                                     : LeadExporter::Format::Xlsx;
    }
    if (skipped > 0) {
        statusBar()->showMessage(tr("%1 of the selected leads are not loaded yet and are left "
                                    "out; scroll through them and export again to include them")
                                     .arg(skipped),
                                 10000);
    }
    m_exporter->start(request);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    if (!droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    const QString path = droppedFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openImportWizard(path);
}

void MainWindow::openImportWizard(const QString &path) {
    // One wizard at a time: a second file dropped goes to the open one.
    if (auto *open = findChild<ImportWizard *>(); open && open->isVisible()) {
        if (!path.isEmpty() && open->currentId() == ImportWizard::FilePage)
            open->setFile(path);
        open->raise();
        open->activateWindow();
        return;
    }
    auto *wizard = new ImportWizard(m_db, m_editor->actor(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::imported, this, [this](const ImportSummary &summary) {
        refresh();
        m_filterBar->loadChoices(m_db);
        const qint64 landed = summary.imported + summary.merged;
        statusBar()->showMessage(landed == 1
                                     ? tr("Imported 1 lead")
                                     : tr("Imported %1 leads").arg(QLocale().toString(landed)),
                                 10000);
    });
    connect(wizard, &ImportWizard::showLeadsRequested, this, &MainWindow::showImportedLeads);
    if (!path.isEmpty())
        wizard->setFile(path);
    // Not modal: the leads stay readable while a large file imports.
    wizard->show();
}

void MainWindow::showImportedLeads(const QList<qint64> &ids) {
    if (ids.isEmpty())
        return;
    // Every other filter off, so that each imported lead shows, test leads included.
    m_filterBar->clearFilters();
    m_storefrontView->setCurrentIndex(m_storefronts->index(m_storefronts->rowOf({})));
    LeadFilter filter;
    filter.ids = ids;
    filter.includeTest = true;
    m_leads->setFilter(filter);
    m_leadView->sortByColumn(LeadTableModel::CreatedAtColumn, Qt::DescendingOrder);
    statusBar()->showMessage(
        tr("Showing the leads of the import; choose a queue or a filter to see all leads"), 10000);
}
