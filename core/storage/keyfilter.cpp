#include "keyfilter.h"

namespace {

// 16 bits a key and 4 probes: about one false "maybe" in 400.
constexpr int bitsPerKey = 16;
constexpr int probes = 4;

// The hashes come from FNV-1a, whose low bits are weak: mixed first (splitmix64's finaliser).
quint64 mixed(quint64 h) {
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

} // namespace

KeyFilter::KeyFilter(qint64 expected) {
    quint64 bits = 1 << 16;
    while (bits < quint64(qMax<qint64>(expected, 1)) * bitsPerKey)
        bits <<= 1;
    m_bits.assign(bits / 64, 0);
    m_mask = bits - 1;
}

void KeyFilter::add(quint64 hash) {
    const quint64 h = mixed(hash);
    const quint64 step = (h >> 32) | 1;
    for (int i = 0; i < probes; ++i) {
        const quint64 bit = (h + quint64(i) * step) & m_mask;
        m_bits[bit >> 6] |= quint64(1) << (bit & 63);
    }
}

bool KeyFilter::mayContain(quint64 hash) const {
    const quint64 h = mixed(hash);
    const quint64 step = (h >> 32) | 1;
    for (int i = 0; i < probes; ++i) {
        const quint64 bit = (h + quint64(i) * step) & m_mask;
        if (!(m_bits[bit >> 6] & (quint64(1) << (bit & 63))))
            return false;
    }
    return true;
}
