#include "taborder.h"

#include <QWidget>

void TabOrder::follow(const QList<QWidget *> &regions) {
    if (regions.isEmpty())
        return;
    QList<QList<QWidget *>> stops(regions.size());
    QWidget *window = regions.first()->window();
    QWidget *w = window;
    do {
        qsizetype home = -1;
        if (w->focusPolicy() != Qt::NoFocus) {
            for (qsizetype i = 0; i < regions.size(); ++i) {
                QWidget *region = regions.at(i);
                if ((region == w || region->isAncestorOf(w)) &&
                    (home < 0 || regions.at(home)->isAncestorOf(region)))
                    home = i;
            }
        }
        if (home >= 0)
            stops[home] << w;
        w = w->nextInFocusChain();
    } while (w && w != window);
    QWidget *previous = nullptr;
    for (const QList<QWidget *> &region : std::as_const(stops)) {
        for (QWidget *stop : region) {
            if (previous)
                QWidget::setTabOrder(previous, stop);
            previous = stop;
        }
    }
}
