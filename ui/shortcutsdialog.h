#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

// Help → Keyboard shortcuts: every key the workbench answers to, with what it does.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);
    // The keys as shown (native text) and what each does, in the order they are listed.
    static QList<QPair<QString, QString>> shortcuts();
};
