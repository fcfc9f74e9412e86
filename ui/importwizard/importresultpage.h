#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

// The import wizard's last page: what the import did, in numbers, and the way to the leads it
// brought in.
class ImportResultPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportResultPage(QWidget *parent = nullptr);

    void initializePage() override;

private:
    QLabel *m_imported;
    QLabel *m_merged;
    QLabel *m_unchanged;
    QLabel *m_skipped;
    QLabel *m_rejected;
    QPushButton *m_show;
};
