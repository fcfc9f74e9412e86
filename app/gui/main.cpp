#include "core/storage/database.h"
#include "core/storage/migrator.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

namespace {

constexpr int demoLeadCount = 10000;

int fail(const QString &message) {
    QMessageBox::critical(nullptr, QApplication::translate("main", "Leadbench"), message);
    return 1;
}

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Leadbench"));
    QApplication::setApplicationName(QStringLiteral("Leadbench"));
    QApplication::setApplicationVersion(QStringLiteral(LEADBENCH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Desktop lead workbench for Microsoft marketplace "
                                        "publishers"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QApplication::translate("main", "The lead database: a SQLite file or a "
                                        "postgresql://user@host:port/db URL."),
        QApplication::translate("main", "PATH|URL"), Database::defaultLocation());
    parser.addOption(dbOption);
    parser.process(app);

    const Database db = Database::fromLocation(parser.value(dbOption));
    if (!db.isValid())
        return fail(db.error());
    // Asked before opening, which creates the file.
    const bool newDatabase = db.isNewFile();
    QString error;
    if (!db.open(&error) || !Migrator(db).migrate(&error))
        return fail(error);

    MainWindow window(db);
    window.show();
    if (newDatabase)
        window.fillDemoData(demoLeadCount);
    return app.exec();
}
