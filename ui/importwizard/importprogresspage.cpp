#include "importprogresspage.h"

#include "importrunner.h"
#include "importwizard.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

ImportProgressPage::ImportProgressPage(const Database &db, const QString &actor, QWidget *parent)
    : QWizardPage(parent)
    , m_runner(new ImportRunner(db, actor, this)) {
    setObjectName(QStringLiteral("importProgressPage"));
    setTitle(tr("Importing"));
    setSubTitle(tr("The leads land all at once at the end; a cancel leaves the database as it "
                   "was."));
    setCommitPage(true);

    m_label = new QLabel;
    m_label->setObjectName(QStringLiteral("importProgressLabel"));
    m_label->setWordWrap(true);
    m_bar = new QProgressBar;
    m_bar->setObjectName(QStringLiteral("importProgressBar"));
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_rate = new QLabel;
    m_rate->setObjectName(QStringLiteral("importRate"));
    m_cancel = new QPushButton(tr("Cancel Import"));
    m_cancel->setObjectName(QStringLiteral("importCancel"));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_runner->cancel();
        m_cancel->setEnabled(false);
        m_label->setText(tr("Cancelling: nothing of the file is kept…"));
    });

    auto *cancelRow = new QHBoxLayout;
    cancelRow->addWidget(m_rate, 1);
    cancelRow->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addLayout(cancelRow);
    layout->addStretch(1);

    connect(m_runner, &ImportRunner::progress, this, &ImportProgressPage::showProgress);
    connect(m_runner, &ImportRunner::finished, this, &ImportProgressPage::finished);
}

ImportProgressPage::~ImportProgressPage() = default;

bool ImportProgressPage::isRunning() const {
    return m_runner->isRunning();
}

void ImportProgressPage::cancelImport() {
    m_closeWhenDone = true;
    m_cancel->click();
}

void ImportProgressPage::initializePage() {
    auto *w = qobject_cast<ImportWizard *>(wizard());
    if (!w)
        return;
    m_done = false;
    m_closeWhenDone = false;
    m_bar->setValue(0);
    m_rate->clear();
    m_cancel->setEnabled(true);
    m_label->setText(tr("Importing %1…").arg(QFileInfo(w->file()).fileName()));
    m_clock.start();
    ImportOptions options = w->options();
    options.dryRun = false;
    m_runner->start(w->file(), options);
    emit completeChanged();
}

bool ImportProgressPage::isComplete() const {
    return m_done;
}

void ImportProgressPage::showProgress(qint64 done, qint64 total) {
    if (total <= 0)
        return;
    m_bar->setValue(int(done * 1000 / total));
    auto *w = qobject_cast<ImportWizard *>(wizard());
    const qint64 records = w ? w->check().read : 0;
    const double seconds = m_clock.elapsed() / 1000.0;
    // The dry run counted the records; the bytes read say how many of them are done.
    if (records > 0 && seconds > 0.5) {
        const double rows = double(records) * double(done) / double(total);
        m_rate->setText(tr("About %1 of %2 records · %3 records/s")
                            .arg(QLocale().toString(qint64(rows)), QLocale().toString(records),
                                 QLocale().toString(qint64(rows / seconds))));
    }
}

void ImportProgressPage::finished(const ImportSummary &summary) {
    m_done = true;
    m_cancel->setEnabled(false);
    m_bar->setValue(summary.ok() ? 1000 : m_bar->value());
    auto *w = qobject_cast<ImportWizard *>(wizard());
    if (w)
        w->setResult(summary);
    emit completeChanged();
    emit importFinished(summary);
    if (!w)
        return;
    if (m_closeWhenDone) {
        w->reject();
        return;
    }
    // The numbers are on the next page.
    QTimer::singleShot(0, w, &QWizard::next);
}
