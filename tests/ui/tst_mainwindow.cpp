#include "core/domain/leadcolumns.h"
#include "sampleleaddatabase.h"
#include "ui/conflictdialog.h"
#include "ui/duequeuepanel.h"
#include "ui/leadactions.h"
#include "ui/leadeditor.h"
#include "ui/leadpanel.h"
#include "ui/mainwindow.h"
#include "ui/models/duequeuemodel.h"
#include "ui/models/leadtablemodel.h"

#include "core/storage/followupplanstore.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {

// The window with the export's file dialog answered by the test.
class ExportingWindow : public MainWindow {
public:
    using MainWindow::MainWindow;
    QString answer;
    QString suggested;

protected:
    QString exportFileName(const QString &proposed, const QString &) override {
        suggested = proposed;
        return answer;
    }
};

// The rows of a CSV file the exporter wrote (BOM, no quoted commas in the sample leads).
QList<QStringList> csvRows(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<QStringList> rows;
    for (const QString &line : text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts))
        rows << line.split(QLatin1Char(','));
    return rows;
}

} // namespace

// The first window as a user meets it: the storefront queues, the lead table, the status bar
// (read failures included), the remembered layout and the demo data of a first start.
class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fitsALaptopScreen();
    void init();
    void cleanup();
    void titleNamesTheDatabase();
    void storefrontQueuesShowTheirCounts();
    void clickingAStorefrontFiltersTheTable();
    void clickingAHeaderSortsTheTable();
    void layoutAndSortAreRemembered();
    void demoDataFillsANewDatabase();
    void demoDataCanBeCancelled();
    void closingDuringDemoDataLeavesNothingHalfWritten();
    void quitClosesTheWindow();
    void aFailedReadShowsInTheStatusBarUntilARefresh();
    void thePanelChangesTheCurrentLeadAndUndoPutsItBack();
    void thePanelFollowsItsLeadThroughSortsAndFilters();
    void aDrillDownIsNotCalledAnImport();
    void aConflictShowsBothValuesAndKeepsMineWhenAsked();
    void aStageKeyChangesTheLeadAndUndoPutsItBack();
    void aBulkAssignIsOneUndoStep();
    void copyPutsTheSelectedRowsOnTheClipboard();
    void exportWritesTheShownColumnsAndRows();
    void exportSelectionWritesTheSelectedLeadsOnly();
    void exportForSalesforceUsesItsOwnLayout();
    void exportToAFolderThatIsNotThereNamesTheFile();
    void theDueQueueOpensItsLeadAndFollowsEdits();
    void leadsPastTheFirstTouchTargetAreMarkedAndFiltered();
    void theLeadMenuEnrollsTheSelectionInACadence();

private:
    static QListView *storefronts(MainWindow &w) {
        return w.findChild<QListView *>(QStringLiteral("storefrontView"));
    }
    static QTableView *leads(MainWindow &w) {
        return w.findChild<QTableView *>(QStringLiteral("leadView"));
    }
    static QString countLabel(MainWindow &w) {
        return w.findChild<QLabel *>(QStringLiteral("leadCountLabel"))->text();
    }
    static void clickRow(QListView *view, int row) {
        const QRect rect = view->visualRect(view->model()->index(row, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    }
    static void clickHeader(QTableView *view, int column) {
        QHeaderView *header = view->horizontalHeader();
        const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                        header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    }
    // What a table column shows from top to bottom, once every row has arrived.
    static QStringList column(QTableView *view, int column) {
        QStringList texts;
        auto *model = qobject_cast<LeadTableModel *>(view->model());
        [&] { QTRY_VERIFY(!model->isCounting()); }();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, column);
            [&] { QTRY_VERIFY(index.data(LeadTableModel::LeadIdRole).toLongLong() > 0); }();
            texts << index.data().toString();
        }
        return texts;
    }

    std::unique_ptr<SampleLeadDatabase> m_db;
};

void TestMainWindow::initTestCase() {
    // Keeps the user's own window layout out of reach of these tests.
    QStandardPaths::setTestModeEnabled(true);
    SampleLeadDatabase::isolateSettings();
}

void TestMainWindow::init() {
    QSettings(QStringLiteral("Leadbench"), QStringLiteral("Leadbench")).clear();
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
    QVERIFY2(m_db->addSampleMix(), qPrintable(m_db->error()));
}

void TestMainWindow::cleanup() {
    m_db.reset();
}

void TestMainWindow::titleNamesTheDatabase() {
    MainWindow window(m_db->database());
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("Leadbench — ")));
    QVERIFY2(window.windowTitle().contains(m_db->path()), qPrintable(window.windowTitle()));
}

void TestMainWindow::storefrontQueuesShowTheirCounts() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QListView *view = storefronts(window);
    QVERIFY(view);
    const QAbstractItemModel *model = view->model();
    QCOMPARE(model->rowCount(), 4);
    QTRY_COMPARE(model->index(0, 0).data().toString(), QStringLiteral("All (10)"));
    QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("AppSource (5)"));
    QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("Azure Marketplace (3)"));
    QCOMPARE(model->index(3, 0).data().toString(), QStringLiteral("Azure portal (2)"));
    // All is where a user starts.
    QCOMPARE(view->currentIndex().row(), 0);
    QTRY_COMPARE(leads(window)->model()->rowCount(), 10);
    QTRY_COMPARE(countLabel(window), QStringLiteral("10 leads"));
}

void TestMainWindow::clickingAStorefrontFiltersTheTable() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);

    clickRow(storefronts(window), 1);
    QTRY_COMPARE(table->model()->rowCount(), 5);
    QCOMPARE(column(table, LeadTableModel::StorefrontColumn),
             QStringList(5, QStringLiteral("AppSource")));
    QCOMPARE(countLabel(window), QStringLiteral("5 leads"));

    clickRow(storefronts(window), 3);
    QTRY_COMPARE(table->model()->rowCount(), 2);
    QCOMPARE(column(table, LeadTableModel::StorefrontColumn),
             QStringList(2, QStringLiteral("Azure portal")));
    QCOMPARE(countLabel(window), QStringLiteral("2 leads"));

    clickRow(storefronts(window), 0);
    QTRY_COMPARE(table->model()->rowCount(), 10);
    QCOMPARE(countLabel(window), QStringLiteral("10 leads"));
}

void TestMainWindow::clickingAHeaderSortsTheTable() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);

    // Newest activity first until told otherwise.
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(),
             int(LeadTableModel::LastEventAtColumn));
    QCOMPARE(column(table, LeadTableModel::NameColumn).first(), QStringLiteral("Lead 10"));

    // The first click on Score puts the best leads on top.
    clickHeader(table, LeadTableModel::ScoreColumn);
    QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(column(table, LeadTableModel::ScoreColumn),
             (QStringList{QStringLiteral("72"), QStringLiteral("71"), QStringLiteral("70"),
                          QStringLiteral("41"), QStringLiteral("40"), QStringLiteral("14"),
                          QStringLiteral("13"), QStringLiteral("12"), QStringLiteral("11"),
                          QStringLiteral("10")}));

    clickHeader(table, LeadTableModel::ScoreColumn);
    QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(column(table, LeadTableModel::ScoreColumn).first(), QStringLiteral("10"));

    clickHeader(table, LeadTableModel::CompanyColumn);
    const QStringList companies = column(table, LeadTableModel::CompanyColumn);
    QStringList sorted = companies;
    sorted.sort();
    QCOMPARE(companies, sorted);
}

void TestMainWindow::layoutAndSortAreRemembered() {
    QList<int> sizes;
    {
        MainWindow window(m_db->database());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSplitter *splitter = window.findChild<QSplitter *>(QStringLiteral("splitter"));
        const int total = splitter->sizes().at(0) + splitter->sizes().at(1);
        splitter->setSizes({total / 3, total - total / 3});
        sizes = splitter->sizes();
        clickHeader(leads(window), LeadTableModel::ScoreColumn);
        leads(window)->setColumnWidth(LeadTableModel::EmailColumn, 321);
        window.close();
    }

    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.findChild<QSplitter *>(QStringLiteral("splitter"))->sizes(), sizes);
    QTableView *table = leads(window);
    QCOMPARE(table->columnWidth(LeadTableModel::EmailColumn), 321);
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), int(LeadTableModel::ScoreColumn));
    QCOMPARE(column(table, LeadTableModel::ScoreColumn).first(), QStringLiteral("72"));
}

void TestMainWindow::demoDataFillsANewDatabase() {
    SampleLeadDatabase empty;
    QVERIFY2(empty.isReady(), qPrintable(empty.error()));
    MainWindow window(empty.database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(countLabel(window), QStringLiteral("0 leads"));

    window.fillDemoData(2500);
    QVERIFY(window.isFillingDemoData());
    auto *progress = window.findChild<QProgressBar *>(QStringLiteral("demoFillProgress"));
    QVERIFY(progress->isVisible());
    QCOMPARE(progress->maximum(), 2500);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isFillingDemoData(), 60000);
    QVERIFY(!progress->isVisible());
    QCOMPARE(progress->value(), 2500);

    // Whatever the generator made that is not a test lead is now on screen.
    const qint64 real = LeadRepository(empty.database()).count(LeadFilter{});
    QVERIFY(real > 2000);
    QTableView *table = leads(window);
    QTRY_COMPARE(table->model()->rowCount(), int(real));
    QTRY_COMPARE(storefronts(window)->model()->index(0, 0).data().toString(),
                 QStringLiteral("All (%1)").arg(QLocale().toString(real)));
    QCOMPARE(countLabel(window), QStringLiteral("%1 leads").arg(QLocale().toString(real)));
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("2,500")) ||
            window.statusBar()->currentMessage().contains(QStringLiteral("2500")));
    // The demo's closed leads taught the win model: its open leads show a probability.
    int withProbability = 0;
    for (const Lead &l : LeadRepository(empty.database())
                             .list(LeadFilter{}, LeadSort{QStringLiteral("score"), true}, 200))
        withProbability += l.winProbability > 0.0 ? 1 : 0;
    QVERIFY2(withProbability > 0, "no open demo lead has a win probability");
}

void TestMainWindow::demoDataCanBeCancelled() {
    SampleLeadDatabase empty;
    QVERIFY2(empty.isReady(), qPrintable(empty.error()));
    MainWindow window(empty.database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    window.fillDemoData(1000000);
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("demoFillCancel"));
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isFillingDemoData(), 60000);

    QVERIFY(!cancel->isVisible());
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("cancelled")),
             qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(LeadRepository(empty.database()).count(LeadFilter{}), 0);
    QCOMPARE(leads(window)->model()->rowCount(), 0);
    QTRY_COMPARE(countLabel(window), QStringLiteral("0 leads"));
}

void TestMainWindow::closingDuringDemoDataLeavesNothingHalfWritten() {
    SampleLeadDatabase empty;
    QVERIFY2(empty.isReady(), qPrintable(empty.error()));
    {
        MainWindow window(empty.database());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.fillDemoData(1000000);
        QTest::qWait(200);
        QVERIFY(window.isFillingDemoData());
        window.close();
    }
    QCOMPARE(LeadRepository(empty.database()).count(LeadFilter{}), 0);
}

void TestMainWindow::quitClosesTheWindow() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *quit = window.findChild<QAction *>(QStringLiteral("quitAction"));
    QVERIFY(quit);
    QCOMPARE(quit->text(), QStringLiteral("&Quit"));
    quit->trigger();
    QVERIFY(!window.isVisible());
}

void TestMainWindow::aFailedReadShowsInTheStatusBarUntilARefresh() {
    SampleLeadDatabase large;
    QVERIFY2(large.isReady(), qPrintable(large.error()));
    QVERIFY2(large.addLeads(Storefront::AzureMarketplace, 1000), qPrintable(large.error()));
    MainWindow window(large.database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);
    const QAbstractItemModel *model = table->model();
    QTRY_COMPARE(model->rowCount(), 1000);
    QTRY_VERIFY(model->index(0, 0).data(LeadTableModel::LeadIdRole).toLongLong() > 0);

    // The database goes away under the window; the user scrolls to rows not read yet.
    QSqlQuery q(large.database().connection());
    QVERIFY(q.exec(QStringLiteral("ALTER TABLE leads RENAME TO leads_hidden")));
    table->scrollToBottom();
    const QModelIndex last = model->index(999, LeadTableModel::NameColumn);
    QTRY_COMPARE_WITH_TIMEOUT(last.data().toString(), QStringLiteral("Could not load"), 30000);
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("Could not load leads")), qPrintable(message));
    // Which rows, and why.
    QVERIFY2(message.contains(QStringLiteral("801")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("no such table")), qPrintable(message));
    // What had arrived before stays readable.
    QCOMPARE(model->index(0, LeadTableModel::CompanyColumn).data().toString(),
             SampleLeadDatabase::companyOf(1000));

    // Back again: View > Refresh (F5) reads everything anew and the message goes.
    QVERIFY(q.exec(QStringLiteral("ALTER TABLE leads_hidden RENAME TO leads")));
    auto *refresh = window.findChild<QAction *>(QStringLiteral("refreshAction"));
    QVERIFY(refresh);
    QCOMPARE(refresh->shortcut(), QKeySequence(QKeySequence::Refresh));
    refresh->trigger();
    QTRY_VERIFY2(window.statusBar()->currentMessage().isEmpty(),
                 qPrintable(window.statusBar()->currentMessage()));
    QTRY_COMPARE(model->index(999, LeadTableModel::NameColumn).data().toString(),
                 QStringLiteral("Lead 1"));
    QCOMPARE(countLabel(window), QStringLiteral("%1 leads").arg(QLocale().toString(1000)));
}

void TestMainWindow::thePanelChangesTheCurrentLeadAndUndoPutsItBack() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);
    auto *model = qobject_cast<LeadTableModel *>(table->model());
    const QStringList names = column(table, LeadTableModel::NameColumn);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(model->index(2, LeadTableModel::NameColumn)).center());
    auto *panel = window.findChild<LeadPanel *>(QStringLiteral("leadPanel"));
    QVERIFY(panel);
    QTRY_COMPARE(panel->findChild<QLabel *>(QStringLiteral("leadName"))->text(), names.at(2));
    const qint64 id = panel->lead().id;
    QCOMPARE(id, model->versionAt(2).id);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);

    auto *stage = panel->findChild<QComboBox *>(QStringLiteral("stageCombo"));
    stage->setFocus();
    QTest::keyClick(stage, Qt::Key_Down);
    const auto storedStage = [&] { return LeadRepository(m_db->database()).lead(id)->stage; };
    QTRY_COMPARE(storedStage(), Stage::Contacted);
    // Only that row repaints: it stays current and the view is not reset.
    QTRY_COMPARE(model->index(2, LeadTableModel::StageColumn).data().toString(),
                 QStringLiteral("Contacted"));
    QCOMPARE(table->currentIndex().row(), 2);
    QCOMPARE(reset.size(), 0);

    auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
    QVERIFY(undo);
    QTRY_VERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo Set stage to Contacted"));
    QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
    undo->trigger();
    QTRY_COMPARE(storedStage(), Stage::New);
    QTRY_COMPARE(model->index(2, LeadTableModel::StageColumn).data().toString(),
                 QStringLiteral("New"));
    QTRY_COMPARE(stage->currentText(), QStringLiteral("New"));
    QCOMPARE(table->currentIndex().row(), 2);
    QCOMPARE(reset.size(), 0);
}

void TestMainWindow::thePanelFollowsItsLeadThroughSortsAndFilters() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);
    auto *model = qobject_cast<LeadTableModel *>(table->model());
    auto *panel = window.findChild<LeadPanel *>(QStringLiteral("leadPanel"));
    QVERIFY(panel);
    const auto clickLeadOf = [&](const QString &storefront) {
        const QStringList shown = column(table, LeadTableModel::StorefrontColumn);
        const int row = int(shown.indexOf(storefront));
        QVERIFY(row >= 0);
        QTest::mouseClick(
            table->viewport(), Qt::LeftButton, {},
            table->visualRect(model->index(row, LeadTableModel::NameColumn)).center());
        QTRY_COMPARE(panel->lead().id, model->versionAt(row).id);
    };
    clickLeadOf(QStringLiteral("AppSource"));
    const qint64 id = panel->lead().id;

    // Another order: the same lead stays shown and is the table's current row again.
    clickHeader(table, LeadTableModel::ScoreColumn);
    QTRY_VERIFY(table->currentIndex().isValid());
    QCOMPARE(model->versionAt(table->currentIndex().row()).id, id);
    QCOMPARE(panel->lead().id, id);
    QVERIFY(table->selectionModel()->isRowSelected(table->currentIndex().row(), {}));

    // A queue without it, read again at once (new leads arriving): the panel no longer shows
    // a lead the table does not list.
    clickRow(storefronts(window), 2);
    model->refresh();
    QTRY_COMPARE(countLabel(window), QStringLiteral("3 leads"));
    QTRY_VERIFY(!panel->hasLead());
    QVERIFY(!table->currentIndex().isValid());

    // A note typed and not yet added keeps its lead in view through a filter that leaves it out.
    clickLeadOf(QStringLiteral("Azure Marketplace"));
    const qint64 noted = panel->lead().id;
    panel->findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"))
        ->setPlainText(QStringLiteral("Call back after the budget meeting"));
    clickRow(storefronts(window), 1);
    QTRY_COMPARE(countLabel(window), QStringLiteral("5 leads"));
    QTRY_VERIFY(model->versionAt(0).id > 0);
    QTest::qWait(50); // the page has been handled; the panel stays
    QCOMPARE(panel->lead().id, noted);
    QCOMPARE(panel->findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"))->toPlainText(),
             QStringLiteral("Call back after the budget meeting"));
}

void TestMainWindow::aDrillDownIsNotCalledAnImport() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);
    auto *model = qobject_cast<LeadTableModel *>(table->model());
    QTRY_COMPARE(countLabel(window), QStringLiteral("10 leads"));
    QTRY_VERIFY(model->versionAt(1).id > 0);
    LeadFilter bar;
    bar.ids = {model->versionAt(0).id, model->versionAt(1).id};
    window.drillDown(bar, QStringLiteral("reached qualified"));
    QTRY_COMPARE(countLabel(window), QStringLiteral("2 leads"));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("drillDownLabel"))->text(),
             QStringLiteral("From the charts: reached qualified"));
    window.drillBack();
    QTRY_COMPARE(countLabel(window), QStringLiteral("10 leads"));
}

void TestMainWindow::aConflictShowsBothValuesAndKeepsMineWhenAsked() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);
    auto *model = qobject_cast<LeadTableModel *>(table->model());
    column(table, LeadTableModel::NameColumn); // every row loaded
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(model->index(1, LeadTableModel::NameColumn)).center());
    auto *panel = window.findChild<LeadPanel *>(QStringLiteral("leadPanel"));
    QTRY_COMPARE(panel->lead().id, model->versionAt(1).id);
    const qint64 id = panel->lead().id;
    // Someone else assigns the lead while it is on screen.
    QVERIFY(LeadWriter(m_db->database())
                .update(id, 0, LeadChanges().set(QStringLiteral("owner"), QStringLiteral("kim")),
                        QStringLiteral("kim"))
                .ok());

    auto *owner = panel->findChild<QLineEdit *>(QStringLiteral("ownerEdit"));
    owner->setFocus();
    QTest::keyClicks(owner, QStringLiteral("sam"));
    QTest::keyClick(owner, Qt::Key_Return);
    ConflictDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<ConflictDialog *>()) != nullptr);
    QTRY_VERIFY(dialog->isVisible());
    auto *theirs = dialog->findChild<QRadioButton *>(QStringLiteral("theirs_owner"));
    auto *mine = dialog->findChild<QRadioButton *>(QStringLiteral("mine_owner"));
    QCOMPARE(theirs->text(), QStringLiteral("kim"));
    QCOMPARE(mine->text(), QStringLiteral("sam"));
    // Nothing was overwritten, and the table shows what is stored now.
    QCOMPARE(LeadRepository(m_db->database()).lead(id)->owner, QStringLiteral("kim"));
    QTRY_COMPARE(model->index(1, LeadTableModel::OwnerColumn).data().toString(),
                 QStringLiteral("kim"));

    // On the round indicator: a radio button takes clicks on its indicator and text only.
    QTest::mouseClick(mine, Qt::LeftButton, {}, QPoint(8, mine->height() / 2));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("conflictApply")),
                      Qt::LeftButton);
    QTRY_COMPARE(LeadRepository(m_db->database()).lead(id)->owner, QStringLiteral("sam"));
    QTRY_COMPARE(model->index(1, LeadTableModel::OwnerColumn).data().toString(),
                 QStringLiteral("sam"));
    QTRY_COMPARE(owner->text(), QStringLiteral("sam"));
}

void TestMainWindow::aStageKeyChangesTheLeadAndUndoPutsItBack() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);
    auto *model = qobject_cast<LeadTableModel *>(table->model());
    column(table, LeadTableModel::NameColumn); // every row loaded
    table->setFocus();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(model->index(1, LeadTableModel::NameColumn)).center());
    const qint64 id = model->versionAt(1).id;
    const auto storedStage = [&] { return LeadRepository(m_db->database()).lead(id)->stage; };
    // 4 is Qualified, the fourth stage of the pipeline.
    QTest::keyClick(table, Qt::Key_4);
    QTRY_COMPARE(storedStage(), Stage::Qualified);
    QTRY_COMPARE(model->index(1, LeadTableModel::StageColumn).data().toString(),
                 QStringLiteral("Qualified"));
    // J moves on; the next lead is untouched.
    QTest::keyClick(table, Qt::Key_J);
    QCOMPARE(table->currentIndex().row(), 2);
    QCOMPARE(LeadRepository(m_db->database()).lead(model->versionAt(2).id)->stage, Stage::New);
    auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
    QTRY_VERIFY(undo->isEnabled());
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(storedStage(), Stage::New);
    // Typing in a field never changes a lead: the key goes to the field.
    auto *owner = window.findChild<QLineEdit *>(QStringLiteral("ownerEdit"));
    QVERIFY(owner);
    owner->setFocus();
    QTest::keyClick(owner, Qt::Key_5);
    QTest::qWait(200);
    QCOMPARE(LeadRepository(m_db->database()).lead(model->versionAt(2).id)->stage, Stage::New);
}

void TestMainWindow::aBulkAssignIsOneUndoStep() {
    QSettings(QStringLiteral("Leadbench"), QStringLiteral("Leadbench"))
        .setValue(QStringLiteral("user/name"), QStringLiteral("sam"));
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);
    auto *model = qobject_cast<LeadTableModel *>(table->model());
    column(table, LeadTableModel::NameColumn);
    table->setFocus();
    // Rows 0, 2 and 3 selected with Ctrl+click; row 1 left alone.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(model->index(0, 0)).center());
    for (int row : {2, 3})
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          table->visualRect(model->index(row, 0)).center());
    QList<qint64> chosen;
    for (int row : {0, 2, 3})
        chosen << model->versionAt(row).id;
    const qint64 other = model->versionAt(1).id;
    QTest::keyClick(table, Qt::Key_O);
    const auto owner = [&](qint64 id) { return LeadRepository(m_db->database()).lead(id)->owner; };
    for (qint64 id : chosen)
        QTRY_COMPARE(owner(id), QStringLiteral("sam"));
    QCOMPARE(owner(other), QString());
    QVERIFY2(countLabel(window).contains(QLatin1String("3 selected")),
             qPrintable(countLabel(window)));
    auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
    QTRY_VERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo Assign 3 leads to sam"));
    undo->trigger();
    for (qint64 id : chosen)
        QTRY_COMPARE(owner(id), QString());
    QTRY_VERIFY(!undo->isEnabled()); // one step, all three
}

void TestMainWindow::copyPutsTheSelectedRowsOnTheClipboard() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);
    auto *model = qobject_cast<LeadTableModel *>(table->model());
    const QStringList names = column(table, LeadTableModel::NameColumn);
    table->setFocus();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(model->index(0, 0)).center());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                      table->visualRect(model->index(1, 0)).center());
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    const QStringList lines =
        QGuiApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith(QLatin1String("Name\tCompany\tStage")));
    QVERIFY(lines.at(1).startsWith(names.at(0) + QLatin1Char('\t')));
    QVERIFY(lines.at(2).startsWith(names.at(1) + QLatin1Char('\t')));
}

void TestMainWindow::exportWritesTheShownColumnsAndRows() {
    ExportingWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);
    clickRow(storefronts(window), 1); // AppSource
    QTRY_COMPARE(table->model()->rowCount(), 5);
    // Company first, then the name; only those two and the score shown.
    QHeaderView *header = table->horizontalHeader();
    for (int c = 0; c < LeadTableModel::ColumnCount; ++c)
        header->setSectionHidden(c, c != LeadTableModel::NameColumn &&
                                        c != LeadTableModel::CompanyColumn &&
                                        c != LeadTableModel::ScoreColumn);
    header->moveSection(header->visualIndex(LeadTableModel::CompanyColumn), 0);
    const QStringList companies = column(table, LeadTableModel::CompanyColumn);

    QTemporaryDir dir;
    window.answer = dir.filePath(QStringLiteral("appsource.csv"));
    window.findChild<QAction *>(QStringLiteral("exportCsvAction"))->trigger();
    QTRY_COMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Exported 5 leads to appsource.csv"));
    QCOMPARE(
        QFileInfo(window.suggested).fileName(),
        QStringLiteral("leads-appsource-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));

    const QList<QStringList> rows = csvRows(window.answer);
    QCOMPARE(rows.size(), 6);
    QCOMPARE(rows.first(), (QStringList{QStringLiteral("company"), QStringLiteral("first_name"),
                                        QStringLiteral("last_name"), QStringLiteral("score")}));
    QStringList exported;
    for (qsizetype i = 1; i < rows.size(); ++i)
        exported << rows.at(i).value(0);
    QCOMPARE(exported, companies); // the table's rows, in the table's order
}

void TestMainWindow::exportSelectionWritesTheSelectedLeadsOnly() {
    ExportingWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);
    auto *model = qobject_cast<LeadTableModel *>(table->model());
    const QStringList companies = column(table, LeadTableModel::CompanyColumn);
    auto *action = window.findChild<QAction *>(QStringLiteral("exportSelectionAction"));
    QVERIFY(action);
    table->clearSelection();
    QVERIFY(!action->isEnabled());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(model->index(1, 0)).center());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      table->visualRect(model->index(3, 0)).center());
    QVERIFY(action->isEnabled());
    // The table's context menu offers it where the pointer is.
    emit table->customContextMenuRequested(table->visualRect(model->index(3, 0)).center());
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
    QVERIFY(menu->actions().contains(action));
    menu->close();

    QTemporaryDir dir;
    window.answer = dir.filePath(QStringLiteral("two.csv"));
    action->trigger();
    QTRY_COMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Exported 2 leads to two.csv"));
    const QList<QStringList> rows = csvRows(window.answer);
    QCOMPARE(rows.size(), 3);
    const qsizetype company = rows.first().indexOf(QStringLiteral("company"));
    QVERIFY(company >= 0);
    QCOMPARE((QStringList{rows.at(1).value(company), rows.at(2).value(company)}),
             (QStringList{companies.at(1), companies.at(3)}));
}

void TestMainWindow::exportForSalesforceUsesItsOwnLayout() {
    ExportingWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);
    clickRow(storefronts(window), 2); // Azure Marketplace
    QTRY_COMPARE(table->model()->rowCount(), 3);
    // The columns shown do not matter: Salesforce reads its own.
    table->horizontalHeader()->hideSection(LeadTableModel::CompanyColumn);

    QTemporaryDir dir;
    window.answer = dir.filePath(QStringLiteral("salesforce.csv"));
    window.findChild<QAction *>(QStringLiteral("exportSalesforceAction"))->trigger();
    QTRY_COMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Exported 3 leads to salesforce.csv"));
    QCOMPARE(QFileInfo(window.suggested).fileName(),
             QStringLiteral("leads-azure-marketplace-salesforce-%1.csv")
                 .arg(QDate::currentDate().toString(Qt::ISODate)));
    LeadExporter::Options salesforce;
    salesforce.format = LeadExporter::Format::Salesforce;
    const QStringList expected = LeadExporter::headers(salesforce);
    QVERIFY(expected.contains(QStringLiteral("Company")));
    const QList<QStringList> rows = csvRows(window.answer);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.first(), expected);
}

void TestMainWindow::exportToAFolderThatIsNotThereNamesTheFile() {
    ExportingWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTemporaryDir dir;
    window.answer = dir.filePath(QStringLiteral("gone/leads.xlsx"));
    window.findChild<QAction *>(QStringLiteral("exportExcelAction"))->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("exportFailedMessage"))));
    QVERIFY2(box->text().contains(QLatin1String("leads.xlsx")), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(window.answer), qPrintable(box->informativeText()));
    QVERIFY(!QFileInfo::exists(window.answer));
    box->close();
}

QTEST_MAIN(TestMainWindow)
void TestMainWindow::fitsALaptopScreen() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // A 1366×768 laptop: the window, at its smallest, fits across.
    QVERIFY2(window.minimumSizeHint().width() <= 1366,
             qPrintable(QString::number(window.minimumSizeHint().width())));
    window.resize(1366, 700);
    QTRY_COMPARE(window.width(), 1366);
    // The queues keep their names whole.
    auto *queues = window.findChild<QListView *>(QStringLiteral("storefrontView"));
    QVERIFY(queues);
    for (int row = 0; row < queues->model()->rowCount(); ++row) {
        const QString text = queues->model()->index(row, 0).data().toString();
        QVERIFY2(queues->fontMetrics().horizontalAdvance(text) <= queues->viewport()->width(),
                 qPrintable(text));
    }
}

void TestMainWindow::theDueQueueOpensItsLeadAndFollowsEdits() {
    QSettings(QStringLiteral("Leadbench"), QStringLiteral("Leadbench"))
        .setValue(QStringLiteral("user/name"), QStringLiteral("sam"));
    const QList<Lead> all = LeadRepository(m_db->database()).list(LeadFilter(), LeadSort(), 20);
    const Lead due = all.at(3);
    const UpdateResult r =
        LeadWriter(m_db->database())
            .update(due.id, 0,
                    LeadChanges()
                        .set(QStringLiteral("owner"), QStringLiteral("sam"))
                        .set(QStringLiteral("next_follow_up_at"),
                             LeadColumns::isoUtc(QDateTime::currentDateTimeUtc().addDays(-1))),
                    {});
    QVERIFY2(r.ok(), qPrintable(r.error));
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("dueQueueDock"));
    QVERIFY(dock && dock->isVisible());
    DueQueuePanel *queue = window.dueQueue();
    column(leads(window), LeadTableModel::NameColumn); // every row of the table is there
    QTRY_COMPARE(queue->model()->rowCount(), 1);
    QVERIFY(queue->model()->index(0, 0).data().toString().startsWith(QStringLiteral("Overdue")));
    queue->view()->setFocus();
    queue->view()->setCurrentIndex(queue->model()->index(0, 0));
    QTest::keyClick(queue->view(), Qt::Key_Return);
    auto *panel = window.findChild<LeadPanel *>(QStringLiteral("leadPanel"));
    QTRY_COMPARE(panel->lead().id, due.id);
    QTRY_COMPARE(leads(window)->currentIndex().data(LeadTableModel::LeadIdRole).toLongLong(),
                 due.id);
    // Done for now: the follow-up cleared in the panel leaves the queue.
    QTest::mouseClick(window.findChild<QCheckBox *>(QStringLiteral("followUpCheck")),
                      Qt::LeftButton);
    QTRY_VERIFY(!LeadRepository(m_db->database()).lead(due.id)->nextFollowUpAt.isValid());
    QTRY_COMPARE(queue->model()->rowCount(), 0);
    // Lead → Who am I: another rep's name shows that rep's queue at once, without a restart.
    const Lead kims = all.at(5);
    QVERIFY(
        LeadWriter(m_db->database())
            .update(kims.id, 0,
                    LeadChanges()
                        .set(QStringLiteral("owner"), QStringLiteral("kim"))
                        .set(QStringLiteral("next_follow_up_at"),
                             LeadColumns::isoUtc(QDateTime::currentDateTimeUtc().addSecs(-3600))),
                    {})
            .ok());
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->setTextValue(QStringLiteral("kim"));
        dialog->accept();
    });
    auto *who = window.findChild<LeadActions *>()->menu()->findChild<QAction *>(
        QStringLiteral("whoAmIAction"));
    QVERIFY(who);
    who->trigger();
    QTRY_COMPARE(queue->model()->rowCount(), 1);
    QCOMPARE(queue->model()->followUpAt(0)->lead.id, kims.id);
    QCOMPARE(window.findChild<LeadEditor *>()->actor(), QStringLiteral("kim"));
    // Nurture → Due queue hides and shows it.
    auto *action = window.findChild<QAction *>(QStringLiteral("dueQueueAction"));
    QVERIFY(action);
    action->trigger();
    QVERIFY(!dock->isVisible());
}

void TestMainWindow::leadsPastTheFirstTouchTargetAreMarkedAndFiltered() {
    // The sample leads arrived long ago and nobody touched them; one has been touched since.
    const QList<Lead> all = LeadRepository(m_db->database()).list(LeadFilter(), LeadSort(), 20);
    const qint64 touched = all.first().id;
    QVERIFY(LeadWriter(m_db->database())
                .update(touched, 0, LeadChanges().set(QStringLiteral("follow_ups"), 1), {})
                .ok());
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);
    auto *model = qobject_cast<LeadTableModel *>(table->model());
    column(table, LeadTableModel::NameColumn);
    int marked = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex created = model->index(row, LeadTableModel::CreatedAtColumn);
        const bool breached = created.data(LeadTableModel::SlaBreachedRole).toBool();
        QCOMPARE(breached, created.data(LeadTableModel::LeadIdRole).toLongLong() != touched);
        if (breached) {
            ++marked;
            QVERIFY2(created.data(Qt::ToolTipRole)
                         .toString()
                         .contains(QStringLiteral("past the first-touch target of 24 hours")),
                     qPrintable(created.data(Qt::ToolTipRole).toString()));
        }
    }
    QCOMPARE(marked, 9);
    auto *pastSla = window.findChild<QCheckBox *>(QStringLiteral("filterPastSla"));
    QVERIFY(pastSla);
    QTest::mouseClick(pastSla, Qt::LeftButton);
    QTRY_COMPARE(countLabel(window).section(QLatin1Char(' '), 0, 1), QStringLiteral("9 leads"));
    QVERIFY(window.findChild<QWidget *>(QStringLiteral("chip_pastSla")));
}

void TestMainWindow::theLeadMenuEnrollsTheSelectionInACadence() {
    MainWindow window(m_db->database());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = leads(window);
    auto *model = qobject_cast<LeadTableModel *>(table->model());
    column(table, LeadTableModel::NameColumn);
    table->setFocus();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(model->index(0, 0)).center());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      table->visualRect(model->index(2, 0)).center());
    const QList<qint64> chosen{model->versionAt(0).id, model->versionAt(2).id};
    QString title;
    QTimer::singleShot(0, this, [&title] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        title = dialog->labelText();
        dialog->setTextValue(QStringLiteral("Contact me"));
        dialog->accept();
    });
    QTest::keyClick(table, Qt::Key_E);
    QCOMPARE(title, QStringLiteral("Cadence for 2 leads:"));
    const auto cadence = [&](qint64 id) {
        return FollowUpPlanStore(m_db->database()).plan(id)->cadence;
    };
    for (qint64 id : chosen)
        QTRY_COMPARE(cadence(id), QStringLiteral("Contact me"));
    QCOMPARE(cadence(model->versionAt(1).id), QString());
    auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
    QTRY_VERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo Enroll 2 leads in Contact me"));
    undo->trigger();
    for (qint64 id : chosen)
        QTRY_COMPARE(cadence(id), QString());
}

#include "tst_mainwindow.moc"
