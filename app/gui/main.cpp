#include "core/storage/database.h"
#include "core/storage/migrator.h"
#include "ui/darkpalette.h"
#include "ui/icons.h"
#include "ui/indicatorstyle.h"
#include "ui/languageloader.h"
#include "ui/mainwindow.h"
#include "ui/screenshottour.h"
#include "ui/workbenchmeasurement.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPalette>
#include <QTextStream>
#include <QTimer>

namespace {

constexpr int demoLeadCount = 10000;

// The value of --lang, read before the parser exists so that its help is in that language.
QString languageArgument(const QStringList &arguments) {
    const QString option = QStringLiteral("--lang");
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == option)
            return arguments.value(i + 1);
        if (arguments.at(i).startsWith(option + QLatin1Char('=')))
            return arguments.at(i).mid(option.size() + 1);
    }
    return {};
}

int fail(const QString &message) {
    QMessageBox::critical(nullptr, QApplication::translate("main", "Leadbench"), message);
    return 1;
}

// The Fusion style with dark colours, for desktops without a dark theme of their own.
void useDarkPalette(QApplication &app) {
    app.setStyle(new IndicatorStyle);
    app.setPalette(DarkPalette::make());
}

} // namespace

int main(int argc, char *argv[]) {
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Leadbench"));
    QApplication::setApplicationName(QStringLiteral("Leadbench"));
    QApplication::setApplicationVersion(QStringLiteral(LEADBENCH_VERSION));
    QApplication::setWindowIcon(Icons::application());

    // --lang for this run, else Settings → Language, else the system's language.
    const QString language = languageArgument(app.arguments());
    const bool knownLanguage = language.isEmpty() || LanguageLoader::languages().contains(language);
    LanguageLoader languageLoader;
    QString languageError;
    if (!languageLoader.install(LanguageLoader::localeFor(knownLanguage && !language.isEmpty()
                                                              ? language
                                                              : LanguageLoader::storedChoice()),
                                &languageError))
        QTextStream(stderr) << languageError << '\n';

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
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshots"),
        QApplication::translate("main", "Save pictures of the main views into FOLDER, then "
                                        "quit."),
        QApplication::translate("main", "FOLDER"));
    parser.addOption(screenshotOption);
    const QCommandLineOption measureOption(
        QStringLiteral("measure"),
        QApplication::translate("main", "Time the first paint, scrolling, a filter and a sort "
                                        "on this database, print them as one JSON line, and "
                                        "quit."));
    parser.addOption(measureOption);
    const QCommandLineOption darkOption(QStringLiteral("dark"),
                                        QApplication::translate("main", "Use a dark palette."));
    parser.addOption(darkOption);
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QApplication::translate("main", "Speak LANGUAGE (%1) in this run, whatever Settings → "
                                        "Language says.")
            .arg(LanguageLoader::languages().join(QStringLiteral(", "))),
        QApplication::translate("main", "LANGUAGE"));
    parser.addOption(langOption);
    parser.process(app);
    if (!knownLanguage) {
        QTextStream(stderr) << QApplication::translate("main",
                                                       "Unknown language \"%1\" for --lang: "
                                                       "Leadbench speaks %2.")
                                   .arg(language,
                                        LanguageLoader::languages().join(QStringLiteral(", ")))
                            << '\n';
        return 1;
    }
    if (parser.isSet(darkOption))
        useDarkPalette(app);

    const Database db = Database::fromLocation(parser.value(dbOption));
    if (!db.isValid())
        return fail(db.error());
    // Asked before opening, which creates the file.
    const bool newDatabase = db.isNewFile();
    QString error;
    if (!db.open(&error) || !Migrator(db).migrate(&error))
        return fail(error);

    MainWindow window(db);
    window.resize(1400, 820);
    window.show();
    if (parser.isSet(measureOption)) {
        auto *measurement = new WorkbenchMeasurement(&window, sinceStart, &window);
        QObject::connect(measurement, &WorkbenchMeasurement::finished, &app,
                         [](const QJsonObject &figures) {
                             QTextStream(stdout)
                                 << QJsonDocument(figures).toJson(QJsonDocument::Compact) << '\n';
                             QApplication::exit(figures.isEmpty() ? 1 : 0);
                         });
        measurement->start();
    } else if (parser.isSet(screenshotOption)) {
        // "-dark", "-nl", "-dark-nl": a language asked for on the command line is named, so
        // that English and Dutch pictures can share the folder.
        QString suffix = parser.isSet(darkOption) ? QStringLiteral("-dark") : QString();
        if (!language.isEmpty() && languageLoader.language() != QLatin1String("en"))
            suffix += QLatin1Char('-') + languageLoader.language();
        auto *tour = new ScreenshotTour(&window, parser.value(screenshotOption), suffix, &window);
        QObject::connect(tour, &ScreenshotTour::finished, &app,
                         [](bool ok) { QApplication::exit(ok ? 0 : 1); });
        tour->start();
    } else if (newDatabase) {
        window.fillDemoData(demoLeadCount);
    }
    return app.exec();
}
