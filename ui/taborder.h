#pragma once

#include <QList>

class QWidget;

// Tab in the order a window is laid out, whatever order its widgets were made in: a widget
// joins the focus chain when it is made or given a parent, which is seldom the order the eye
// reads them in.
namespace TabOrder {
// Puts the widgets that take focus in each region (a widget and its descendants; a widget in
// two regions belongs to the innermost) one region after the other, in the order of `regions`;
// within a region they keep their order. Widgets in no region keep their place.
void follow(const QList<QWidget *> &regions);
} // namespace TabOrder
