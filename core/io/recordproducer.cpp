#include "recordproducer.h"

#include <QCoreApplication>

#include "recordreader.h"

namespace {
constexpr qsizetype batchSize = 512;
constexpr std::size_t queuedBatches = 8;
} // namespace

RecordProducer::RecordProducer(RecordReader *reader, const LeadRecordMapper &mapper,
                               qsizetype width)
    : m_reader(reader)
    , m_mapper(mapper)
    , m_width(width)
    , m_thread([this] { run(); }) {}

RecordProducer::~RecordProducer() {
    {
        // Under the lock: the producer cannot be between its check and its wait.
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void RecordProducer::run() {
    QList<ReadRecord> batch;
    batch.reserve(batchSize);
    auto hand = [this](QList<ReadRecord> &records) {
        std::vector<QList<ReadRecord>> spent;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_batches.size() < queuedBatches || m_stop; });
            m_batches.push_back(std::move(records));
            spent.swap(m_spent);
        }
        m_changed.notify_all();
        spent.clear(); // outside the lock
        records = {};
        records.reserve(batchSize);
    };
    while (!m_stop && m_reader->next()) {
        const QStringList &fields = m_reader->fields();
        if (fields.size() == 1 && fields.first().trimmed().isEmpty())
            continue; // a blank line
        ReadRecord r;
        r.line = m_reader->line();
        r.fields = fields;
        r.error = m_reader->error();
        if (r.error.isEmpty() && fields.size() != m_width)
            r.error =
                QCoreApplication::translate("LeadRecordMapper", "has %1 fields, the header has %2")
                    .arg(fields.size())
                    .arg(m_width);
        if (r.error.isEmpty()) {
            r.mapped = m_mapper.map(fields);
            if (r.mapped.error.isEmpty())
                r.intake = r.mapped.toIntake();
        }
        batch.append(std::move(r));
        if (batch.size() == batchSize) {
            m_bytes.store(m_reader->bytesRead(), std::memory_order_relaxed);
            hand(batch);
        }
    }
    m_bytes.store(m_reader->bytesRead(), std::memory_order_relaxed);
    if (!batch.isEmpty())
        hand(batch);
    std::lock_guard lock(m_mutex);
    m_unreadable = m_reader->unreadable();
    m_done = true;
    m_changed.notify_all();
}

QList<ReadRecord> RecordProducer::take() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_batches.empty() || m_done; });
    if (m_batches.empty())
        return {};
    QList<ReadRecord> batch = std::move(m_batches.front());
    m_batches.pop_front();
    m_changed.notify_all();
    return batch;
}

void RecordProducer::recycle(QList<ReadRecord> &&spent) {
    std::lock_guard lock(m_mutex);
    if (!m_done) // else the destructor frees it
        m_spent.push_back(std::move(spent));
}

QString RecordProducer::unreadable() const {
    std::lock_guard lock(m_mutex);
    return m_unreadable;
}
