#pragma once

#include "leadwriter.h"
#include "sqlstatement.h"

#include <map>
#include <memory>

// The statements every intake and insert runs, prepared once per writer.
struct LeadWriter::Statements {
    explicit Statements(const Database &db)
        : insertLead(db)
        , insertLeadIfAbsent(db)
        , findKey(db)
        , findNamed(db)
        , findUnnamed(db) {}
    SqlStatement insertLead;
    SqlStatement insertLeadIfAbsent;
    // Probes before full reads: an import of new leads mostly finds nothing, and a probe on an
    // index is far cheaper than preparing and reading a whole lead each time.
    SqlStatement findKey;
    SqlStatement findNamed;   // leads of a name hash that have an email
    SqlStatement findUnnamed; // and those without
    // Multi-row inserts by row count: a lead's history, or the rows kept back from many
    // intakes, in one statement.
    std::map<qsizetype, std::unique_ptr<SqlStatement>> insertActivities;
    std::map<qsizetype, std::unique_ptr<SqlStatement>> insertEvents;
};
