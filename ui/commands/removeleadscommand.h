#pragma once

#include <QList>
#include <QUndoCommand>

class LeadEditor;

// Moving leads into the trash as an undo step: undo restores them from the trash, with their
// history, under the same ids.
class RemoveLeadsCommand : public QUndoCommand {
public:
    // Made from the leads the delete already moved: the first redo() does nothing.
    RemoveLeadsCommand(LeadEditor *editor, const QList<qint64> &ids, const QString &text);

    void redo() override;
    void undo() override;

private:
    LeadEditor *m_editor;
    QList<qint64> m_ids;
    bool m_done = true;
};
