#include "importduplicatespage.h"

#include "importwizard.h"

#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QVBoxLayout>

ImportDuplicatesPage::ImportDuplicatesPage(QWidget *parent)
    : QWizardPage(parent) {
    setObjectName(QStringLiteral("importDuplicatesPage"));
    setTitle(tr("Leads already stored"));
    setSubTitle(tr("A record of the same person and offer as a stored lead is a duplicate."));
    // Past this page the import runs: there is no going back into a running import.
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Import"));

    m_found = new QLabel;
    m_found->setObjectName(QStringLiteral("duplicatesFound"));
    m_found->setWordWrap(true);
    m_merge = new QRadioButton(tr("&Merge into the stored lead: the record becomes another "
                                  "event, and fields the lead lacks are filled in"));
    m_merge->setObjectName(QStringLiteral("duplicatesMerge"));
    m_skip = new QRadioButton(tr("&Skip the record: the stored lead stays as it is"));
    m_skip->setObjectName(QStringLiteral("duplicatesSkip"));
    m_merge->setChecked(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_found);
    layout->addSpacing(8);
    layout->addWidget(m_merge);
    layout->addWidget(m_skip);
    layout->addStretch(1);
}

void ImportDuplicatesPage::initializePage() {
    auto *w = qobject_cast<ImportWizard *>(wizard());
    if (!w)
        return;
    // The dry run merged as the default does: what it merged or found unchanged is stored.
    const qint64 stored = w->check().merged + w->check().unchanged;
    m_found->setText(stored == 0 ? tr("None of the records matches a stored lead.")
                     : stored == 1
                         ? tr("1 record matches a stored lead.")
                         : tr("%1 records match stored leads.").arg(QLocale().toString(stored)));
    const ImportOptions options = w->options();
    m_skip->setChecked(options.onDuplicate == ImportOptions::OnDuplicate::Skip);
    m_merge->setChecked(options.onDuplicate == ImportOptions::OnDuplicate::Merge);
}

bool ImportDuplicatesPage::validatePage() {
    if (auto *w = qobject_cast<ImportWizard *>(wizard())) {
        ImportOptions options = w->options();
        options.onDuplicate = m_skip->isChecked() ? ImportOptions::OnDuplicate::Skip
                                                  : ImportOptions::OnDuplicate::Merge;
        options.dryRun = false;
        w->setOptions(options);
    }
    return true;
}
