#pragma once

#include "database.h"

// While it lives, an SQLite connection reads the database file through a memory map rather than
// copying each page into its small page cache: a pass over a million index entries (a chart)
// spends a quarter of its time in those copies otherwise. Only for scans: a mapped page counts
// in the process's resident memory until the map is dropped, here at the end. Elsewhere it does
// nothing.
class MappedReads {
public:
    explicit MappedReads(const Database &db);
    ~MappedReads();
    MappedReads(const MappedReads &) = delete;
    MappedReads &operator=(const MappedReads &) = delete;

private:
    Database m_db;
    bool m_active = false;
};
