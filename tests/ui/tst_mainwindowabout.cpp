#include "sampleleaddatabase.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QTest>
#include <QTimer>

// Help → About as a user or a support desk reads it: which Leadbench, which Qt, which database,
// and under which licences the program and the libraries in it come.
class TestMainWindowAbout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { SampleLeadDatabase::isolateSettings(); }
    void namesVersionQtDatabaseAndLicences();
};

void TestMainWindowAbout::namesVersionQtDatabaseAndLicences() {
    QCoreApplication::setApplicationVersion(QStringLiteral(LEADBENCH_VERSION));
    SampleLeadDatabase sample;
    QVERIFY2(sample.isReady(), qPrintable(sample.error()));
    MainWindow window(sample.database());
    auto *about = window.findChild<QAction *>(QStringLiteral("aboutAction"));
    QVERIFY(about);

    QString text;
    QTimer::singleShot(0, &window, [&text] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
                text = box->text();
                box->accept();
            }
    });
    about->trigger();

    QVERIFY2(text.contains(QStringLiteral("Leadbench " LEADBENCH_VERSION)), qPrintable(text));
    // The Qt the program runs on, which may be newer than the one it was built with.
    QVERIFY2(text.contains(QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()))),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("built with Qt " QT_VERSION_STR)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("SQLite file ") + sample.path().toHtmlEscaped()),
             qPrintable(text));
    for (const char *licence :
         {"MIT licence", "LGPL version 3", "GPL version 3", "SQLite (public",
          "libxlsxwriter (BSD 2-clause", "zlib licence", "PostgreSQL licence"})
        QVERIFY2(text.contains(QLatin1String(licence)), licence);
}

QTEST_MAIN(TestMainWindowAbout)
#include "tst_mainwindowabout.moc"
