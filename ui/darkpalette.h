#pragma once

#include <QPalette>

// The dark colours of `leadbench --dark`, for desktops without a dark theme of their own; used
// with IndicatorStyle.
namespace DarkPalette {
QPalette make();
} // namespace DarkPalette
