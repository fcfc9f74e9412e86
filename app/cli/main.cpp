#include "cli.h"

#include <QCoreApplication>
#ifdef LEADBENCH_CLI_CHARTS
#include <QApplication>
#endif
#include <QTextStream>

#include <cstdio>

#include <memory>

int main(int argc, char *argv[]) {
    QStringList words;
    for (int i = 1; i < argc; ++i)
        words << QString::fromLocal8Bit(argv[i]);
    std::unique_ptr<QCoreApplication> application;
#ifdef LEADBENCH_CLI_CHARTS
    // Drawing a chart needs fonts and widgets, but never a display.
    if (Cli::drawsCharts(words)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // The offscreen platform's notes on what it cannot do are no business of a report's
        // reader; the command's own errors still go to stderr as every command's do.
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                fprintf(stderr, "%s\n", qPrintable(text));
        });
        application = std::make_unique<QApplication>(argc, argv);
    }
#endif
    if (!application)
        application = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Leadbench"));
    QCoreApplication::setApplicationName(QStringLiteral("leadbench-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LEADBENCH_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    Cli cli(out, err);
    const int code = cli.run(app.arguments().mid(1));
    out.flush();
    err.flush();
    return code;
}
