#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

// Covers a view that has nothing to show with a sentence saying why and, when filters are the
// reason, a button that clears them. It follows the view's size and lets nothing through.
class EmptyStateOverlay : public QWidget {
    Q_OBJECT
public:
    // Lies over `view`, hidden until showEmpty().
    explicit EmptyStateOverlay(QWidget *view);

    // Shows `message`, with the Clear filters button when `canClear`.
    void showEmpty(const QString &message, bool canClear);

signals:
    void clearFiltersRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLabel *m_message = nullptr;
    QPushButton *m_clear = nullptr;
};
