#pragma once

#include "database.h"

// While it lives, an SQLite connection sorts like a bulk job: sorts that outgrow the page cache
// spill to temporary files and merge on several threads. A connection keeps its short sorts in
// memory otherwise (Database sets temp_store=MEMORY), which makes a sort of a million keys a
// third slower. Elsewhere it does nothing.
class LargeSorts {
public:
    explicit LargeSorts(const Database &db);
    ~LargeSorts();
    LargeSorts(const LargeSorts &) = delete;
    LargeSorts &operator=(const LargeSorts &) = delete;

private:
    Database m_db;
    bool m_active = false;
};
