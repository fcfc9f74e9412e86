#include "textinterner.h"

namespace {

// 64-bit FNV-1a: a few instructions per byte for the short texts of a group column.
quint64 fnv1a(QByteArrayView text) {
    quint64 h = 14695981039346656037ULL;
    for (const char c : text) {
        h ^= uchar(c);
        h *= 1099511628211ULL;
    }
    return h;
}

} // namespace

int TextInterner::id(QByteArrayView text) {
    if (m_slots.empty())
        rehash(64);
    const quint64 h = fnv1a(text);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = std::size_t(h) & mask;; i = (i + 1) & mask) {
        const int slot = m_slots[i];
        if (slot == 0)
            break;
        if (m_hashes[std::size_t(slot - 1)] == h && m_texts.at(slot - 1) == text)
            return slot - 1;
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
