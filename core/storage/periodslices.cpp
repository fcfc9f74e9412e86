#include "periodslices.h"

#include "../domain/leadcolumns.h"

#include <QFuture>
#include <QSqlQuery>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>

namespace {

// Below this a slice's thread start costs more than its half of the reading saves.
std::atomic<qint64> parallelLeads{200000};

// One value a query reads, or an invalid variant.
QVariant single(const Database &db, const QString &sql) {
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    return q.exec(sql) && q.next() ? q.value(0) : QVariant();
}

} // namespace

qint64 PeriodSlices::parallelFrom() {
    return parallelLeads.load();
}

void PeriodSlices::setParallelFrom(qint64 leads) {
    parallelLeads.store(leads);
}

QList<LeadFilter> PeriodSlices::of(const Database &db, const LeadFilter &filter) {
    const int threads = std::min(QThread::idealThreadCount(), 4);
    if (db.backend() != Database::Backend::Sqlite || threads < 2 || !filter.ids.isEmpty())
        return {filter};
    // Each is one step down an index.
    const qint64 span = single(db, QStringLiteral("SELECT max(id) FROM leads")).toLongLong() -
                        single(db, QStringLiteral("SELECT min(id) FROM leads")).toLongLong();
    if (span + 1 < parallelFrom())
        return {filter};
    const QString test = filter.includeTest ? QString() : QStringLiteral(" AND is_test = 0");
    QDateTime from = LeadColumns::parseIsoUtc(
        single(db, QStringLiteral("SELECT min(created_at) FROM leads WHERE created_at > ''") + test)
            .toString());
    QDateTime to = LeadColumns::parseIsoUtc(
        single(db, QStringLiteral("SELECT max(created_at) FROM leads WHERE created_at > ''") + test)
            .toString());
    if (!from.isValid() || !to.isValid())
        return {filter};
    to = to.addSecs(1); // the newest lead inside the last period
    if (filter.since.isValid())
        from = std::max(from, filter.since);
    if (filter.until.isValid())
        to = std::min(to, filter.until);
    const qint64 seconds = from.secsTo(to);
    if (seconds < threads)
        return {filter};
    QList<LeadFilter> slices;
    for (int i = 0; i < threads; ++i) {
        LeadFilter slice = filter;
        if (i > 0)
            slice.since = from.addSecs(seconds * i / threads);
        if (i < threads - 1)
            slice.until = from.addSecs(seconds * (i + 1) / threads);
        slices << slice;
    }
    return slices;
}

void PeriodSlices::run(const Database &db, const QList<LeadFilter> &slices,
                       const std::function<void(qsizetype, const LeadFilter &)> &read) {
    QList<QFuture<void>> others;
    for (qsizetype i = 1; i < slices.size(); ++i)
        others << QtConcurrent::run([&db, &slices, &read, i] {
            read(i, slices.at(i));
            db.closeThreadConnection();
        });
    if (!slices.isEmpty())
        read(0, slices.first());
    for (QFuture<void> &f : others)
        f.waitForFinished();
}
