#pragma once

#include "dedupkey.h"
#include "lead.h"

// A record about to be taken in (LeadWriter::intake), made ready on any thread: the lead
// classified (LeadClassifier) and its identity worked out, so that the thread that stores it
// only looks up and writes.
struct IntakeRecord {
    Lead lead;
    DedupKey::Identity identity;

    static IntakeRecord of(Lead lead);
};
