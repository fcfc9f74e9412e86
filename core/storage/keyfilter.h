#pragma once

#include <QtGlobal>

#include <vector>

// A Bloom filter of 64-bit key hashes: says for certain that a key was never added, and
// otherwise "maybe" (wrongly for about one key in a few hundred, when sized right). A bulk
// intake asks it before looking a person up, so that a record of someone new costs no look-up.
class KeyFilter {
public:
    // Room for about `expected` keys; more only make "maybe" come more often.
    explicit KeyFilter(qint64 expected);

    void add(quint64 hash);
    bool mayContain(quint64 hash) const;

private:
    std::vector<quint64> m_bits;
    quint64 m_mask = 0; // the number of bits less one, a power of two
};
