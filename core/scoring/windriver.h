#pragma once

#include <QList>
#include <QString>

// A feature of a lead and how far it moves the lead's win chance from that of a typical lead,
// in log-odds: +0.8 reads "Director pushes the odds up by a factor e^0.8".
struct WinDriver {
    QString key;
    QString name;
    double logOdds = 0.0;
};

// The features that push a lead's win probability most up (largest first) and most down
// (most negative first).
struct WinDrivers {
    QList<WinDriver> up;
    QList<WinDriver> down;
};
