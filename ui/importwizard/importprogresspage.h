#pragma once

#include "core/io/leadimporter.h"
#include "core/storage/database.h"

#include <QElapsedTimer>
#include <QWizardPage>

class ImportRunner;
class QLabel;
class QProgressBar;
class QPushButton;

// The import wizard's import: runs on a worker thread with its own connection, shows how far
// it is and how fast, and takes a cancel that rolls the whole import back.
class ImportProgressPage : public QWizardPage {
    Q_OBJECT
public:
    ImportProgressPage(const Database &db, const QString &actor, QWidget *parent = nullptr);
    ~ImportProgressPage() override;

    bool isRunning() const;
    // Cancels the import; the wizard closes once it has rolled back.
    void cancelImport();

    void initializePage() override;
    bool isComplete() const override;

signals:
    // The import ended (imported, failed or cancelled) and the wizard moves on.
    void importFinished(const ImportSummary &summary);

private:
    void showProgress(qint64 done, qint64 total);
    void finished(const ImportSummary &summary);

    ImportRunner *m_runner;
    QLabel *m_label;
    QProgressBar *m_bar;
    QLabel *m_rate;
    QPushButton *m_cancel;
    QElapsedTimer m_clock;
    bool m_done = false;
    bool m_closeWhenDone = false;
};
