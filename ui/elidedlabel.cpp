#include "elidedlabel.h"

#include <QFocusEvent>
#include <QResizeEvent>

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent) {
    setWordWrap(false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ElidedLabel::setFullText(const QString &text, const QString &href, const QString &toolTip) {
    m_text = text;
    m_href = href;
    m_toolTip = toolTip;
    setTextFormat(href.isEmpty() ? Qt::PlainText : Qt::RichText);
    fit();
    updateGeometry();
}

QSize ElidedLabel::sizeHint() const {
    const QMargins m = contentsMargins();
    return {fontMetrics().horizontalAdvance(m_text) + m.left() + m.right() + 2 * margin(),
            QLabel::minimumSizeHint().height()};
}

QSize ElidedLabel::minimumSizeHint() const {
    // Room for a letter or two and the ellipsis; the rest is the panel's to give.
    const QMargins m = contentsMargins();
    return {fontMetrics().horizontalAdvance(QStringLiteral("MM…")) + m.left() + m.right(),
            QLabel::minimumSizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event) {
    QLabel::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        fit();
}

void ElidedLabel::focusInEvent(QFocusEvent *event) {
    QLabel::focusInEvent(event);
    // Tab lands on the link itself, where Enter opens it: one stop, not the label and then
    // its link.
    const bool tab = event->reason() == Qt::TabFocusReason;
    if (!m_href.isEmpty() && (tab || event->reason() == Qt::BacktabFocusReason))
        QLabel::focusNextPrevChild(tab);
}

void ElidedLabel::fit() {
    // Until it is laid out the label has no width of its own: it holds the whole text.
    const int width = contentsRect().width() - 2 * margin();
    const QString shown = testAttribute(Qt::WA_Resized)
                              ? fontMetrics().elidedText(m_text, Qt::ElideRight, width)
                              : m_text;
    m_elided = shown != m_text;
    setText(m_href.isEmpty() ? shown
                             : QStringLiteral("<a href=\"%1\">%2</a>")
                                   .arg(m_href.toHtmlEscaped(), shown.toHtmlEscaped()));
    setToolTip(m_elided ? m_text : m_toolTip);
}
