#pragma once

#include <QColor>
#include <QString>

class QPalette;

// The red of warnings, refusals and overdue dates, readable on the palette it is shown with:
// a deep red on a light palette, a light one on a dark palette.
namespace WarningInk {
QColor on(const QPalette &palette);
// The same for the application's palette, where no widget is at hand (a model's colours).
QColor onApplication();
// A style sheet giving a label that colour.
QString styleSheet(const QPalette &palette);
} // namespace WarningInk
