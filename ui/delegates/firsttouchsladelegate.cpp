#include "firsttouchsladelegate.h"

#include "ui/models/leadtablemodel.h"
#include "ui/warningink.h"

#include <QApplication>
#include <QPainter>

QString FirstTouchSlaDelegate::badgeText() {
    return tr("No touch");
}

void FirstTouchSlaDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const {
    if (!index.data(LeadTableModel::SlaBreachedRole).toBool()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QFontMetrics metrics(option.font);
    const QString badge = badgeText();
    const int badgeWidth = metrics.horizontalAdvance(badge) + 12;
    const QRect chip(option.rect.right() - badgeWidth - 3,
                     option.rect.center().y() - metrics.height() / 2 - 1, badgeWidth,
                     metrics.height() + 2);
    const bool selected = option.state & QStyle::State_Selected;
    const QColor ink = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor warn = selected ? ink : WarningInk::on(option.palette);
    painter->save();
    painter->setFont(option.font);
    painter->setPen(ink);
    const QRect textRect = option.rect.adjusted(4, 0, -(badgeWidth + 8), 0);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(warn, 1.2));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    painter->drawText(chip, Qt::AlignCenter, badge);
    painter->restore();
}

QSize FirstTouchSlaDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width() + QFontMetrics(option.font).horizontalAdvance(badgeText()) + 20);
    return size;
}
