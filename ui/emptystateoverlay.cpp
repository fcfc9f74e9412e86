#include "emptystateoverlay.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

EmptyStateOverlay::EmptyStateOverlay(QWidget *view)
    : QWidget(view) {
    setObjectName(QStringLiteral("emptyStateOverlay"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("emptyStateMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    QFont larger = m_message->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.25);
    m_message->setFont(larger);
    m_clear = new QPushButton(tr("Clear filters"));
    m_clear->setObjectName(QStringLiteral("emptyStateClearFilters"));
    connect(m_clear, &QPushButton::clicked, this, &EmptyStateOverlay::clearFiltersRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_message);
    layout->addWidget(m_clear, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    view->installEventFilter(this);
    setGeometry(view->rect());
    hide();
}

void EmptyStateOverlay::showEmpty(const QString &message, bool canClear) {
    m_message->setText(message);
    m_clear->setVisible(canClear);
    setGeometry(parentWidget()->rect());
    show();
    raise();
}

bool EmptyStateOverlay::eventFilter(QObject *watched, QEvent *event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}
