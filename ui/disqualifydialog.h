#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

// Asks why a lead is disqualified: one of the reasons, and a few words (needed for "Other").
class DisqualifyDialog : public QDialog {
    Q_OBJECT
public:
    explicit DisqualifyDialog(const QString &leadName, QWidget *parent = nullptr);

    QString reason() const; // DisqualifyReasons canonical name
    QString text() const;

private:
    void check();

    QComboBox *m_reason = nullptr;
    QLineEdit *m_text = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_ok = nullptr;
};
