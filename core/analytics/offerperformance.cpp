#include "offerperformance.h"

#include <algorithm>

void OfferPerformance::sort(SortBy by) {
    auto key = [by](const Offer &o) {
        switch (by) {
        case SortBy::Leads:
            return std::pair<double, double>(double(o.leads), 0.0);
        case SortBy::Conversion:
            return std::pair<double, double>(o.wonShare(), o.qualifiedShare());
        case SortBy::AverageScore:
            return std::pair<double, double>(o.averageScore, double(o.leads));
        }
        return std::pair<double, double>(0.0, 0.0);
    };
    std::stable_sort(offers.begin(), offers.end(), [&](const Offer &a, const Offer &b) {
        const auto ka = key(a), kb = key(b);
        if (ka != kb)
            return ka > kb;
        return a.offerId < b.offerId;
    });
}

bool OfferPerformance::sortByFromName(const QString &name, SortBy *by) {
    if (name == QLatin1String("leads"))
        *by = SortBy::Leads;
    else if (name == QLatin1String("conversion"))
        *by = SortBy::Conversion;
    else if (name == QLatin1String("score"))
        *by = SortBy::AverageScore;
    else
        return false;
    return true;
}

qint64 OfferPerformance::total() const {
    qint64 n = 0;
    for (const Offer &o : offers)
        n += o.leads;
    return n;
}
