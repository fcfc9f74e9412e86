#include "indicatorstyle.h"

#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

IndicatorStyle::IndicatorStyle()
    : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

void IndicatorStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
                                   QPainter *painter, const QWidget *widget) const {
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    if ((element != PE_IndicatorCheckBox && element != PE_IndicatorRadioButton) ||
        option->palette.color(QPalette::Window).lightness() >= 128)
        return;
    // The text colour, half strong: as plain as the box's own mark, never louder than it.
    QColor edge = option->palette.color(QPalette::Text);
    edge.setAlpha(option->state & State_Enabled ? 150 : 70);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(edge, 1));
    painter->setBrush(Qt::NoBrush);
    const QRectF box = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
    if (element == PE_IndicatorRadioButton)
        painter->drawEllipse(box);
    else
        painter->drawRoundedRect(box, 2, 2);
    painter->restore();
}
