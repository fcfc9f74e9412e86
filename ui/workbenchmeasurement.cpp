#include "workbenchmeasurement.h"

#include "mainwindow.h"
#include "models/leadtablemodel.h"

#include <QApplication>
#include <QFile>
#include <QKeyEvent>
#include <QScrollBar>
#include <QTableView>
#include <QThread>
#include <QTimer>

namespace {

// Resident memory from /proc: what the rep's machine actually gives the program.
double residentMegabytes() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

} // namespace

WorkbenchMeasurement::WorkbenchMeasurement(MainWindow *window, const QElapsedTimer &sinceStart,
                                           QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_sinceStart(sinceStart) {}

bool WorkbenchMeasurement::waitFor(const std::function<bool()> &ready, int timeoutMs) {
    QElapsedTimer waited;
    waited.start();
    while (!ready()) {
        if (waited.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(1);
    }
    return true;
}

bool WorkbenchMeasurement::rowShown(int row) const {
    return m_model->rowCount() == 0 ||
           m_model->index(row, 0).data(LeadTableModel::LeadIdRole).toLongLong() > 0;
}

void WorkbenchMeasurement::start() {
    m_view = m_window->findChild<QTableView *>(QStringLiteral("leadView"));
    m_model = m_view ? qobject_cast<LeadTableModel *>(m_view->model()) : nullptr;
    // A beat every 5 ms: the longest gap between two is the longest the GUI thread was busy.
    m_heartbeat = new QTimer(this);
    m_heartbeat->setInterval(5);
    connect(m_heartbeat, &QTimer::timeout, this,
            [this] { m_maxStallMs = std::max(m_maxStallMs, m_lastBeat.restart() - 5); });
    QTimer::singleShot(0, this, &WorkbenchMeasurement::run);
}

void WorkbenchMeasurement::run() {
    QJsonObject figures;
    if (!m_model) {
        emit finished(figures);
        return;
    }
    // First paint: the count is in and the first row's lead is there to be drawn.
    waitFor([this] { return !m_model->isCounting() && rowShown(0); });
    m_view->viewport()->repaint();
    figures.insert(QStringLiteral("rows"), m_model->totalCount());
    figures.insert(QStringLiteral("first_paint_ms"), m_sinceStart.elapsed());

    m_lastBeat.start();
    m_heartbeat->start();
    auto key = [this](int k) {
        QKeyEvent press(QEvent::KeyPress, k, Qt::ControlModifier);
        QApplication::sendEvent(m_view, &press);
    };
    m_view->setFocus();
    key(Qt::Key_End);
    waitFor([this] { return rowShown(m_model->rowCount() - 1); });
    key(Qt::Key_Home);
    waitFor([this] { return rowShown(0); });
    // A drag: the scrollbar through the whole list in 40 steps, each shown before the next.
    QScrollBar *bar = m_view->verticalScrollBar();
    for (int step = 1; step <= 40; ++step) {
        bar->setValue(bar->maximum() * step / 40);
        const int row = m_view->rowAt(0);
        waitFor([this, row] { return row < 0 || rowShown(row); });
    }
    bar->setValue(0);

    QElapsedTimer timer;
    timer.start();
    LeadFilter filter = m_model->filter();
    filter.search = QStringLiteral("smith");
    m_model->setFilter(filter);
    waitFor([this] { return !m_model->isCounting() && rowShown(0); });
    figures.insert(QStringLiteral("filter_ms"), timer.elapsed());

    timer.restart();
    m_view->sortByColumn(LeadTableModel::ScoreColumn, Qt::DescendingOrder);
    waitFor([this] { return rowShown(0); });
    figures.insert(QStringLiteral("sort_ms"), timer.elapsed());

    m_heartbeat->stop();
    figures.insert(QStringLiteral("max_stall_ms"), m_maxStallMs);
    figures.insert(QStringLiteral("rss_mb"), qRound(residentMegabytes() * 10) / 10.0);
    emit finished(figures);
}
