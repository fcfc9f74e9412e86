#include "nurtureleadscommand.h"

#include "core/storage/leadwriter.h"
#include "ui/leadeditor.h"

NurtureLeadsCommand::NurtureLeadsCommand(LeadEditor *editor, const QList<Entry> &entries,
                                         const QString &text)
    : QUndoCommand(text)
    , m_editor(editor)
    , m_entries(std::make_shared<QList<Entry>>(entries)) {}

QList<qint64> NurtureLeadsCommand::leadIds() const {
    QList<qint64> ids;
    for (const Entry &e : std::as_const(*m_entries)) {
        if (!e.detached)
            ids << e.id;
    }
    return ids;
}

void NurtureLeadsCommand::undo() {
    store(true);
}

void NurtureLeadsCommand::redo() {
    if (m_done) { // pushed after the step ran
        m_done = false;
        return;
    }
    store(false);
}

void NurtureLeadsCommand::store(bool undoing) {
    QList<Entry> targets;
    for (const Entry &e : std::as_const(*m_entries)) {
        if (!e.detached)
            targets << e;
    }
    if (targets.isEmpty())
        return;
    LeadEditor *editor = m_editor;
    const auto entries = m_entries;
    const QString label = text();
    editor->run(
        [targets, undoing](const Database &db, const QString &actor) {
            LeadWriter writer(db);
            QList<UpdateResult> results;
            for (const Entry &e : targets)
                results << writer.update(e.id, e.version, undoing ? e.undo : e.redo, actor);
            return results;
        },
        [editor, entries, label, undoing](const QList<UpdateResult> &results) {
            editor->report(results, label, undoing);
            for (const UpdateResult &r : results) {
                for (Entry &e : *entries) {
                    if (e.id != r.id)
                        continue;
                    if (r.ok() && r.lead)
                        e.version = r.lead->version;
                    else if (r.status == UpdateResult::Status::Conflict ||
                             r.status == UpdateResult::Status::NotFound)
                        e.detached = true;
                }
            }
        });
}
