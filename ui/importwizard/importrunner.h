#pragma once

#include "core/io/importoptions.h"
#include "core/io/leadimporter.h"
#include "core/storage/database.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThreadPool;

// Runs one import (or its dry run) at a time on a worker thread with a database connection of
// its own, reporting progress and taking a cancel at any time: the import's transaction then
// rolls back and the database stays as it was.
class ImportRunner : public QObject {
    Q_OBJECT
public:
    ImportRunner(const Database &db, const QString &actor, QObject *parent = nullptr);
    // Cancels a running import and waits for its rollback.
    ~ImportRunner() override;

    bool isRunning() const { return m_running; }
    // Imports `path` as `options` say; false when one is already running.
    bool start(const QString &path, const ImportOptions &options);

public slots:
    void cancel();

signals:
    // Bytes of the file read so far, of `total`.
    void progress(qint64 done, qint64 total);
    void finished(const ImportSummary &summary);

private:
    Database m_db;
    QString m_actor;
    bool m_running = false;
    std::atomic_bool m_cancel = false;
    // Bumped by every start, so that progress of an earlier run is not shown for this one.
    quint64 m_run = 0;
    std::unique_ptr<QThreadPool> m_pool;
};
