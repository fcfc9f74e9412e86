#include "screenshottour.h"

#include "charts/chartsdashboard.h"
#include "charts/funnelchart.h"
#include "conflictdialog.h"
#include "core/io/demoleadvocabulary.h"
#include "duequeuepanel.h"
#include "followupsection.h"
#include "importwizard/importfilepage.h"
#include "importwizard/importvalidationpage.h"
#include "importwizard/importwizard.h"
#include "leadpanel.h"
#include "mainwindow.h"
#include "models/duequeuemodel.h"
#include "models/leadtablemodel.h"
#include "scoringdialog.h"
#include "shortcutsdialog.h"
#include "winmodelpanel.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

ScreenshotTour::ScreenshotTour(MainWindow *window, const QString &folder, const QString &suffix,
                               QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_folder(folder)
    , m_suffix(suffix) {}

void ScreenshotTour::start() {
    QTimer::singleShot(0, this, &ScreenshotTour::run);
}

void ScreenshotTour::settle(int ms) {
    // Answers come from reader threads: let them arrive and be painted.
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(5);
    }
}

bool ScreenshotTour::save(QWidget *widget, const QString &name) {
    const QString file = QDir(m_folder).filePath(name + m_suffix + QStringLiteral(".png"));
    const bool ok = widget->grab().save(file);
    m_ok = m_ok && ok;
    return ok;
}

void ScreenshotTour::type(QLineEdit *field, const QString &text) {
    // As a person types: the field reacts to edits and Enter, not to a text set from outside.
    field->setFocus();
    field->selectAll();
    for (const QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(field, &press);
    }
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QCoreApplication::sendEvent(field, &enter);
}

void ScreenshotTour::run() {
    QDir().mkpath(m_folder);
    // A desktop monitor's window, whatever the offscreen screen's size.
    m_window->resize(1600, 900);
    settle(1500);
    // The workbench with the first lead current, as a rep finds it in the morning.
    if (auto *view = m_window->findChild<QTableView *>(QStringLiteral("leadView"))) {
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        view->selectRow(0);
    }
    settle(1000);
    save(m_window, QStringLiteral("workbench"));

    // A conflict: someone changed the lead's owner and stage while it was shown here.
    if (auto *panel = m_window->findChild<LeadPanel *>(QStringLiteral("leadPanel"));
        panel && panel->lead().id > 0) {
        Lead theirs = panel->lead();
        theirs.owner = QStringLiteral("kim.nguyen");
        theirs.stage = Stage::Contacted;
        theirs.version += 1;
        Lead mine = panel->lead();
        mine.owner = QStringLiteral("sam.patel");
        mine.stage = Stage::Qualified;
        ConflictDialog conflict(mine, theirs, {QStringLiteral("stage"), QStringLiteral("owner")},
                                m_window);
        conflict.show();
        settle(300);
        save(&conflict, QStringLiteral("conflict"));
        conflict.close();
    }

    // A filtered view: a search and a stage, shown as chips above the table.
    if (auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("filterSearch"))) {
        if (auto *stage = m_window->findChild<QComboBox *>(QStringLiteral("filterStage")))
            stage->setCurrentIndex(stage->findText(Stages::displayName(Stage::New)));
        type(search, QStringLiteral("fabrikam"));
        settle(1500);
        save(m_window, QStringLiteral("filtered"));
        type(search, QStringLiteral("no such customer anywhere"));
        settle(1500);
        save(m_window, QStringLiteral("no-match"));
    }

    ShortcutsDialog shortcuts(m_window);
    shortcuts.show();
    settle(300);
    save(&shortcuts, QStringLiteral("shortcuts"));
    shortcuts.close();

    nurtureTour();
    importTour();
    scoringTour();
    chartsTour();

    emit finished(m_ok);
}

void ScreenshotTour::nurtureTour() {
    // A demo rep's morning: their Due queue, and the first lead in it opened in the panel.
    DueQueuePanel *due = m_window->dueQueue();
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("dueQueueDock"));
    if (!due || !dock) {
        m_ok = false;
        return;
    }
    m_window->showDueQueue();
    m_window->resizeDocks({dock}, {300}, Qt::Vertical);
    due->model()->setOwner(DemoLeadVocabulary::owners.first());
    settle(300);
    for (int waited = 0; due->model()->isLoading() && waited < 100; ++waited)
        settle(100);
    settle(500);
    save(dock, QStringLiteral("due-queue"));
    // A lead in a cadence, opened as a rep opens it: Enter on its row.
    int row = 0;
    for (int r = 0; r < due->model()->rowCount(); ++r) {
        if (!due->model()->index(r, DueQueueModel::CadenceColumn).data().toString().isEmpty()) {
            row = r;
            break;
        }
    }
    due->view()->setFocus();
    due->view()->setCurrentIndex(due->model()->index(row, 0));
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QCoreApplication::sendEvent(due->view(), &enter);
    auto *section = m_window->findChild<FollowUpSection *>(QStringLiteral("followUpSection"));
    auto *panel = m_window->findChild<LeadPanel *>(QStringLiteral("leadPanel"));
    for (int waited = 0; section && section->isLoading() && waited < 100; ++waited)
        settle(100);
    settle(800);
    if (!section || !panel) {
        m_ok = false;
        return;
    }
    // The panel scrolled to the section, with the lead's name and contact above it.
    if (auto *scroll = panel->findChild<QScrollArea *>()) {
        scroll->ensureWidgetVisible(section, 0, 40);
        scroll->horizontalScrollBar()->setValue(0);
    }
    settle(300);
    save(panel, QStringLiteral("follow-up"));
    m_window->resizeDocks({dock}, {170}, Qt::Vertical);
}

void ScreenshotTour::scoringTour() {
    m_window->openScoring();
    auto *dialog = m_window->findChild<ScoringDialog *>();
    if (!dialog) {
        m_ok = false;
        return;
    }
    dialog->resize(900, 720);
    settle(500);
    for (int waited = 0; dialog->isPreviewing() && waited < 100; ++waited)
        settle(100);
    settle(300);
    save(dialog, QStringLiteral("scoring"));
    if (auto *tabs = dialog->findChild<QTabWidget *>(QStringLiteral("scoringTabs")))
        tabs->setCurrentIndex(1);
    if (auto *win = dialog->findChild<WinModelPanel *>()) {
        win->measure();
        for (int waited = 0; win->isMeasuring() && waited < 300; ++waited)
            settle(100);
    }
    settle(500);
    save(dialog, QStringLiteral("scoring-win"));
    dialog->close();
}

void ScreenshotTour::importTour() {
    // A trade-fair list as Dutch Excel saves it: semicolons, Windows-1252, one broken row.
    // Each run's addresses are its own, so that the dark run imports as many as the light one;
    // no company the earlier views search for, so that the dark run's views match the light's.
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("beurs-leads.csv"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            m_ok = false;
            return;
        }
        const QString run = m_suffix.isEmpty() ? QStringLiteral("light") : QStringLiteral("dark");
        QString text = QStringLiteral("Voornaam;Tussenvoegsel;Achternaam;E-mail;Bedrijf;Functie;"
                                      "Land;Telefoon;Aangemaakt\r\n");
        const QStringList rows{
            QStringLiteral("Jürgen;;Müller;j.mueller.%1@cafe-mueller.example;Café Müller;"
                           "Directeur;Duitsland;+49 30 5550 1200;14-03-2026"),
            QStringLiteral("Sanne;de;Vries;sanne.%1@devries.example;De Vries & Zn;Inkoper;"
                           "Nederland;020 555 0134;14-03-2026"),
            QStringLiteral("Ana;;O'Brien;ana.%1@lucerne.example;Lucerne;CEO;Ierland"),
            QStringLiteral("Piet;van;Dijk;piet.%1@dijk-ict.example;Dijk ICT;CTO;Nederland;"
                           "06 5550 9876;15-03-2026"),
            QStringLiteral(
                "Emma;;Jansen;emma.%1@wingtip.example;Wingtip Toys;Marketing;Belgi\u00eb;"
                "+32 2 555 0147;31-03-2026"),
            QStringLiteral("Lars;;Bakker;lars.%1@contoso.example;Contoso;IT-manager;Nederland;"
                           "010 555 0199;02-04-2026"),
        };
        for (const QString &row : rows)
            text += row.arg(run) + QStringLiteral("\r\n");
        file.write(text.toLatin1());
    }

    // Through the window, as File → Import… or a dropped file opens it.
    m_window->openImportWizard(path);
    auto *opened = m_window->findChild<ImportWizard *>();
    if (!opened) {
        m_ok = false;
        return;
    }
    ImportWizard &wizard = *opened;
    for (int waited = 0; wizard.filePage()->isReading() && waited < 50; ++waited)
        settle(100);
    settle(300);
    save(&wizard, QStringLiteral("import-file"));
    wizard.next();
    settle(500);
    save(&wizard, QStringLiteral("import-mapping"));
    wizard.next();
    for (int waited = 0; wizard.validationPage()->isChecking() && waited < 100; ++waited)
        settle(100);
    settle(300);
    save(&wizard, QStringLiteral("import-check"));
    wizard.next();
    settle(300);
    save(&wizard, QStringLiteral("import-duplicates"));
    wizard.next();
    for (int waited = 0; wizard.currentId() != ImportWizard::ResultPage && waited < 100; ++waited)
        settle(100);
    settle(300);
    save(&wizard, QStringLiteral("import-result"));
    if (auto *show = wizard.findChild<QAbstractButton *>(QStringLiteral("resultShowLeads")))
        show->click();
    settle(1500);
    save(m_window, QStringLiteral("imported"));
    if (auto *open = m_window->findChild<ImportWizard *>())
        open->close();
    m_window->showAllLeads();
    settle(1000);
}

void ScreenshotTour::chartsTour() {
    ChartsDashboard *charts = m_window->showCharts();
    settle(300);
    for (int waited = 0; charts->isLoading() && waited < 300; ++waited)
        settle(100);
    settle(800);
    save(m_window, QStringLiteral("charts"));
    // Every chart at once: a window tall enough for the dashboard's whole page.
    if (auto *page = charts->findChild<QWidget *>(QStringLiteral("chartsPage"))) {
        const QSize old = m_window->size();
        m_window->resize(1700, std::max(1500, page->sizeHint().height() + 200));
        settle(800);
        save(page, QStringLiteral("charts-all"));
        m_window->resize(old);
        settle(300);
    }
    // A click on the AppSource funnel's qualified step shows exactly those leads.
    charts->funnelChart()->clickStep(QStringLiteral("appsource"), FunnelStep::Qualified);
    settle(1500);
    save(m_window, QStringLiteral("charts-drilldown"));
    m_window->drillBack();
    settle(300);
}
