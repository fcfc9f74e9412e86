#include "importtext.h"

#include <QBuffer>

ImportSummary importText(const Database &db, const QByteArray &csv, const std::atomic_bool *cancel,
                         std::function<void(qint64, qint64)> progress) {
    QByteArray data = csv;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    LeadImporter importer(db, QStringLiteral("tester"));
    if (cancel)
        importer.setCancelFlag(cancel);
    if (progress)
        importer.setProgressHandler(std::move(progress));
    return importer.importDevice(&buffer, QStringLiteral("leads.csv"));
}
