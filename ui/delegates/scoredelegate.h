#pragma once

#include <QStyledItemDelegate>

// Paints a lead's score as a bar filled to the score out of 100, with the number and the grade
// letter on it, so that the best leads stand out while scrolling.
class ScoreDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
