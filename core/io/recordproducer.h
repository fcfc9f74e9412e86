#pragma once

#include "../domain/intakerecord.h"
#include "leadrecordmapper.h"

#include <QList>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

class RecordReader;

// One record of a file as read and mapped: a lead to take in, or the reason it cannot be one.
struct ReadRecord {
    qint64 line = 0;
    QStringList fields;  // as read, for the rejected rows a user saves and fixes
    QString error;       // why the record cannot be read (its fields, its bytes)
    MappedRecord mapped; // the lead, when `error` is empty (mapped.error says if it is none)
    IntakeRecord intake; // the mapped lead with its extra fields, ready to be taken in
};

// Reads and maps a file's records on a thread of its own, and makes each ready to be taken in,
// and hands them over in batches, so that reading the file and storing its leads run on two
// cores. A bounded number of batches
// waits at a time: memory stays flat whatever the file's size.
class RecordProducer {
public:
    // `reader` is positioned after the header, whose width is `width`; both `reader` and
    // `mapper` must outlive the producer, and nothing else may use the reader meanwhile.
    RecordProducer(RecordReader *reader, const LeadRecordMapper &mapper, qsizetype width);
    ~RecordProducer(); // stops the thread and waits for it
    RecordProducer(const RecordProducer &) = delete;
    RecordProducer &operator=(const RecordProducer &) = delete;

    // The next records in file order; empty once the file is read to its end.
    QList<ReadRecord> take();
    // Hands a taken batch back once it is stored: the producer's thread frees it, so that the
    // storing thread spends no time on memory the other one allocated.
    void recycle(QList<ReadRecord> &&spent);
    // How far the reader is (RecordReader::bytesRead), from any thread.
    qint64 bytesRead() const { return m_bytes.load(std::memory_order_relaxed); }
    // Why the reader stopped early; read it once take() returned empty.
    QString unreadable() const;

private:
    void run();

    RecordReader *m_reader;
    const LeadRecordMapper &m_mapper;
    qsizetype m_width;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QList<ReadRecord>> m_batches;
    std::vector<QList<ReadRecord>> m_spent;
    bool m_done = false;
    std::atomic_bool m_stop{false};
    std::atomic<qint64> m_bytes{0};
    QString m_unreadable;
    std::thread m_thread;
};
