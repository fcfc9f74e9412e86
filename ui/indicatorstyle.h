#pragma once

#include <QProxyStyle>

// Fusion with an edge drawn round check boxes and radio buttons on a dark palette, where
// Fusion's own edge is a shade darker than the window and the boxes all but disappear.
class IndicatorStyle : public QProxyStyle {
    Q_OBJECT
public:
    IndicatorStyle();

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
};
