#pragma once

#include "core/storage/database.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThreadPool;

// Fills a database with generated demo leads on a worker thread, reporting progress and
// taking a cancel at any time (the generator then adds nothing).
class DemoDataFiller : public QObject {
    Q_OBJECT
public:
    explicit DemoDataFiller(const Database &db, QObject *parent = nullptr);
    // Cancels a running fill and waits for it, so the database is left with all or nothing.
    ~DemoDataFiller() override;

    bool isRunning() const { return m_running; }
    // Starts adding `count` leads; false when a fill is already running.
    bool start(qint64 count, quint64 seed);

public slots:
    void cancel();

signals:
    void progress(qint64 done, qint64 total);
    // ok: every lead was added; otherwise none was, and error says why (a cancel included).
    void finished(bool ok, bool cancelled, qint64 generated, const QString &error);

private:
    Database m_db;
    bool m_running = false;
    std::atomic_bool m_cancel = false;
    std::unique_ptr<QThreadPool> m_pool;
};
