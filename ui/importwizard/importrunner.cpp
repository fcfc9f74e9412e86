#include "importrunner.h"

#include <QThreadPool>

ImportRunner::ImportRunner(const Database &db, const QString &actor, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_actor(actor)
    , m_pool(std::make_unique<QThreadPool>()) {
    m_pool->setMaxThreadCount(1);
}

ImportRunner::~ImportRunner() {
    m_cancel.store(true);
    m_pool->waitForDone();
}

bool ImportRunner::start(const QString &path, const ImportOptions &options) {
    if (m_running)
        return false;
    m_running = true;
    m_cancel.store(false);
    const quint64 run = ++m_run;
    // The destructor waits for the worker, so `this` outlives every use of it there.
    m_pool->start([this, db = m_db, actor = m_actor, path, options, run] {
        LeadImporter importer(db, actor);
        importer.setOptions(options);
        importer.setCancelFlag(&m_cancel);
        importer.setProgressHandler([this, run](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                this,
                [this, run, done, total] {
                    if (run == m_run && m_running)
                        emit progress(done, total);
                },
                Qt::QueuedConnection);
        });
        const ImportSummary summary = importer.importFile(path);
        // The pool thread may idle for a while: let the database go now.
        db.closeThreadConnection();
        QMetaObject::invokeMethod(
            this,
            [this, summary] {
                m_running = false;
                emit finished(summary);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void ImportRunner::cancel() {
    if (m_running)
        m_cancel.store(true);
}
