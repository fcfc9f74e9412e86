#include "scoredistribution.h"

qint64 ScoreDistribution::total() const {
    qint64 n = 0;
    for (const Grade &g : grades)
        n += g.count;
    return n;
}
