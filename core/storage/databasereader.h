#pragma once

#include "database.h"

#include <QList>
#include <QMutex>
#include <QWaitCondition>

#include <functional>
#include <memory>

class QThread;

// A thread of its own that reads one database for a view, so that the view's thread never
// waits for it: jobs run one at a time in the order posted, on a connection the thread opens
// on first use, keeps while idle, and closes when the reader goes.
class DatabaseReader {
public:
    // Runs on the reader thread; returns false when its read failed.
    using Job = std::function<bool(const Database &db)>;

    explicit DatabaseReader(const Database &db);
    // Drops the jobs that have not started, waits for the running one, and closes the thread's
    // connection on the thread that opened it.
    ~DatabaseReader();
    DatabaseReader(const DatabaseReader &) = delete;
    DatabaseReader &operator=(const DatabaseReader &) = delete;

    // Queues a job after every job posted before it.
    void post(Job job);

private:
    void run();

    Database m_db;
    QMutex m_mutex;
    QWaitCondition m_wake;
    QList<Job> m_jobs;
    bool m_stopping = false;
    std::unique_ptr<QThread> m_thread;
};
