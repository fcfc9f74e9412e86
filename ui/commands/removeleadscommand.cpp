#include "removeleadscommand.h"

#include "core/storage/leadtrash.h"
#include "ui/leadeditor.h"

RemoveLeadsCommand::RemoveLeadsCommand(LeadEditor *editor, const QList<qint64> &ids,
                                       const QString &text)
    : QUndoCommand(text)
    , m_editor(editor)
    , m_ids(ids) {}

void RemoveLeadsCommand::undo() {
    LeadEditor *editor = m_editor;
    const QString label = text();
    const QList<qint64> ids = m_ids;
    editor->run([ids](const Database &db,
                      const QString &actor) { return LeadTrash(db).restore(ids, actor); },
                [editor, label](const QList<UpdateResult> &results) {
                    editor->reportTrash(results, label, true);
                });
}

void RemoveLeadsCommand::redo() {
    if (m_done) { // pushed after the delete ran
        m_done = false;
        return;
    }
    LeadEditor *editor = m_editor;
    const QString label = text();
    const QList<qint64> ids = m_ids;
    editor->run([ids](const Database &db,
                      const QString &actor) { return LeadTrash(db).remove(ids, actor); },
                [editor, label](const QList<UpdateResult> &results) {
                    editor->reportTrash(results, label, false);
                });
}
