#include "textinterner.h"

#include <cstring>

namespace {

// Eight bytes at a time, then the rest: the texts of a group column are short, and this runs
// for every value of every lead.
quint64 hashOf(QByteArrayView text) {
    constexpr quint64 mix = 0x9E3779B97F4A7C15ULL;
    quint64 h = quint64(text.size()) * mix;
    const char *p = text.data();
    qsizetype left = text.size();
    for (; left >= 8; left -= 8, p += 8) {
        quint64 word;
        std::memcpy(&word, p, 8);
        h = (h ^ word) * mix;
        h ^= h >> 29;
    }
    quint64 tail = 0;
    if (left > 0)
        std::memcpy(&tail, p, std::size_t(left));
    h = (h ^ tail) * mix;
    return h ^ (h >> 32);
}

} // namespace

int TextInterner::id(QByteArrayView text) {
    if (m_slots.empty())
        rehash(64);
    const quint64 h = hashOf(text);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = std::size_t(h) & mask;; i = (i + 1) & mask) {
        const int slot = m_slots[i];
        if (slot == 0)
            break;
        if (m_hashes[std::size_t(slot - 1)] == h) {
            const QByteArray &known = m_texts.at(slot - 1);
            if (known.size() == text.size() &&
                (text.isEmpty() ||
                 std::memcmp(known.constData(), text.data(), std::size_t(text.size())) == 0))
                return slot - 1;
        }
    }
    const int id = int(m_texts.size());
    m_texts.append(text.toByteArray());
    m_hashes.push_back(h);
    // At most half full, so that a probe meets an empty slot soon.
    if (m_texts.size() * 2 > qsizetype(m_slots.size()))
        rehash(m_slots.size() * 2);
    else
        for (std::size_t i = std::size_t(h) & mask;; i = (i + 1) & mask)
            if (m_slots[i] == 0) {
                m_slots[i] = id + 1;
                break;
            }
    return id;
}

void TextInterner::rehash(std::size_t slotCount) {
    m_slots.assign(slotCount, 0);
    const std::size_t mask = slotCount - 1;
    for (std::size_t id = 0; id < m_hashes.size(); ++id)
        for (std::size_t i = std::size_t(m_hashes[id]) & mask;; i = (i + 1) & mask)
            if (m_slots[i] == 0) {
                m_slots[i] = int(id) + 1;
                break;
            }
}
