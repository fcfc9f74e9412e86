#pragma once

#include "../domain/lead.h"

#include <QDateTime>

// A lead whose outcome is known, as the win model learns from it: won or lost, and when.
struct WinClosedLead {
    Lead lead;
    bool won = false;
    QDateTime closedAt; // UTC: when it was moved to won or lost
};
