#pragma once

#include "../domain/lead.h"

#include <QString>

// One line of the Due queue: a lead whose next follow-up has come, and what the follow-up is.
struct DueFollowUp {
    Lead lead;
    QString kind;         // call, email, meeting, task; "" when none was given
    QString cadence;      // the cadence it belongs to, "" when none
    bool overdue = false; // due before the start of the day the queue was asked for
};
