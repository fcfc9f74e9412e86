#pragma once

#include <QWizardPage>

class QLabel;
class QRadioButton;

// The import wizard's choice for records of a person and offer already stored: merge them into
// that lead (another event, empty fields filled in) or leave the lead as it is.
class ImportDuplicatesPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportDuplicatesPage(QWidget *parent = nullptr);

    void initializePage() override;
    bool validatePage() override;

private:
    QLabel *m_found;
    QRadioButton *m_merge;
    QRadioButton *m_skip;
};
