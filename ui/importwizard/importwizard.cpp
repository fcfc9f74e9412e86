#include "importwizard.h"

#include "importduplicatespage.h"
#include "importfilepage.h"
#include "importmappingpage.h"
#include "importprogresspage.h"
#include "importresultpage.h"
#include "importvalidationpage.h"

ImportWizard::ImportWizard(const Database &db, const QString &actor, QWidget *parent)
    : QWizard(parent)
    , m_db(db)
    , m_actor(actor)
    , m_filePage(new ImportFilePage)
    , m_mappingPage(new ImportMappingPage(db))
    , m_validationPage(new ImportValidationPage(db, actor))
    , m_duplicatesPage(new ImportDuplicatesPage)
    , m_progressPage(new ImportProgressPage(db, actor))
    , m_resultPage(new ImportResultPage) {
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import Leads"));
    // The same look on every platform, and pages with room for a preview table.
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(FilePage, m_filePage);
    setPage(MappingPage, m_mappingPage);
    setPage(ValidationPage, m_validationPage);
    setPage(DuplicatesPage, m_duplicatesPage);
    setPage(ProgressPage, m_progressPage);
    setPage(ResultPage, m_resultPage);
    resize(940, 660);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::setFile(const QString &path) {
    m_filePage->setFile(path);
}

QString ImportWizard::file() const {
    return m_filePage->file();
}

void ImportWizard::setResult(const ImportSummary &summary) {
    m_result = summary;
    if (summary.ok() && !summary.dryRun)
        emit imported(summary);
}

void ImportWizard::reject() {
    if (m_progressPage->isRunning()) {
        m_progressPage->cancelImport();
        return; // the progress page moves on to the result page once the rollback is done
    }
    QWizard::reject();
}
