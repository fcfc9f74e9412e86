#pragma once

#include <QDateTime>

// The first-touch SLA: a lead should be touched within a target time of its creation (24 hours
// unless the team sets another). A lead is past it when its first touch came later than that,
// or has not come and the target time has passed while the lead is open.
namespace FirstTouchSla {
constexpr int defaultTargetHours = 24;
bool isBreached(const QDateTime &createdAt, const QDateTime &firstTouchAt, qint64 targetSeconds,
                const QDateTime &now, bool open = true);
// Seconds from creation to the first touch; 0 when either is unknown or the touch came first.
qint64 secondsToFirstTouch(const QDateTime &createdAt, const QDateTime &firstTouchAt);
} // namespace FirstTouchSla
