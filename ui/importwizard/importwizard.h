#pragma once

#include "core/io/importoptions.h"
#include "core/io/importpreview.h"
#include "core/io/leadimporter.h"
#include "core/storage/database.h"

#include <QList>
#include <QWizard>

class ImportDuplicatesPage;
class ImportFilePage;
class ImportMappingPage;
class ImportProgressPage;
class ImportResultPage;
class ImportValidationPage;

// File → Import…: takes a file from choosing it to the leads in the table — how it is read,
// what its columns mean, what would be rejected, what to do with leads already stored — and
// imports it on a worker thread in one transaction that a cancel rolls back.
class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum Page { FilePage, MappingPage, ValidationPage, DuplicatesPage, ProgressPage, ResultPage };

    // `actor` is the person the imported leads' history names.
    ImportWizard(const Database &db, const QString &actor, QWidget *parent = nullptr);
    ~ImportWizard() override;

    const Database &database() const { return m_db; }
    QString actor() const { return m_actor; }

    // The file to import; reads its preview.
    void setFile(const QString &path);
    QString file() const;

    // What the pages chose so far: the file page's reading, the mapping page's columns, the
    // duplicates page's choice.
    ImportOptions options() const { return m_options; }
    void setOptions(const ImportOptions &options) { m_options = options; }
    // The file's first records as last read for the current options.
    const ImportPreview &preview() const { return m_preview; }
    void setPreview(const ImportPreview &preview) { m_preview = preview; }
    // The dry run's findings and the import's outcome.
    const ImportSummary &check() const { return m_check; }
    void setCheck(const ImportSummary &summary) { m_check = summary; }
    const ImportSummary &result() const { return m_result; }
    void setResult(const ImportSummary &summary);

    ImportFilePage *filePage() const { return m_filePage; }
    ImportMappingPage *mappingPage() const { return m_mappingPage; }
    ImportValidationPage *validationPage() const { return m_validationPage; }
    ImportProgressPage *progressPage() const { return m_progressPage; }
    ImportResultPage *resultPage() const { return m_resultPage; }

public slots:
    // Cancelling while the import runs cancels the import first; the wizard closes once its
    // transaction has rolled back.
    void reject() override;

signals:
    // The import stored leads (the table and the counts are out of date).
    void imported(const ImportSummary &summary);
    // "Show imported leads": the leads the import created or merged into.
    void showLeadsRequested(const QList<qint64> &ids);

private:
    Database m_db;
    QString m_actor;
    ImportOptions m_options;
    ImportPreview m_preview;
    ImportSummary m_check;
    ImportSummary m_result;
    ImportFilePage *m_filePage;
    ImportMappingPage *m_mappingPage;
    ImportValidationPage *m_validationPage;
    ImportDuplicatesPage *m_duplicatesPage;
    ImportProgressPage *m_progressPage;
    ImportResultPage *m_resultPage;
};
