#include "importresultpage.h"

#include "importwizard.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

ImportResultPage::ImportResultPage(QWidget *parent)
    : QWizardPage(parent) {
    setObjectName(QStringLiteral("importResultPage"));
    setTitle(tr("Import finished"));
    setFinalPage(true);

    auto number = [](const QString &name) {
        auto *label = new QLabel;
        label->setObjectName(name);
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("0000000")));
        return label;
    };
    m_imported = number(QStringLiteral("resultImported"));
    m_merged = number(QStringLiteral("resultMerged"));
    m_unchanged = number(QStringLiteral("resultUnchanged"));
    m_skipped = number(QStringLiteral("resultSkipped"));
    m_rejected = number(QStringLiteral("resultRejected"));
    auto *form = new QFormLayout;
    // The numbers beside their names, not across the page.
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("New leads:"), m_imported);
    form->addRow(tr("Merged into stored leads:"), m_merged);
    form->addRow(tr("Already stored, unchanged:"), m_unchanged);
    form->addRow(tr("Duplicates skipped:"), m_skipped);
    form->addRow(tr("Rejected:"), m_rejected);

    m_show = new QPushButton(tr("&Show Imported Leads"));
    m_show->setObjectName(QStringLiteral("resultShowLeads"));
    connect(m_show, &QPushButton::clicked, this, [this] {
        auto *w = qobject_cast<ImportWizard *>(wizard());
        if (!w)
            return;
        emit w->showLeadsRequested(w->result().leadIds);
        w->accept();
    });
    auto *showRow = new QHBoxLayout;
    showRow->addWidget(m_show);
    showRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(12);
    layout->addLayout(showRow);
    layout->addStretch(1);
}

void ImportResultPage::initializePage() {
    auto *w = qobject_cast<ImportWizard *>(wizard());
    if (!w)
        return;
    const ImportSummary &r = w->result();
    const QString file = QFileInfo(w->file()).fileName();
    const QLocale locale;
    if (r.cancelled) {
        setTitle(tr("Import cancelled"));
        setSubTitle(tr("Nothing of %1 was imported: the database is as it was.").arg(file));
    } else if (!r.fatal.isEmpty()) {
        setTitle(tr("Import failed"));
        setSubTitle(tr("Nothing of %1 was imported: %2").arg(file, r.fatal));
    } else {
        setTitle(tr("Import finished"));
        setSubTitle(tr("%1 records of %2 were read.").arg(locale.toString(r.read), file));
    }
    const bool done = r.ok();
    for (const auto &[label, value] :
         {std::pair{m_imported, r.imported}, std::pair{m_merged, r.merged},
          std::pair{m_unchanged, r.unchanged}, std::pair{m_skipped, r.skipped},
          std::pair{m_rejected, r.rejected}})
        label->setText(done ? locale.toString(value) : QStringLiteral("—"));
    m_show->setVisible(done && !r.leadIds.isEmpty());
}
