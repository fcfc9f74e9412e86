#pragma once

#include "core/domain/lead.h"
#include "core/domain/leadchanges.h"
#include "core/storage/leadwriter.h"

#include <QDialog>
#include <QHash>
#include <QStringList>

class QRadioButton;

// An edit that lost a race: per field that differs, their stored value beside mine, and the
// choice of which to keep. Nothing is overwritten unless the user keeps their own value.
class ConflictDialog : public QDialog {
    Q_OBJECT
public:
    ConflictDialog(const Lead &mine, const Lead &theirs, const QStringList &fields,
                   QWidget *parent = nullptr);

    QStringList fields() const { return m_fields; }
    // Chooses mine (true) or theirs for a field, as its radio buttons do.
    void keepMine(const QString &field, bool mine);
    bool keepsMine(const QString &field) const;
    // My values of the fields where mine is kept: the edit to re-apply against their version.
    LeadChanges changesToKeep() const;
    // The lead and version that edit is made against.
    LeadVersion theirVersion() const { return {m_theirs.id, m_theirs.version}; }
    const Lead &theirs() const { return m_theirs; }

private:
    Lead m_mine;
    Lead m_theirs;
    QStringList m_fields;
    QHash<QString, QRadioButton *> m_mineButtons;
    QHash<QString, QRadioButton *> m_theirButtons;
};
