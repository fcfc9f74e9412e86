#include "importvalidationpage.h"

#include "importrunner.h"
#include "importwizard.h"

#include "core/io/csvwriter.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

ImportValidationPage::ImportValidationPage(const Database &db, const QString &actor,
                                           QWidget *parent)
    : QWizardPage(parent)
    , m_runner(new ImportRunner(db, actor, this)) {
    setObjectName(QStringLiteral("importValidationPage"));
    setTitle(tr("Check the records"));
    setSubTitle(tr("The whole file is read as it would be imported; nothing is stored yet."));

    m_counts = new QLabel;
    m_counts->setObjectName(QStringLiteral("validationCounts"));
    m_counts->setWordWrap(true);
    m_warnings = new QLabel;
    m_warnings->setObjectName(QStringLiteral("validationWarnings"));
    m_warnings->setWordWrap(true);

    m_rejected = new QTableWidget(0, 2);
    // The arrows move between its cells; Tab goes on to the next field, not round them for ever.
    m_rejected->setTabKeyNavigation(false);
    m_rejected->setObjectName(QStringLiteral("validationRejected"));
    m_rejected->setHorizontalHeaderLabels({tr("Line"), tr("Why it is rejected")});
    m_rejected->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rejected->verticalHeader()->hide();
    m_rejected->setWordWrap(false);
    m_rejected->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_rejected->horizontalHeader()->setStretchLastSection(true);
    m_rejected->setAccessibleName(tr("Rejected records"));

    m_save = new QPushButton(tr("Save rejected rows…"));
    m_save->setObjectName(QStringLiteral("validationSaveRejected"));
    connect(m_save, &QPushButton::clicked, this, &ImportValidationPage::askWhereToSave);
    m_saved = new QLabel;
    m_saved->setObjectName(QStringLiteral("validationSaved"));
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_save);
    saveRow->addWidget(m_saved, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_counts);
    layout->addWidget(m_warnings);
    layout->addWidget(m_rejected, 1);
    layout->addLayout(saveRow);

    connect(m_runner, &ImportRunner::finished, this, &ImportValidationPage::checkArrived);
    connect(m_runner, &ImportRunner::progress, this, [this](qint64 done, qint64 total) {
        if (total > 0)
            m_counts->setText(tr("Checking the file… %1%").arg(done * 100 / total));
    });
}

ImportValidationPage::~ImportValidationPage() = default;

bool ImportValidationPage::isChecking() const {
    return m_runner->isRunning();
}

void ImportValidationPage::initializePage() {
    auto *w = qobject_cast<ImportWizard *>(wizard());
    if (!w)
        return;
    m_done = false;
    m_summary = {};
    m_rejected->setRowCount(0);
    m_warnings->clear();
    m_warnings->hide();
    m_save->hide();
    m_saved->clear();
    m_counts->setText(tr("Checking the file…"));
    ImportOptions options = w->options();
    options.dryRun = true;
    // A page left and come back to starts again; the earlier run's answer is dropped.
    m_runner->cancel();
    if (!m_runner->start(w->file(), options)) {
        connect(
            m_runner, &ImportRunner::finished, this,
            [this, w, options] { m_runner->start(w->file(), options); }, Qt::SingleShotConnection);
    }
    emit completeChanged();
}

void ImportValidationPage::cleanupPage() {
    m_runner->cancel();
}

void ImportValidationPage::checkArrived(const ImportSummary &summary) {
    if (summary.cancelled)
        return; // left the page, or started again
    m_done = true;
    m_summary = summary;
    if (auto *w = qobject_cast<ImportWizard *>(wizard()))
        w->setCheck(summary);
    if (!summary.fatal.isEmpty()) {
        m_counts->setText(tr("The file cannot be imported: %1").arg(summary.fatal));
    } else {
        const QLocale locale;
        const qint64 good = summary.read - summary.rejected;
        m_counts->setText(tr("%1 of %2 records can be imported; %3 would be rejected.")
                              .arg(locale.toString(good), locale.toString(summary.read),
                                   locale.toString(summary.rejected)));
    }
    QStringList warnings = summary.warnings;
    if (summary.recordWarnings > 0) {
        warnings << (summary.recordWarnings == 1
                         ? tr("1 record has a value that is changed or left out on the way")
                         : tr("%1 records have values that are changed or left out on the way")
                               .arg(QLocale().toString(summary.recordWarnings)));
    }
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());

    m_rejected->setRowCount(int(summary.errors.size()));
    for (qsizetype row = 0; row < summary.errors.size(); ++row) {
        const ImportError &e = summary.errors.at(row);
        auto *line = new QTableWidgetItem(QString::number(e.line));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_rejected->setItem(int(row), 0, line);
        auto *reason = new QTableWidgetItem(e.message);
        reason->setToolTip(e.message);
        m_rejected->setItem(int(row), 1, reason);
    }
    m_rejected->setVisible(!summary.errors.isEmpty());
    m_save->setVisible(!summary.errors.isEmpty());
    emit completeChanged();
    emit checked(summary);
}

bool ImportValidationPage::isComplete() const {
    // Nothing that would land is nothing to import.
    return m_done && m_summary.fatal.isEmpty() && m_summary.read > m_summary.rejected;
}

bool ImportValidationPage::saveRejected(const QString &path, QString *error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    // UTF-8 with a BOM: Excel opens it with the names intact, and the import reads it back.
    QString text = QChar(0xFEFF);
    QStringList header = m_summary.header;
    header << tr("Reason");
    text += CsvWriter::line(header);
    for (const ImportError &e : m_summary.errors) {
        QStringList fields = e.fields;
        while (fields.size() < m_summary.header.size())
            fields << QString();
        fields << tr("Line %1: %2").arg(e.line).arg(e.message);
        text += CsvWriter::line(fields);
    }
    file.write(text.toUtf8());
    if (!file.commit()) {
        *error = tr("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void ImportValidationPage::askWhereToSave() {
    auto *w = qobject_cast<ImportWizard *>(wizard());
    const QFileInfo source(w ? w->file() : QString());
    const QString suggested = source.absoluteDir().filePath(
        tr("%1-rejected.csv", "the file the rejected rows are saved in")
            .arg(source.completeBaseName()));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Rejected Rows"), suggested,
                                                      tr("CSV files (*.csv)"), nullptr,
                                                      QFileDialog::DontUseNativeDialog);
    if (path.isEmpty())
        return;
    QString error;
    if (saveRejected(path, &error))
        m_saved->setText(tr("Saved to %1").arg(QFileInfo(path).fileName()));
    else
        m_saved->setText(error);
}
