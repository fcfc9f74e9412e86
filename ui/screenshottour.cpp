#include "screenshottour.h"

#include "mainwindow.h"
#include "models/leadtablemodel.h"
#include "shortcutsdialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
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

    ShortcutsDialog shortcuts(m_window);
    shortcuts.show();
    settle(300);
    save(&shortcuts, QStringLiteral("shortcuts"));
    shortcuts.close();

    emit finished(m_ok);
}
