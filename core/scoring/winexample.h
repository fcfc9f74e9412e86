#pragma once

#include <QStringList>

// One closed lead as the win model learns from it: its feature keys (WinFeatures::keysOf) and
// whether it was won.
struct WinExample {
    QStringList features;
    bool won = false;
};
