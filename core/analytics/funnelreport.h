#pragma once

#include "core/domain/funnelstep.h"

#include <QMap>
#include <QString>

#include <array>

// How many leads reached each funnel step, per storefront and all together. Cumulative: a lead
// that reached a later step counts in every earlier one; a lost or disqualified lead counts up to
// the furthest step its history shows.
struct FunnelReport {
    using Steps = std::array<qint64, FunnelSteps::count>; // indexed by FunnelStep

    // Every storefront by canonical name, with zeros where none came.
    QMap<QString, Steps> storefronts;
    Steps all{};

    static qint64 at(const Steps &steps, FunnelStep step) { return steps[size_t(step)]; }
    // The share of the leads at `from` that reached `to`, 0..1; 0 when none reached `from`.
    static double conversion(const Steps &steps, FunnelStep from, FunnelStep to);
    bool isEmpty() const { return all[0] == 0; }
};
