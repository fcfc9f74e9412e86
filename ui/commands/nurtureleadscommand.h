#pragma once

#include "core/domain/leadchanges.h"
#include "core/storage/writeresults.h"

#include <QList>
#include <QUndoCommand>

#include <memory>

class LeadEditor;

// One nurture step (a follow-up scheduled, a touch logged, leads enrolled in a cadence) as an
// undo step. Each lead has its own changes, worked out from its own plan: redo stores them
// again, undo puts back the columns the step changed and the follow-up plan it had, unless
// someone else has changed that lead since.
class NurtureLeadsCommand : public QUndoCommand {
public:
    struct Entry {
        qint64 id = 0;
        // The version the last redo or undo produced: what the next one is made against.
        qint64 version = 0;
        LeadChanges redo;
        LeadChanges undo;
        bool detached = false; // changed by someone else since: left alone from now on
    };
    // Made from the results of the step that already ran: the first redo() does nothing.
    NurtureLeadsCommand(LeadEditor *editor, const QList<Entry> &entries, const QString &text);

    void redo() override;
    void undo() override;
    QList<qint64> leadIds() const;

private:
    void store(bool undoing);

    LeadEditor *m_editor;
    // Shared with the writes on their way, which update it when they finish.
    std::shared_ptr<QList<Entry>> m_entries;
    bool m_done = true;
};
