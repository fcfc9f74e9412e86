#include "editleadscommand.h"

#include "core/domain/leadcolumns.h"
#include "core/storage/leadwriter.h"
#include "ui/leadeditor.h"

EditLeadsCommand::EditLeadsCommand(LeadEditor *editor, const LeadChanges &changes,
                                   const QList<UpdateResult> &applied, const QString &text)
    : QUndoCommand(text)
    , m_editor(editor)
    , m_changes(changes)
    , m_entries(std::make_shared<QList<Entry>>()) {
    for (const UpdateResult &r : applied) {
        if (r.ok() && r.lead && r.previous)
            m_entries->append(entryFor(r, changes));
    }
}

EditLeadsCommand::Entry EditLeadsCommand::entryFor(const UpdateResult &r,
                                                   const LeadChanges &changes) {
    Entry e;
    e.id = r.id;
    e.version = r.lead->version;
    // Only what this edit changed goes back: a column it set to the value it already had
    // may have been changed by someone else later, and is theirs.
    for (const QString &column : changes.columns()) {
        const QVariant before = LeadColumns::value(*r.previous, column);
        if (before != LeadColumns::value(*r.lead, column))
            e.undoChanges.set(column, before);
    }
    return e;
}

QList<qint64> EditLeadsCommand::leadIds() const {
    QList<qint64> ids;
    for (const Entry &e : std::as_const(*m_entries)) {
        if (!e.detached)
            ids << e.id;
    }
    return ids;
}

void EditLeadsCommand::undo() {
    QList<Entry> targets;
    for (const Entry &e : std::as_const(*m_entries)) {
        if (!e.detached && !e.undoChanges.isEmpty())
            targets << e;
    }
    if (targets.isEmpty())
        return;
    LeadEditor *editor = m_editor;
    const auto entries = m_entries;
    const QString label = text();
    editor->run(
        [targets](const Database &db, const QString &actor) {
            LeadWriter writer(db);
            QList<UpdateResult> results;
            // Each lead has its own previous values, so each is its own versioned update.
            for (const Entry &e : targets)
                results << writer.update(e.id, e.version, e.undoChanges, actor);
            return results;
        },
        [editor, entries, label](const QList<UpdateResult> &results) {
            editor->report(results, label, true);
            for (const UpdateResult &r : results) {
                for (Entry &e : *entries) {
                    if (e.id != r.id)
                        continue;
                    if (r.ok() && r.lead)
                        e.version = r.lead->version;
                    else if (r.status == UpdateResult::Status::Conflict ||
                             r.status == UpdateResult::Status::NotFound)
                        e.detached = true; // theirs now; later steps leave it alone
                }
            }
        });
}

void EditLeadsCommand::redo() {
    if (m_done) { // pushed after the edit ran
        m_done = false;
        return;
    }
    QList<LeadVersion> targets;
    for (const Entry &e : std::as_const(*m_entries)) {
        if (!e.detached)
            targets << LeadVersion{e.id, e.version};
    }
    if (targets.isEmpty())
        return;
    LeadEditor *editor = m_editor;
    const auto entries = m_entries;
    const LeadChanges changes = m_changes;
    const QString label = text();
    editor->run(
        [targets, changes](const Database &db, const QString &actor) {
            return LeadWriter(db).updateMany(targets, changes, actor);
        },
        [editor, entries, changes, label](const QList<UpdateResult> &results) {
            editor->report(results, label, false);
            for (const UpdateResult &r : results) {
                for (Entry &e : *entries) {
                    if (e.id != r.id)
                        continue;
                    if (r.ok() && r.lead && r.previous && r.lead->version != r.previous->version)
                        e = entryFor(r, changes);
                    else if (r.ok() && r.lead)
                        // Nothing to change (an undo that failed left the edit in place): the
                        // values to undo to are still the ones from before.
                        e.version = r.lead->version;
                    else if (r.status == UpdateResult::Status::Conflict ||
                             r.status == UpdateResult::Status::NotFound)
                        e.detached = true;
                }
            }
        });
}
