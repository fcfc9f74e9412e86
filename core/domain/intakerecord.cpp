#include "intakerecord.h"

#include "leadclassifier.h"

IntakeRecord IntakeRecord::of(Lead lead) {
    LeadClassifier::classify(lead);
    IntakeRecord r{std::move(lead), {}};
    r.identity = DedupKey::identity(r.lead);
    return r;
}
