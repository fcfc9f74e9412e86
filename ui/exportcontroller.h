#pragma once

#include "core/io/leadexporter.h"
#include "core/storage/database.h"
#include "core/storage/leadfilter.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class QProgressDialog;
class QThreadPool;
class QWidget;

// Runs one export at a time on a worker thread with a database connection of its own, behind
// a progress dialog whose Cancel leaves no file; the window stays usable meanwhile and hears
// how the export ended.
class ExportController : public QObject {
    Q_OBJECT
public:
    struct Request {
        LeadFilter filter;
        LeadSort sort;
        LeadExporter::Options options;
        QString path;
    };

    // The progress dialog and error messages are shown over `window`.
    ExportController(const Database &db, QWidget *window);
    // Cancels a running export and waits for it, so that no half-written file is left behind.
    ~ExportController() override;

    bool isRunning() const { return m_running; }
    // Starts writing `request.path`; false when an export is already running.
    bool start(const Request &request);

    // The canonical columns an export writes for the table's shown columns, in their order:
    // the shown name becomes first_name and last_name.
    static QStringList exportColumns(const QStringList &tableColumns);
    // "leads-appsource-2026-12-01.xlsx": the storefront shown (if one), the day, the format's
    // suffix.
    static QString defaultFileName(const LeadFilter &filter, LeadExporter::Format format,
                                   const QDate &day, bool selection = false);
    // The file dialog's name filter for a format.
    static QString nameFilter(LeadExporter::Format format);

public slots:
    void cancel();

signals:
    void progress(qint64 done, qint64 total);
    // The file is complete: `rows` leads are in it.
    void exported(qint64 rows, const QString &path);
    // Nothing was written; `message` names the file. Also shown in a message box.
    void failed(const QString &message);
    // Cancelled by the user; no file was left.
    void cancelled(const QString &path);

private:
    void showProgress(qint64 done, qint64 total);
    void done(const LeadExporter::Result &result);

    Database m_db;
    QPointer<QWidget> m_window;
    bool m_running = false;
    QString m_path;
    std::atomic_bool m_cancel = false;
    QProgressDialog *m_dialog = nullptr;
    std::unique_ptr<QThreadPool> m_pool;
};
