#pragma once

#include <QList>
#include <QMap>
#include <QString>

// Leads per score grade (A to D, then ungraded), each split by storefront, with the average
// score.
struct ScoreDistribution {
    struct Grade {
        QString grade; // "A".."D", or "" for leads without a grade
        qint64 count = 0;
        double averageScore = 0;
        QMap<QString, qint64> byStorefront; // canonical names
    };
    QList<Grade> grades; // A, B, C, D, ungraded: every one, zeros too
    qint64 total() const;
};
