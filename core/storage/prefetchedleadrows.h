#pragma once

#include "database.h"
#include "leadfilter.h"

#include <QByteArrayView>
#include <QStringList>
#include <QVariant>

#include <memory>

// StoredLeadRows read ahead on a thread of their own, over that thread's own connection, and
// handed over in batches: an export formats and writes one batch while the next is read, so
// the database's share of the work leaves the writing thread.
class PrefetchedLeadRows {
public:
    explicit PrefetchedLeadRows(const Database &db);
    ~PrefetchedLeadRows(); // stops the reading and waits for its thread
    PrefetchedLeadRows(const PrefetchedLeadRows &) = delete;
    PrefetchedLeadRows &operator=(const PrefetchedLeadRows &) = delete;

    // Leads read per batch; default 1,024.
    void setBatchRows(int rows);
    // StoredLeadRows::setStreamed: the first rows at once, for a slow writer.
    void setStreamed(bool streamed);

    // Starts reading the canonical `columns` and returns once the query runs (or failed:
    // false with error() set), so that total() is known.
    bool start(const LeadFilter &filter, const LeadSort &sort, const QStringList &columns);
    qint64 total() const;
    // The next lead; false at the end or on an error (error() tells which).
    bool next();
    QString error() const;

    // The current lead's cells, by the position of their column in start()'s list, valid
    // until next(). Text ends with a NUL just past the view, as a C string.
    QByteArrayView utf8(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    QVariant value(int column) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
