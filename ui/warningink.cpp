#include "warningink.h"

#include <QGuiApplication>
#include <QPalette>

namespace WarningInk {

QColor on(const QPalette &palette) {
    // Both about 7:1 against their window colour, so that a warning reads as easily as text.
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xf2, 0x8b, 0x82)
                                                             : QColor(0xb3, 0x26, 0x1e);
}

QColor onApplication() {
    return on(QGuiApplication::palette());
}

QString styleSheet(const QPalette &palette) {
    return QStringLiteral("color: %1;").arg(on(palette).name());
}

} // namespace WarningInk
