#pragma once

#include <QObject>
#include <QString>

class MainWindow;
class QLineEdit;

// Walks the window through the views people judge it by and saves a picture of each into a
// folder (leadbench --screenshots DIR): what `./dev screenshots` puts in docs/screenshots.
class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    // Files are named after the view, with `suffix` before ".png" ("-dark", "-nl").
    ScreenshotTour(MainWindow *window, const QString &folder, const QString &suffix,
                   QObject *parent = nullptr);
    void start();

signals:
    void finished(bool ok);

private:
    void run();
    // The Due queue of a demo rep, and the follow-up section of its first lead.
    void nurtureTour();
    // The import wizard's pages over a small Dutch file, and its leads in the table.
    void importTour();
    // The Scoring dialog: its rules with the grade preview, and the win probability's quality.
    void scoringTour();
    // The Charts tab over the demo leads, and a drill-down from its funnel into the table.
    void chartsTour();
    bool save(QWidget *widget, const QString &name);
    void settle(int ms);
    void type(QLineEdit *field, const QString &text);

    MainWindow *m_window;
    QString m_folder;
    QString m_suffix;
    bool m_ok = true;
};
