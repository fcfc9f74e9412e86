#pragma once

#include "core/domain/opportunitydetails.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

// Asks what a qualified lead is worth as an opportunity: estimated value and currency, the
// expected close date, and where it is followed up (your CRM, co-sell, the marketplace).
class ConvertDialog : public QDialog {
    Q_OBJECT
public:
    ConvertDialog(const QString &leadName, const OpportunityDetails &current,
                  QWidget *parent = nullptr);

    OpportunityDetails details() const;

private:
    void check();

    QDoubleSpinBox *m_value = nullptr;
    QLineEdit *m_currency = nullptr;
    QDateEdit *m_close = nullptr;
    QComboBox *m_destination = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_ok = nullptr;
};
