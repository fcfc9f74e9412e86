#pragma once

#include "../scoring/winclosedlead.h"
#include "database.h"

#include <QList>
#include <QString>

#include <optional>

// The win model's training data: every won or lost lead that is no test lead, with the time it
// was closed, in one query. The lead carries the columns a score reads (storefront, action,
// offer id, email, phone, country, company, title, times, events, stage, score, flags); names,
// notes, owner, grade and campaign are left out, as they are for hundreds of thousands of leads.
class WinHistoryReader {
public:
    explicit WinHistoryReader(const Database &db);

    // In no particular order; nullopt with error() set.
    std::optional<QList<WinClosedLead>> closedLeads();
    QString error() const { return m_error; }

private:
    Database m_db;
    QString m_error;
};
