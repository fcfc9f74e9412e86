#include "scoredelegate.h"

#include "ui/models/leadtablemodel.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

void ScoreDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const {
    const QVariant score = index.data(Qt::DisplayRole);
    if (!score.isValid()) { // not loaded yet
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection

    const int value = std::clamp(score.toInt(), 0, 100);
    const QRect bar = option.rect.adjusted(4, 5, -4, -5);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor track = option.palette.color(QPalette::Mid);
    track.setAlpha(60);
    painter->setPen(Qt::NoPen);
    painter->setBrush(track);
    painter->drawRoundedRect(bar, 3, 3);
    QColor fill = option.palette.color(QPalette::Highlight);
    fill.setAlpha(option.state & QStyle::State_Selected ? 200 : 110);
    painter->setBrush(fill);
    painter->drawRoundedRect(QRect(bar.topLeft(), QSize(bar.width() * value / 100, bar.height())),
                             3, 3);
    const QString grade = index.data(LeadTableModel::GradeRole).toString();
    const QString text = grade.isEmpty()
                             ? QLocale().toString(value)
                             : QStringLiteral("%1 · %2").arg(QLocale().toString(value), grade);
    painter->setPen(option.palette.color(
        option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    QFont font = option.font;
    font.setBold(!grade.isEmpty() && grade == QLatin1String("A"));
    painter->setFont(font);
    painter->drawText(bar.adjusted(4, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
}

QSize ScoreDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(),
                           option.fontMetrics.horizontalAdvance(QStringLiteral("100 · A")) + 20));
    return size;
}
