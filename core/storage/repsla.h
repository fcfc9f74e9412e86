#pragma once

#include <QString>

// One rep's first-touch SLA: their leads, how many were touched, how many are past the target,
// and the average time to a first touch.
struct RepSla {
    QString owner; // "" for the leads no one owns
    qint64 leads = 0;
    qint64 touched = 0;
    qint64 breached = 0;
    double averageHours = 0.0; // over the leads with a logged first touch; 0 when none
};
