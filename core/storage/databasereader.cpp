#include "databasereader.h"

#include <QMutexLocker>
#include <QThread>

DatabaseReader::DatabaseReader(const Database &db)
    : m_db(db) {
    // A thread that lives as long as the reader, not a pool thread: a pool ends idle threads,
    // and with them the connection a view was counting on.
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("leadbench-reader"));
    m_thread->start();
}

DatabaseReader::~DatabaseReader() {
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_jobs.clear();
    }
    m_wake.wakeAll();
    m_thread->wait();
}

void DatabaseReader::post(Job job) {
    {
        QMutexLocker lock(&m_mutex);
        m_jobs.append(std::move(job));
    }
    m_wake.wakeOne();
}

void DatabaseReader::run() {
    for (;;) {
        Job job;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stopping && m_jobs.isEmpty())
                m_wake.wait(&m_mutex);
            if (m_stopping)
                break;
            job = m_jobs.takeFirst();
        }
        // A failed read may have lost its connection (a server restart, a dropped network):
        // the next job then opens a fresh one instead of failing on the dead one.
        if (!job(m_db))
            m_db.closeThreadConnection();
    }
    m_db.closeThreadConnection();
}
