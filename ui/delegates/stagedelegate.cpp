#include "stagedelegate.h"

#include "ui/models/leadtablemodel.h"

#include <QApplication>
#include <QPainter>

QColor StageDelegate::colour(Stage stage) {
    switch (stage) {
    case Stage::New:
        return QColor(0x4b, 0x63, 0x7a);
    case Stage::Contacted:
        return QColor(0x1f, 0x5f, 0xa8);
    case Stage::Nurturing:
        return QColor(0x6d, 0x3f, 0xb0);
    case Stage::Qualified:
        return QColor(0x0b, 0x7a, 0x70);
    case Stage::Opportunity:
        return QColor(0xa8, 0x5a, 0x00);
    case Stage::Won:
        return QColor(0x1e, 0x7b, 0x34);
    case Stage::Lost:
        return QColor(0xa8, 0x24, 0x1c);
    case Stage::Disqualified:
        return QColor(0x5c, 0x57, 0x52);
    }
    return QColor(0x5c, 0x57, 0x52);
}

void StageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const {
    const QVariant stage = index.data(LeadTableModel::StageRole);
    if (!stage.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QFontMetrics metrics(option.font);
    const int width = std::min(option.rect.width() - 8, metrics.horizontalAdvance(name) + 20);
    const QRect chip(option.rect.left() + 4, option.rect.center().y() - metrics.height() / 2 - 2,
                     width, metrics.height() + 4);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour(Stage(stage.toInt())));
    painter->drawRoundedRect(chip, chip.height() / 2.0, chip.height() / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(option.font);
    painter->drawText(chip.adjusted(6, 0, -6, 0), Qt::AlignCenter,
                      metrics.elidedText(name, Qt::ElideRight, chip.width() - 12));
    painter->restore();
}

QSize StageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width() + 24);
    return size;
}
