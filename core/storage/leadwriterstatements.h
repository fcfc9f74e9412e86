#pragma once

#include "keyfilter.h"
#include "leadwriter.h"
#include "sqlstatement.h"

#include <map>
#include <memory>

// The statements every intake and insert runs, prepared once per writer.
struct LeadWriter::Statements {
    explicit Statements(const Database &db)
        : insertLead(db)
        , insertLeadIfAbsent(db)
        , insertEvent(db)
        , findKey(db)
        , findNamed(db)
        , findUnnamed(db) {}
    SqlStatement insertLead;
    SqlStatement insertLeadIfAbsent;
    SqlStatement insertEvent;
    // Probes before full reads: an import of new leads mostly finds nothing, and a probe on an
    // index is far cheaper than preparing and reading a whole lead each time.
    SqlStatement findKey;
    SqlStatement findNamed;   // leads of a name hash that have an email
    SqlStatement findUnnamed; // and those without
    // Multi-row activity inserts by row count: a lead's history in one statement.
    std::map<qsizetype, std::unique_ptr<SqlStatement>> insertActivities;
};

// The keys of the stored leads, by hash: what an intake need not look up.
struct LeadWriter::KnownKeys {
    explicit KnownKeys(qint64 expected)
        : keys(expected)
        , named(expected)
        , unnamed(expected) {}
    KeyFilter keys;    // DedupKey::hash of DedupKey::of
    KeyFilter named;   // DedupKey::nameHash of the leads with an email
    KeyFilter unnamed; // and of those without
};
