#pragma once

#include "core/domain/cadence.h"
#include "core/storage/database.h"

#include <QDialog>
#include <QList>

#include <functional>
#include <memory>

class DatabaseReader;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

// Nurture → Cadences…: the team's cadences, each a name, a description and touches with day
// offsets and kinds, added, edited and removed through CadenceRepository on a thread of its own.
class CadenceDialog : public QDialog {
    Q_OBJECT
public:
    CadenceDialog(const Database &db, const QString &actor, QWidget *parent = nullptr);
    ~CadenceDialog() override;

    const QList<Cadence> &cadences() const { return m_cadences; }
    // The cadence as the editor shows it now.
    Cadence edited() const;
    bool isBusy() const { return m_busy; }

public slots:
    void reload();
    void newCadence();
    void addTouch();
    void removeTouch();
    void save();
    void removeCadence();

signals:
    // The cadences were read (after opening, a save or a removal) and are on screen.
    void loaded();
    void problem(const QString &message);

private:
    using Job = std::function<QString(const Database &db)>;
    // Runs `job` on the reader thread, then reads the cadences again and shows them with
    // `select` chosen.
    void runJob(Job job, const QString &select);
    void arrived(const QList<Cadence> &cadences, const QString &error, const QString &select);
    void showCadence(int row);
    void addTouchRow(const CadenceTouch &touch);
    void showProblem(const QString &message);

    QString m_actor;
    QList<Cadence> m_cadences;
    bool m_busy = false;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QTableWidget *m_touches = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_remove = nullptr;
    std::unique_ptr<DatabaseReader> m_reader;
};
