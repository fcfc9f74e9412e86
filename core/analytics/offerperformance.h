#pragma once

#include <QList>
#include <QMap>
#include <QString>

// Per offer: its leads split by action, how many reached qualified and won, and their average
// score.
struct OfferPerformance {
    struct Offer {
        QString offerId;
        qint64 leads = 0;
        QMap<QString, qint64> byAction; // ActionCategories::all() as keys, zeros left out
        qint64 qualified = 0;           // reached qualified or beyond
        qint64 won = 0;
        double averageScore = 0;

        double qualifiedShare() const { return leads > 0 ? double(qualified) / leads : 0.0; }
        double wonShare() const { return leads > 0 ? double(won) / leads : 0.0; }
    };
    enum class SortBy { Leads, Conversion, AverageScore };

    QList<Offer> offers; // most leads first unless sorted otherwise

    // Largest first; ties by offer id. Conversion is the won share, then the qualified share.
    void sort(SortBy by);
    // "leads", "conversion", "score"; false for anything else.
    static bool sortByFromName(const QString &name, SortBy *by);
    qint64 total() const;
};
