#include "funnelreport.h"

double FunnelReport::conversion(const Steps &steps, FunnelStep from, FunnelStep to) {
    const qint64 base = at(steps, from);
    return base > 0 ? double(at(steps, to)) / double(base) : 0.0;
}
