#include "periodslices.h"

#include "../domain/leadcolumns.h"

#include <QFuture>
#include <QSqlQuery>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <QHash>

#include <algorithm>
#include <atomic>
#include <mutex>

namespace {

// Below this a slice's thread start costs more than its half of the reading saves.
std::atomic<qint64> parallelLeads{200000};

// One value a query reads, or an invalid variant.
QVariant single(const Database &db, const QString &sql) {
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    return q.exec(sql) && q.next() ? q.value(0) : QVariant();
}

// The creation times of a sample of leads picked by id (a look-up each: a millisecond for a
// million leads), in order. A fixed stride through the ids, so that the same database always
// gives the same sample.
QList<QDateTime> readSample(const Database &db, qint64 minId, qint64 span) {
    constexpr int samples = 1024;
    QStringList ids;
    for (int i = 0; i < samples; ++i)
        ids << QString::number(minId + span * (2 * i + 1) / (2 * samples));
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT created_at FROM leads WHERE id IN (%1)")
                    .arg(ids.join(QLatin1Char(',')))))
        return {};
    QList<QDateTime> times;
    while (q.next()) {
        const QDateTime t = LeadColumns::parseStoredUtc(QStringView(q.value(0).toString()));
        if (t.isValid())
            times << t;
    }
    std::sort(times.begin(), times.end());
    return times;
}

// readSample(), kept while the database's ids span the same range: a thousand look-ups cost
// more than the read of a short period, and a creation time hardly ever changes. Only the
// balance of the slices and the choice of a way to count depend on it, never a number.
QList<QDateTime> sampledTimes(const Database &db, qint64 minId, qint64 span) {
    struct Kept {
        qint64 minId = 0, span = -1;
        QList<QDateTime> times;
    };
    static std::mutex lock;
    static QHash<QString, Kept> kept; // by database location
    {
        const std::lock_guard<std::mutex> guard(lock);
        const auto it = kept.constFind(db.location());
        if (it != kept.constEnd() && it->minId == minId && it->span == span)
            return it->times;
    }
    const QList<QDateTime> times = readSample(db, minId, span);
    const std::lock_guard<std::mutex> guard(lock);
    kept.insert(db.location(), Kept{minId, span, times});
    return times;
}

// The creation times that cut [from, to) into `parts` periods of about as many leads each;
// none when too few of the sample fall inside, and an even time cut has to do.
QList<QDateTime> evenCuts(const QList<QDateTime> &sample, const QDateTime &from,
                          const QDateTime &to, int parts) {
    QList<QDateTime> times;
    for (const QDateTime &t : sample)
        if (t >= from && t < to)
            times << t;
    if (times.size() < 16 * parts)
        return {};
    QList<QDateTime> cuts;
    for (int i = 1; i < parts; ++i) {
        const QDateTime cut = times.at(times.size() * i / parts);
        if (cut <= from || cut >= to || (!cuts.isEmpty() && cut <= cuts.last()))
            return {};
        cuts << cut;
    }
    return cuts;
}

} // namespace

qint64 PeriodSlices::idSpan(const Database &db, qint64 *minId) {
    // Each alone, so that each is one step down the table (together they would read it all).
    *minId = single(db, QStringLiteral("SELECT min(id) FROM leads")).toLongLong();
    return single(db, QStringLiteral("SELECT max(id) FROM leads")).toLongLong() - *minId;
}

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
    qint64 minId = 0;
    const qint64 span = PeriodSlices::idSpan(db, &minId);
    if (span + 1 < parallelFrom())
        return {filter};
    // Both values named with test leads: each index of the creation time leads with is_test,
    // and without it the oldest and newest time are a scan rather than a step down the index.
    const QString test = filter.includeTest ? QStringLiteral(" AND is_test IN (0, 1)")
                                            : QStringLiteral(" AND is_test = 0");
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
    // Cut where the leads are even, not the time: leads grow over the months, and the newest
    // slice of an even time cut holds most of them while the others wait for it.
    const QList<QDateTime> cuts = evenCuts(sampledTimes(db, minId, span), from, to, threads);
    QList<LeadFilter> slices;
    for (int i = 0; i < threads; ++i) {
        LeadFilter slice = filter;
        if (i > 0)
            slice.since = cuts.isEmpty() ? from.addSecs(seconds * i / threads) : cuts.at(i - 1);
        if (i < threads - 1)
            slice.until = cuts.isEmpty() ? from.addSecs(seconds * (i + 1) / threads) : cuts.at(i);
        slices << slice;
    }
    return slices;
}

double PeriodSlices::share(const Database &db, const LeadFilter &filter) {
    if (!filter.since.isValid() && !filter.until.isValid())
        return 1.0;
    qint64 minId = 0;
    const qint64 span = PeriodSlices::idSpan(db, &minId);
    const QList<QDateTime> sample = sampledTimes(db, minId, span);
    if (sample.isEmpty())
        return 1.0;
    qsizetype inside = 0;
    for (const QDateTime &t : sample)
        inside += (!filter.since.isValid() || t >= filter.since) &&
                  (!filter.until.isValid() || t < filter.until);
    return double(inside) / double(sample.size());
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
