#include "exportcontroller.h"

#include "core/domain/storefront.h"

#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QThreadPool>
#include <QWidget>

namespace {

QString suffixOf(LeadExporter::Format format) {
    return format == LeadExporter::Format::Xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv");
}

// What the name says beyond the leads: the CRM a file is laid out for.
QString layoutWord(LeadExporter::Format format) {
    switch (format) {
    case LeadExporter::Format::Salesforce:
        return QStringLiteral("salesforce");
    case LeadExporter::Format::Dynamics:
        return QStringLiteral("dynamics");
    case LeadExporter::Format::Csv:
    case LeadExporter::Format::Xlsx:
        break;
    }
    return {};
}

} // namespace

ExportController::ExportController(const Database &db, QWidget *window)
    : QObject(window)
    , m_db(db)
    , m_window(window)
    , m_pool(std::make_unique<QThreadPool>()) {
    m_pool->setMaxThreadCount(1);
}

ExportController::~ExportController() {
    m_cancel.store(true);
    m_pool->waitForDone();
}

QStringList ExportController::exportColumns(const QStringList &tableColumns) {
    QStringList columns;
    for (const QString &column : tableColumns) {
        if (column == QLatin1String("name"))
            columns << QStringLiteral("first_name") << QStringLiteral("last_name");
        else
            columns << column;
    }
    columns.removeDuplicates();
    return columns;
}

QString ExportController::defaultFileName(const LeadFilter &filter, LeadExporter::Format format,
                                          const QDate &day, bool selection) {
    QStringList parts{QStringLiteral("leads")};
    if (filter.storefront)
        parts << Storefronts::canonicalName(*filter.storefront);
    if (selection)
        parts << QStringLiteral("selected");
    if (const QString layout = layoutWord(format); !layout.isEmpty())
        parts << layout;
    parts << day.toString(Qt::ISODate);
    return parts.join(QLatin1Char('-')) + QLatin1Char('.') + suffixOf(format);
}

QString ExportController::nameFilter(LeadExporter::Format format) {
    return format == LeadExporter::Format::Xlsx ? tr("Excel workbooks (*.xlsx)")
                                                : tr("CSV files (*.csv)");
}

bool ExportController::start(const Request &request) {
    if (m_running)
        return false;
    m_running = true;
    m_path = request.path;
    m_cancel.store(false);

    const QString file = QFileInfo(request.path).fileName();
    m_dialog =
        new QProgressDialog(tr("Exporting leads to %1…").arg(file), tr("Cancel"), 0, 0, m_window);
    m_dialog->setObjectName(QStringLiteral("exportProgress"));
    m_dialog->setWindowTitle(tr("Export"));
    // The window stays usable: reading other leads while a large file is written is fine.
    m_dialog->setWindowModality(Qt::NonModal);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    m_dialog->setMinimumDuration(300);
    connect(m_dialog, &QProgressDialog::canceled, this, &ExportController::cancel);

    // The destructor waits for the worker, so `this` outlives every use of it there.
    m_pool->start([this, db = m_db, request] {
        LeadExporter exporter(db);
        exporter.setCancelFlag(&m_cancel);
        exporter.setProgress([this](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                this, [this, done, total] { showProgress(done, total); }, Qt::QueuedConnection);
        });
        const LeadExporter::Result result =
            exporter.exportToFile(request.filter, request.sort, request.options, request.path);
        // The pool thread may idle for a while: let the database go now.
        db.closeThreadConnection();
        QMetaObject::invokeMethod(
            this, [this, result] { done(result); }, Qt::QueuedConnection);
    });
    return true;
}

void ExportController::cancel() {
    m_cancel.store(true);
    if (m_dialog)
        m_dialog->setLabelText(tr("Cancelling…"));
}

void ExportController::showProgress(qint64 done, qint64 total) {
    if (!m_dialog)
        return;
    if (total > 0 && !m_cancel.load()) {
        m_dialog->setLabelText(tr("Exporting %1 leads to %2…")
                                   .arg(QLocale().toString(total), QFileInfo(m_path).fileName()));
    }
    m_dialog->setMaximum(int(std::min<qint64>(total, INT_MAX)));
    m_dialog->setValue(int(std::min<qint64>(done, INT_MAX)));
    emit progress(done, total);
}

void ExportController::done(const LeadExporter::Result &result) {
    m_running = false;
    if (m_dialog) {
        m_dialog->disconnect(this);
        m_dialog->close();
        m_dialog->deleteLater();
        m_dialog = nullptr;
    }
    if (result.ok()) {
        emit exported(result.rows, m_path);
        return;
    }
    if (result.cancelled) {
        emit cancelled(m_path);
        return;
    }
    // The exporter's messages start with the path when they concern the file.
    const QString message =
        result.error.contains(m_path) ? result.error : tr("%1: %2").arg(m_path, result.error);
    if (m_window) {
        auto *box = new QMessageBox(
            QMessageBox::Warning, tr("Export failed"),
            tr("Could not export the leads to %1.").arg(QFileInfo(m_path).fileName()),
            QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("exportFailedMessage"));
        box->setInformativeText(message);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit failed(message);
}
