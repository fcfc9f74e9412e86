#include "leadtrend.h"

QDate LeadTrend::bucketStart(QDate day, Interval interval) {
    if (interval == Interval::Month)
        return QDate(day.year(), day.month(), 1);
    return day.addDays(1 - day.dayOfWeek()); // ISO weeks start on Monday
}

QDate LeadTrend::bucketEnd(QDate start, Interval interval) {
    return interval == Interval::Month ? start.addMonths(1) : start.addDays(7);
}

bool LeadTrend::intervalFromName(const QString &name, Interval *interval) {
    if (name == QLatin1String("week"))
        *interval = Interval::Week;
    else if (name == QLatin1String("month"))
        *interval = Interval::Month;
    else
        return false;
    return true;
}

bool LeadTrend::byFromName(const QString &name, By *by) {
    if (name == QLatin1String("storefront"))
        *by = By::Storefront;
    else if (name == QLatin1String("action"))
        *by = By::Action;
    else
        return false;
    return true;
}

qint64 LeadTrend::total() const {
    qint64 n = 0;
    for (const Bucket &b : buckets)
        n += b.total;
    return n;
}
