#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <vector>

// Numbers the distinct texts of a column in the order they first come: a million rows of a
// few dozen values then group by small integers, with no string built or hashed by Qt per row.
class TextInterner {
public:
    // The number of `text`, from 0; a text not seen before gets the next one (and is copied,
    // so `text` may be a buffer that changes after the call).
    int id(QByteArrayView text);
    const QByteArray &text(int id) const { return m_texts.at(id); }
    int size() const { return int(m_texts.size()); }

private:
    void rehash(std::size_t slotCount);

    QList<QByteArray> m_texts;
    std::vector<quint64> m_hashes; // per number
    std::vector<int> m_slots;      // open addressing: number + 1, 0 for an empty slot
};
