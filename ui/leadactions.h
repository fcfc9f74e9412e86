#pragma once

#include "core/storage/leadwriter.h"

#include <QList>
#include <QObject>

class LeadEditor;
class LeadPanel;
class LeadTableModel;
class QAction;
class QMenu;
class QTableView;
class QWidget;

// The Lead menu: what a rep does to the selected leads — set the stage (1–8), assign to me (O),
// set the next follow-up (F), add a note (N), log a touch (T), enrol in a cadence (E), mark
// do-not-contact, delete — each one undoable step through the LeadEditor. The single-key shortcuts
// work while the table has the focus, so that typing in a field never changes a lead.
class LeadActions : public QObject {
    Q_OBJECT
public:
    LeadActions(QTableView *view, LeadTableModel *model, LeadEditor *editor, LeadPanel *panel,
                QObject *parent = nullptr);
    QMenu *menu() const { return m_menu; }
    // The loaded leads among the selected rows, with the versions they are shown at.
    QList<LeadVersion> selectedLeads() const;
    // "Who am I": the owner name "assign to me" uses (settings user/name, else the login).
    static QString me();
    // Asks for that name and keeps it in the settings; false when the user cancels.
    static bool askWhoIAm(QWidget *parent);

signals:
    // "Who am I" gave a new name: the Due queue, reminders and "My" filters follow it.
    void userNameChanged(const QString &name);

private:
    QAction *add(const QString &text, const QKeySequence &key, const QString &tip);
    void updateEnabled();
    void setStage(int stage);
    void assignToMe();
    void setFollowUp();
    void addNote();
    void markDoNotContact();
    void removeSelected();
    void openPanel();

    QTableView *m_view;
    LeadTableModel *m_model;
    LeadEditor *m_editor;
    LeadPanel *m_panel;
    QMenu *m_menu;
    QList<QAction *> m_needSelection;
};
