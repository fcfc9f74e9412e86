#pragma once

#include <QDate>
#include <QList>
#include <QMap>
#include <QStringList>

// Leads created per week or month (UTC), split by storefront or by action, with a trailing
// moving average of the totals.
struct LeadTrend {
    enum class Interval { Week, Month };
    enum class By { Storefront, Action };

    struct Bucket {
        QDate start; // a Monday, or the first of a month
        QMap<QString, qint64> byKey;
        qint64 total = 0;
        double movingAverage = 0; // of the totals of this bucket and the window - 1 before it
    };

    Interval interval = Interval::Month;
    By by = By::Storefront;
    int window = 3;
    QStringList keys;      // the series, in the order every chart stacks them
    QList<Bucket> buckets; // oldest first, every interval between the first and last lead

    // The first day of the bucket `day` falls in.
    static QDate bucketStart(QDate day, Interval interval);
    // The first day after the bucket that starts on `start`.
    static QDate bucketEnd(QDate start, Interval interval);
    static bool intervalFromName(const QString &name, Interval *interval); // week, month
    static bool byFromName(const QString &name, By *by);                   // storefront, action
    qint64 total() const;
};
