#pragma once

#include <QDateTime>
#include <QString>

// Dates and times as files write them, read into UTC: ISO 8601 with or without a zone,
// dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy, mm/dd/yyyy, a month named in English or Dutch (15 Mar 2024,
// Mar 15, 2024, 5-mrt-2024), with an optional time (24-hour or AM/PM), and Excel's serial day
// numbers. Written by hand: an import reads one for every row.
namespace DateText {
// Which number comes first in a date that does not start with the year.
enum class Order {
    Auto,      // a number above 12 decides; otherwise day first, as most of the world writes
    DayFirst,  // 31-12-2024, 31/12/2024, 31.12.2024
    MonthFirst // 12/31/2024
};

// UTC; invalid when the text is no date (or no date in that order: 12/31/2024 day-first).
// A time without a zone is UTC, as marketplace times are. Excel serials count days from
// 1899-12-30 with the fraction as the time of day (45292 is 2024-01-01); serials before 1970
// are taken for no date.
QDateTime parse(const QString &text, Order order);
// What one value tells about the order: DayFirst for 25/03/2024, MonthFirst for 03/25/2024;
// Auto when it cannot tell (03/04/2024, ISO, a serial, no date).
Order evidence(const QString &text);
// Whether the value is a day-month date whose order matters (03/04/2024).
bool isAmbiguous(const QString &text);
} // namespace DateText
