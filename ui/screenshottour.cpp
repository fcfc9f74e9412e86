#include "screenshottour.h"

#include "conflictdialog.h"
#include "leadpanel.h"
#include "mainwindow.h"
#include "models/leadtablemodel.h"
#include "shortcutsdialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTableView>
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

    emit finished(m_ok);
}
