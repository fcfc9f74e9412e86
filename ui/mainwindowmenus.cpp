// The main window's File, Settings and Help menus, and Help → About.
#include "languageloader.h"
#include "mainwindow.h"
#include "shortcutsdialog.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

void MainWindow::createMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    setTips(quit, tr("Close the window and end Leadbench"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refresh = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    setTips(refresh, tr("Read the queues, leads and counts from the database again"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        ShortcutsDialog dialog(this);
        dialog.exec();
    });
    keys->setObjectName(QStringLiteral("shortcutsAction"));
    keys->setShortcut(QKeySequence::HelpContents);
    setTips(keys, tr("Every key the workbench answers to"));
    QAction *about = help->addAction(tr("&About Leadbench"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    setTips(about, tr("The version, the Qt version and the database in use"));
}

void MainWindow::setTips(QAction *action, const QString &tip) {
    action->setToolTip(tip);
    action->setStatusTip(tip);
}

void MainWindow::createSettingsMenu() {
    auto *settings = new QMenu(tr("Se&ttings"), this);
    settings->setObjectName(QStringLiteral("settingsMenu"));
    QMenu *languages = settings->addMenu(tr("&Language"));
    languages->setObjectName(QStringLiteral("languageMenu"));
    languages->setToolTipsVisible(true);
    auto *group = new QActionGroup(languages);
    const QString chosen = LanguageLoader::storedChoice();
    const QStringList choices = QStringList{QString()} + LanguageLoader::languages();
    for (const QString &language : choices) {
        // Each language in its own words, so that a user who cannot read the current one
        // still finds theirs.
        QAction *choice = languages->addAction(
            language.isEmpty() ? tr("&System language") : LanguageLoader::nativeName(language));
        choice->setObjectName(language.isEmpty()
                                  ? QStringLiteral("languageSystemAction")
                                  : QStringLiteral("language_%1Action").arg(language));
        choice->setCheckable(true);
        choice->setChecked(language == chosen);
        choice->setData(language);
        const QString tip =
            language.isEmpty()
                ? tr("Speak the system's language; applies after a restart")
                : tr("Speak %1; applies after a restart").arg(LanguageLoader::nativeName(language));
        setTips(choice, tip);
        group->addAction(choice);
    }
    connect(group, &QActionGroup::triggered, this, [this](QAction *choice) {
        const QString language = choice->data().toString();
        if (language == LanguageLoader::storedChoice())
            return;
        LanguageLoader::storeChoice(language);
        const QString name =
            language.isEmpty() ? tr("the system's language") : LanguageLoader::nativeName(language);
        statusBar()->showMessage(tr("Leadbench speaks %1 after a restart").arg(name), 10000);
    });
    const QList<QAction *> menus = menuBar()->actions();
    menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), settings);
}

void MainWindow::showAbout() {
    const QString database = m_db.backend() == Database::Backend::PostgreSql
                                 ? tr("PostgreSQL server %1").arg(m_db.displayName())
                                 : tr("SQLite file %1").arg(m_db.displayName());
    // The Qt in use is the one the system has now, which may be newer than the one built against.
    QMessageBox::about(
        this, tr("About Leadbench"),
        tr("<h3>Leadbench %1</h3>"
           "<p>A desktop lead workbench for publishers selling through Microsoft's commercial "
           "marketplace: AppSource and Azure Marketplace.</p>"
           "<p>Database: %2<br>Qt %3 (built with Qt %4)</p>")
                .arg(QCoreApplication::applicationVersion().toHtmlEscaped(),
                     database.toHtmlEscaped(), QString::fromLatin1(qVersion()),
                     QStringLiteral(QT_VERSION_STR)) +
            tr("<p>Leadbench is free software under the MIT licence. It uses Qt under the GNU "
               "LGPL version 3, and Qt Charts under the GNU GPL version 3, so the program as "
               "a whole is distributed under the GPL version 3. It also uses SQLite (public "
               "domain), libxlsxwriter (BSD 2-clause licence), minizip and zlib (zlib "
               "licence), and for PostgreSQL the libpq client library (PostgreSQL licence).</p>"
               "<p>On Debian, each library's copyright file in /usr/share/doc holds its "
               "licence in full.</p>"));
}
