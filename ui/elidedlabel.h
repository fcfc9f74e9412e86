#pragma once

#include <QLabel>

// A one-line label that fits whatever width its panel has: a value too long for it ends in "…"
// and shows whole in the tooltip. It asks for no width of its own, so one long value (an email
// address, a translated score line) never pushes the panel past its right edge.
class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    // Shows `text`, or with `href` a link to it that reads `text`; `toolTip` is shown while
    // the whole text fits (the whole text is the tooltip otherwise).
    void setFullText(const QString &text, const QString &href = QString(),
                     const QString &toolTip = QString());
    QString fullText() const { return m_text; }
    bool isElided() const { return m_elided; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    void fit();

    QString m_text;
    QString m_href;
    QString m_toolTip;
    bool m_elided = false;
};
