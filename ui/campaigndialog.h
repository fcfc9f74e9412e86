#pragma once

#include "core/domain/campaign.h"
#include "core/storage/database.h"
#include "core/storage/leadwriter.h"

#include <QDialog>
#include <QList>

#include <functional>
#include <memory>

class DatabaseReader;
class LeadEditor;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

// Nurture → Campaigns…: the campaigns with how many leads each has, a new one by name, kind and
// storefront, and the selected leads linked to the chosen one as one undoable edit. Read and
// written through CampaignRepository on a thread of its own.
class CampaignDialog : public QDialog {
    Q_OBJECT
public:
    // `selection`: the leads selected in the table, which "Link selection" links.
    CampaignDialog(const Database &db, LeadEditor *editor, const QList<LeadVersion> &selection,
                   QWidget *parent = nullptr);
    ~CampaignDialog() override;

    const QList<Campaign> &campaigns() const { return m_campaigns; }
    bool isBusy() const { return m_busy; }

public slots:
    void reload();
    void add();
    void linkSelection();

signals:
    void loaded();

private:
    using Job = std::function<QString(const Database &db)>;
    void runJob(Job job, const QString &select);
    void arrived(const QList<Campaign> &campaigns, const QString &error, const QString &select);
    void showProblem(const QString &message);

    LeadEditor *m_editor;
    QList<LeadVersion> m_selection;
    QList<Campaign> m_campaigns;
    bool m_busy = false;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_storefront = nullptr;
    QPushButton *m_link = nullptr;
    QLabel *m_problem = nullptr;
    std::unique_ptr<DatabaseReader> m_reader;
};
