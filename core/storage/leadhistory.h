#pragma once

#include "../domain/activity.h"
#include "../domain/leadevent.h"
#include "database.h"

#include <QList>

// Reads a lead's history on this thread's connection: the marketplace events as they arrived
// and the activities (every change, who made it and when).
class LeadHistory {
public:
    explicit LeadHistory(const Database &db);

    QString lastError() const { return m_error; }
    QList<LeadEvent> events(qint64 leadId) const;    // oldest first
    QList<Activity> activities(qint64 leadId) const; // in the order they happened

private:
    Database m_db;
    mutable QString m_error;
};
