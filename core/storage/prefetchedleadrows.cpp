#include "prefetchedleadrows.h"

#include "../domain/leadcolumns.h"
#include "storedleadrows.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace {

// Two batches waiting are enough to cover a slow read; more would only hold memory.
constexpr std::size_t queuedBatches = 3;

enum class Kind { Integer, Real, Text };

Kind kindOf(const QString &column) {
    switch (LeadColumns::type(column)) {
    case LeadColumns::Type::Integer:
    case LeadColumns::Type::Flag:
        return Kind::Integer;
    case LeadColumns::Type::Real:
        return Kind::Real;
    default:
        return Kind::Text;
    }
}

struct Cell {
    qsizetype at = 0; // text: where it starts in the batch's bytes
    qsizetype size = 0;
    qint64 integer = 0;
    double real = 0;
};

// Leads as cells: every text in one byte array, each followed by a NUL. A plain vector:
// a million rows append twenty million texts, and QByteArray's append checks for sharing
// and aliasing on each one.
struct Batch {
    std::vector<char> text;
    std::vector<Cell> cells;
    int rows = 0;

    void clear() {
        text.clear(); // keeps the capacity
        cells.clear();
        rows = 0;
    }
};

} // namespace

struct PrefetchedLeadRows::Private {
    Database db;
    int batchRows = 1024;
    bool streamed = false;
    std::vector<Kind> kinds;

    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::unique_ptr<Batch>> full;  // read, in order
    std::vector<std::unique_ptr<Batch>> free; // handed back for their capacity
    bool started = false;
    bool done = false;
    bool stop = false;
    qint64 total = 0;
    QString error;
    std::thread reader;

    std::unique_ptr<Batch> current;
    int row = -1;

    void read(const LeadFilter &filter, const LeadSort &sort, const QStringList &columns);
    std::unique_ptr<Batch> spare();
    bool hand(std::unique_ptr<Batch> batch); // false once the reading must stop
    const Cell &cell(int column) const {
        return current->cells[std::size_t(row) * kinds.size() + std::size_t(column)];
    }
};

void PrefetchedLeadRows::Private::read(const LeadFilter &filter, const LeadSort &sort,
                                       const QStringList &columns) {
    StoredLeadRows rows(db);
    rows.setStreamed(streamed);
    const bool ok = rows.start(filter, sort, columns);
    {
        const std::lock_guard lock(mutex);
        started = true;
        total = rows.total();
        if (!ok) {
            error = rows.error();
            done = true;
        }
    }
    changed.notify_all();
    if (!ok)
        return;
    std::unique_ptr<Batch> batch = spare();
    const int columnCount = int(kinds.size());
    bool more = true;
    while (more && rows.next()) {
        for (int c = 0; c < columnCount; ++c) {
            Cell cell;
            switch (kinds[std::size_t(c)]) {
            case Kind::Integer:
                cell.integer = rows.integer(c);
                break;
            case Kind::Real:
                cell.real = rows.real(c);
                break;
            case Kind::Text: {
                const QByteArrayView text = rows.utf8(c);
                cell.at = qsizetype(batch->text.size());
                cell.size = text.size();
                batch->text.insert(batch->text.end(), text.begin(), text.end());
                batch->text.push_back('\0');
                break;
            }
            }
            batch->cells.push_back(cell);
        }
        if (++batch->rows == batchRows) {
            more = hand(std::move(batch));
            batch = spare();
        }
    }
    if (more && batch->rows > 0)
        hand(std::move(batch));
    {
        const std::lock_guard lock(mutex);
        if (!rows.error().isEmpty())
            error = rows.error();
        done = true;
    }
    changed.notify_all();
}

std::unique_ptr<Batch> PrefetchedLeadRows::Private::spare() {
    {
        const std::lock_guard lock(mutex);
        if (!free.empty()) {
            std::unique_ptr<Batch> batch = std::move(free.back());
            free.pop_back();
            batch->clear();
            return batch;
        }
    }
    auto batch = std::make_unique<Batch>();
    batch->cells.reserve(std::size_t(batchRows) * kinds.size());
    return batch;
}

bool PrefetchedLeadRows::Private::hand(std::unique_ptr<Batch> batch) {
    std::unique_lock lock(mutex);
    changed.wait(lock, [this] { return stop || full.size() < queuedBatches; });
    if (stop)
        return false;
    full.push_back(std::move(batch));
    lock.unlock();
    changed.notify_all();
    return true;
}

PrefetchedLeadRows::PrefetchedLeadRows(const Database &db)
    : d(std::make_unique<Private>()) {
    d->db = db;
}

PrefetchedLeadRows::~PrefetchedLeadRows() {
    {
        const std::lock_guard lock(d->mutex);
        d->stop = true;
    }
    d->changed.notify_all();
    if (d->reader.joinable())
        d->reader.join();
}

void PrefetchedLeadRows::setStreamed(bool streamed) {
    d->streamed = streamed;
}

void PrefetchedLeadRows::setBatchRows(int rows) {
    d->batchRows = std::max(1, rows);
}

bool PrefetchedLeadRows::start(const LeadFilter &filter, const LeadSort &sort,
                               const QStringList &columns) {
    d->kinds.clear();
    for (const QString &c : columns)
        d->kinds.push_back(kindOf(c));
    d->reader = std::thread([this, filter, sort, columns] { d->read(filter, sort, columns); });
    std::unique_lock lock(d->mutex);
    d->changed.wait(lock, [this] { return d->started; });
    return d->error.isEmpty();
}

qint64 PrefetchedLeadRows::total() const {
    const std::lock_guard lock(d->mutex);
    return d->total;
}

QString PrefetchedLeadRows::error() const {
    const std::lock_guard lock(d->mutex);
    return d->error;
}

bool PrefetchedLeadRows::next() {
    if (d->current && ++d->row < d->current->rows)
        return true;
    std::unique_lock lock(d->mutex);
    if (d->current)
        d->free.push_back(std::move(d->current));
    d->changed.wait(lock, [this] { return !d->full.empty() || d->done; });
    if (d->full.empty())
        return false;
    d->current = std::move(d->full.front());
    d->full.pop_front();
    d->row = 0;
    lock.unlock();
    d->changed.notify_all();
    return true;
}

QByteArrayView PrefetchedLeadRows::utf8(int column) const {
    const Cell &c = d->cell(column);
    return QByteArrayView(d->current->text.data() + c.at, c.size);
}

qint64 PrefetchedLeadRows::integer(int column) const {
    return d->cell(column).integer;
}

double PrefetchedLeadRows::real(int column) const {
    const Cell &c = d->cell(column);
    return d->kinds[std::size_t(column)] == Kind::Integer ? double(c.integer) : c.real;
}

QVariant PrefetchedLeadRows::value(int column) const {
    switch (d->kinds[std::size_t(column)]) {
    case Kind::Integer:
        return QVariant(integer(column));
    case Kind::Real:
        return QVariant(real(column));
    case Kind::Text:
        break;
    }
    const QByteArrayView text = utf8(column);
    return QVariant(QString::fromUtf8(text));
}
