#pragma once

#include "../scoring/winhistory.h"
#include "database.h"

#include <QList>
#include <QString>

#include <optional>

// The win model's training data: every won or lost lead that is no test lead, with the time it
// was closed, in one query. Each lead is read with the columns a score reads (storefront,
// action, offer id, email, phone, country, company, title, times, events, stage, score, flags)
// only for as long as it takes to note its features and rule score: names, notes, owner, grade
// and campaign are left out, and no lead is kept whole, as they are hundreds of thousands.
class WinHistoryReader {
public:
    explicit WinHistoryReader(const Database &db);

    // In no particular order, each lead's rule score from `ruleScore` (its stored score when
    // unset); nullopt with error() set.
    std::optional<WinHistory> closedLeads(const WinHistory::RuleScore &ruleScore = {});
    // What the closed leads are now, in one short text: their number and a sum over each one's
    // id and version, which every edit, close, reopen, delete and restore moves. A model trained
    // when it was the same would be trained again on the same data. Empty with error() set.
    QString fingerprint();
    QString error() const { return m_error; }
    // Of the last closedLeads(), the time spent on the leads' features and rule scores.
    qint64 featureMilliseconds() const { return m_featureNanoseconds / 1000000; }

private:
    Database m_db;
    QString m_error;
    qint64 m_featureNanoseconds = 0;
};
