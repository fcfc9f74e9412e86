#pragma once

#include "core/io/columnmapping.h"
#include "core/storage/database.h"

#include <QList>
#include <QStringList>
#include <QWizardPage>

#include <memory>

class DatabaseReader;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

// The import wizard's column mapping: what each column of the file becomes (a lead field, the
// name split in two, the marketplace lead source, customer info JSON, an extra field, or
// nothing), proposed from the header and its values, with the order dates are written in and
// the mappings saved under a name for files that come back every month.
class ImportMappingPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportMappingPage(const Database &db, QWidget *parent = nullptr);
    ~ImportMappingPage() override;

    // The mapping as the page shows it.
    ColumnMapping mapping() const;
    // Shows `mapping` for the file's header.
    void setMapping(const ColumnMapping &mapping);
    // Every target a column can have, with the name the page shows for it ("" is Ignore).
    static const QList<std::pair<QString, QString>> &targets();
    static QString targetName(const QString &target);

    // The saved profiles as last read.
    QStringList profileNames() const { return m_profileNames; }
    // Stores the shown mapping as profile `name` (replacing one of that name).
    void saveProfile(const QString &name);
    // Shows the saved profile `name` for this file's header.
    void loadProfile(const QString &name);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

signals:
    // The profile names were read (again); a save or a load ended with `message` shown.
    void profilesRead();
    void profileMessage(const QString &message);

private:
    void readProfiles();
    void changed();
    void askProfileName();

    QStringList m_header;
    QList<QStringList> m_samples;
    ColumnMapping m_proposed;
    QTableWidget *m_table;
    QComboBox *m_dateOrder;
    QComboBox *m_profiles;
    QPushButton *m_saveProfile;
    QLabel *m_message;
    QLabel *m_profileMessage;
    QStringList m_profileNames;
    std::unique_ptr<DatabaseReader> m_reader;
};
