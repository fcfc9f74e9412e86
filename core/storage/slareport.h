#pragma once

#include "database.h"
#include "repsla.h"

#include <QDateTime>
#include <QList>

// The first-touch SLA (FirstTouchSla) over the database: the team's target, kept in `meta`
// under sla_target_hours, and each rep's figures. Test leads aside; a lead whose touches were
// counted without a logged one (an import's) is touched at an unknown time.
class SlaReport {
public:
    explicit SlaReport(const Database &db);

    QString lastError() const { return m_error; }
    int targetHours() const; // FirstTouchSla::defaultTargetHours when none is stored
    bool setTargetHours(int hours);
    // Per owner, the leads created since `since` (all when null), measured at `now`.
    QList<RepSla> perRep(const QDateTime &now, const QDateTime &since = {}) const;

private:
    Database m_db;
    mutable QString m_error;
};
