#pragma once

#include <QDateTime>
#include <QString>

// Times as a person says them ("3 days ago", "in 2 hours", "yesterday"), relative to now; far
// from now, the date itself.
namespace RelativeTime {
QString text(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTimeUtc());
// The exact time for a tooltip: the local date and time in full, and the UTC time.
QString exact(const QDateTime &when);
} // namespace RelativeTime
