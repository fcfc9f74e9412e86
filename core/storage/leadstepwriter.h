#pragma once

#include "../domain/lead.h"
#include "../domain/leadchanges.h"
#include "database.h"
#include "writeresults.h"

#include <QString>

#include <functional>

// A step a policy works out from a lead as it is now: the changes to store, or why it may not
// be taken (refusal), or why it could not be worked out (failure: a read that failed).
struct LeadStep {
    LeadChanges changes;
    QString refusal;
    QString failure;
};

// Stores the steps of the policies above the write path (qualification, nurture): the step is
// worked out from the lead as read and written by LeadWriter::update against that version. A
// lead changed meanwhile is a conflict when the caller gave its version; without one (0) the
// lead is read again and the step worked out anew, a few times. A refusal is Invalid with its
// reason and stores nothing.
class LeadStepWriter {
public:
    explicit LeadStepWriter(const Database &db);
    UpdateResult apply(qint64 id, qint64 expectedVersion,
                       const std::function<LeadStep(const Lead &)> &step, const QString &actor);

private:
    Database m_db;
};
