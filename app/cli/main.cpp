#include "cli.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
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
