#pragma once

#include "core/domain/stage.h"

#include <QColor>
#include <QStyledItemDelegate>

// Paints a lead's stage as a coloured chip carrying the stage's name: the colour for a glance,
// the name so that colour is never the only sign.
class StageDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    // One fixed colour per stage, readable under white text in light and dark palettes.
    static QColor colour(Stage stage);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
