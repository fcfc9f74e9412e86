#pragma once

#include "database.h"
#include "leadfilter.h"

#include <QList>

#include <functional>

// A filter over many leads cut into consecutive creation periods of about as many leads each,
// read side by side on a thread and connection each: an aggregation over a million leads then uses
// every core. The periods meet without overlap (each is `since <= created_at < until`), the first
// keeps the leads without a creation time, so that their results add up to the whole filter's.
class PeriodSlices {
public:
    // `filter` cut for `db`: itself alone on PostgreSQL (the server has its own parallel
    // plans), for a database of fewer leads than parallelFrom(), or when its period is empty.
    static QList<LeadFilter> of(const Database &db, const LeadFilter &filter);
    // About which share (0 to 1) of the leads were created in `filter`'s period, from a sample
    // of a thousand; 1 without a period.
    static double share(const Database &db, const LeadFilter &filter);
    // Calls `read(i, slices[i])` for every slice, the first on this thread and the others on
    // pool threads, each with its own connection, closed when its read is done; returns after
    // the last.
    static void run(const Database &db, const QList<LeadFilter> &slices,
                    const std::function<void(qsizetype, const LeadFilter &)> &read);

    // The span of the leads' ids (the highest less the lowest, 0 for none) and the lowest.
    static qint64 idSpan(const Database &db, qint64 *minId);
    // Leads (by the span of their ids) from which a filter is cut; tests set it low.
    static qint64 parallelFrom();
    static void setParallelFrom(qint64 leads);
};
