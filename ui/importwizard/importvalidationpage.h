#pragma once

#include "core/io/leadimporter.h"
#include "core/storage/database.h"

#include <QWizardPage>

class ImportRunner;
class QLabel;
class QPushButton;
class QTableWidget;

// The import wizard's check before anything is stored: the whole file is run through the
// import without storing it, and the page says how many records would land, which would be
// changed on the way, and which would be rejected, by line and reason — and saves those as a
// CSV file to fix and import again.
class ImportValidationPage : public QWizardPage {
    Q_OBJECT
public:
    ImportValidationPage(const Database &db, const QString &actor, QWidget *parent = nullptr);
    ~ImportValidationPage() override;

    bool isChecking() const;
    // The rejected records as CSV: the file's header and their fields, and a Reason column.
    bool saveRejected(const QString &path, QString *error) const;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

signals:
    void checked(const ImportSummary &summary);

private:
    void checkArrived(const ImportSummary &summary);
    void askWhereToSave();

    ImportRunner *m_runner;
    ImportSummary m_summary;
    bool m_done = false;
    QLabel *m_counts;
    QLabel *m_warnings;
    QTableWidget *m_rejected;
    QPushButton *m_save;
    QLabel *m_saved;
};
