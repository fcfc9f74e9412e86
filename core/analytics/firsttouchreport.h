#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

// How long leads waited for their first logged touch, in buckets (under 1 h, 1–4 h, 4–8 h,
// 8–24 h, 1–2 days, 2–7 days, over 7 days), beside the team's first-touch target; and how many
// open leads still wait. With no logged touch it says so instead of showing a blank chart.
struct FirstTouchReport {
    struct Bucket {
        QString label;          // "1–4 h"
        qint64 upToSeconds = 0; // its upper bound; 0 for the last, open one
        qint64 count = 0;
    };
    QList<Bucket> buckets;
    int targetHours = 24;
    qint64 touched = 0;    // leads with a logged first touch
    qint64 pastTarget = 0; // of which touched later than the target
    qint64 waiting = 0;    // open leads nobody has touched yet
    bool available() const { return touched > 0; }
    static QString noTouches() {
        return QCoreApplication::translate("FirstTouchReport",
                                           "no first touch is logged for these leads yet: log a "
                                           "call, email or meeting on a lead to start");
    }
};
