#pragma once

#include "core/domain/leadchanges.h"
#include "core/storage/writeresults.h"

#include <QList>
#include <QUndoCommand>

#include <memory>

class LeadEditor;

// One edit of one or many leads as an undo step: undo puts back each lead's previous values
// of exactly the columns it changed, unless someone else has changed that lead since.
class EditLeadsCommand : public QUndoCommand {
public:
    // Made from the results of the edit that already ran: the first redo() does nothing.
    EditLeadsCommand(LeadEditor *editor, const LeadChanges &changes,
                     const QList<UpdateResult> &applied, const QString &text);

    void redo() override;
    void undo() override;
    // The leads this step still holds (not left alone after a conflict).
    QList<qint64> leadIds() const;

private:
    struct Entry {
        qint64 id = 0;
        // The version the last redo or undo produced: what the next one is made against.
        qint64 version = 0;
        // The previous values of the columns this edit changed on this lead.
        LeadChanges undoChanges;
        // Someone else changed the lead since: it is left alone from now on.
        bool detached = false;
    };
    static Entry entryFor(const UpdateResult &result, const LeadChanges &changes);

    LeadEditor *m_editor;
    LeadChanges m_changes;
    // Shared with the writes on their way, which update it when they finish.
    std::shared_ptr<QList<Entry>> m_entries;
    bool m_done = true; // the edit already ran when the command was made
};
