#pragma once

#include <QStyledItemDelegate>

// Marks a lead that waits for its first touch past the team's target with a "No touch" badge
// beside its arrival time: words and an outline, so that colour is never the only sign.
class FirstTouchSlaDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    static QString badgeText();
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
