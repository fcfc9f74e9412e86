#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>

class MainWindow;
class QTableView;
class LeadTableModel;
class QTimer;

// Runs what a rep does on a big library in the real window — first paint, Ctrl+End and back,
// a drag of the scrollbar, a text filter, a sort change — and measures how long each took, how
// long the GUI thread ever stalled, and the memory in use (leadbench --measure).
class WorkbenchMeasurement : public QObject {
    Q_OBJECT
public:
    // `sinceStart` runs from the program's start: first paint is measured from there.
    WorkbenchMeasurement(MainWindow *window, const QElapsedTimer &sinceStart,
                         QObject *parent = nullptr);
    void start();

signals:
    // {"rows","first_paint_ms","max_stall_ms","filter_ms","sort_ms","rss_mb"}
    void finished(const QJsonObject &figures);

private:
    // Runs the event loop until `ready` holds or `timeoutMs` passed; false on a time-out.
    bool waitFor(const std::function<bool()> &ready, int timeoutMs = 30000);
    bool rowShown(int row) const;
    void run();

    MainWindow *m_window;
    QTableView *m_view = nullptr;
    LeadTableModel *m_model = nullptr;
    QElapsedTimer m_sinceStart;
    QTimer *m_heartbeat = nullptr;
    QElapsedTimer m_lastBeat;
    qint64 m_maxStallMs = 0;
};
