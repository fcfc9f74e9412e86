#include "leadeditor.h"

#include "commands/editleadscommand.h"
#include "commands/removeleadscommand.h"
#include "core/domain/leadcolumns.h"
#include "core/storage/databasereader.h"
#include "core/storage/leadtrash.h"

#include <QAction>
#include <QKeySequence>

#include <algorithm>

LeadEditor::LeadEditor(const Database &db, const QString &actor, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_actor(actor)
    , m_writer(std::make_unique<DatabaseReader>(db)) {}

LeadEditor::~LeadEditor() {
    // The running write finishes (a transaction is never cut off); its answer goes with us.
    m_writer.reset();
}

void LeadEditor::run(Work work, Done done) {
    if (m_pending++ == 0)
        emit busyChanged(true);
    const QString actor = m_actor;
    m_writer->post([this, work = std::move(work), done = std::move(done),
                    actor](const Database &db) {
        const QList<UpdateResult> results = work(db, actor);
        const bool ok = std::none_of(results.cbegin(), results.cend(), [](const UpdateResult &r) {
            return r.status == UpdateResult::Status::Failed;
        });
        QMetaObject::invokeMethod(
            this,
            [this, done, results] {
                done(results);
                if (--m_pending == 0)
                    emit busyChanged(false);
            },
            Qt::QueuedConnection);
        return ok;
    });
}

void LeadEditor::edit(const QList<LeadVersion> &leads, const LeadChanges &changes,
                      const QString &text) {
    if (leads.isEmpty() || changes.isEmpty())
        return;
    run(
        [leads, changes](const Database &db, const QString &actor) {
            return LeadWriter(db).updateMany(leads, changes, actor);
        },
        [this, changes, text](const QList<UpdateResult> &results) {
            editArrived(results, changes, text);
        });
}

void LeadEditor::editArrived(const QList<UpdateResult> &results, const LeadChanges &changes,
                             const QString &text) {
    QList<UpdateResult> applied;
    QList<UpdateResult> conflicts;
    QStringList problems;
    bool changedAny = false;
    for (const UpdateResult &r : results) {
        switch (r.status) {
        case UpdateResult::Status::Updated:
            applied << r;
            if (r.lead && r.previous && r.lead->version != r.previous->version) {
                changedAny = true;
                emit leadChanged(*r.lead);
            }
            break;
        case UpdateResult::Status::Conflict:
            conflicts << r;
            if (r.lead)
                emit leadChanged(*r.lead); // what is stored now, for the table and the panel
            break;
        case UpdateResult::Status::NotFound:
            problems << tr("lead %1 no longer exists").arg(r.id);
            break;
        case UpdateResult::Status::Invalid:
        case UpdateResult::Status::Failed:
            problems << r.error;
            break;
        }
    }
    // A change that changed nothing is no step to undo.
    if (changedAny)
        m_stack.push(new EditLeadsCommand(this, changes, applied, text));
    if (conflicts.size() == 1 && results.size() == 1 && conflicts.first().lead) {
        const Lead theirs = *conflicts.first().lead;
        Lead mine = theirs;
        changes.applyTo(mine);
        const QStringList fields = differingFields(mine, theirs, changes.columns());
        // Someone already made the same change: nothing is left to choose between.
        if (!fields.isEmpty())
            emit conflict(mine, theirs, fields);
    } else if (!conflicts.isEmpty()) {
        problems << (conflicts.size() == 1
                         ? tr("1 lead changed by someone else meanwhile was left as it is")
                         : tr("%L1 leads changed by someone else meanwhile were left as they are")
                               .arg(conflicts.size()));
    }
    problems.removeDuplicates();
    if (!problems.isEmpty())
        emit failed(tr("Could not save “%1”: %2").arg(text, problems.join(QStringLiteral("; "))));
}

void LeadEditor::remove(const QList<qint64> &ids, const QString &text) {
    if (ids.isEmpty())
        return;
    const QString label = !text.isEmpty()   ? text
                          : ids.size() == 1 ? tr("Delete 1 lead")
                                            : tr("Delete %L1 leads").arg(ids.size());
    run([ids](const Database &db,
              const QString &actor) { return LeadTrash(db).remove(ids, actor); },
        [this, label](const QList<UpdateResult> &results) { removeArrived(results, label); });
}

void LeadEditor::removeArrived(const QList<UpdateResult> &results, const QString &text) {
    QList<qint64> removed;
    QStringList problems;
    for (const UpdateResult &r : results) {
        if (r.ok())
            removed << r.id;
        else if (r.status == UpdateResult::Status::NotFound)
            problems << tr("lead %1 no longer exists").arg(r.id);
        else
            problems << r.error;
    }
    if (!removed.isEmpty()) {
        m_stack.push(new RemoveLeadsCommand(this, removed, text));
        emit leadsRemoved(removed);
    }
    problems.removeDuplicates();
    if (!problems.isEmpty())
        emit failed(tr("Could not do “%1”: %2").arg(text, problems.join(QStringLiteral("; "))));
}

void LeadEditor::addNote(qint64 id, const QString &text) {
    run(
        [id, text](const Database &db, const QString &actor) {
            return QList<UpdateResult>{LeadWriter(db).addNote(id, text, actor)};
        },
        [this, id](const QList<UpdateResult> &results) {
            const UpdateResult &r = results.first();
            if (r.ok())
                emit noteAdded(id);
            else if (r.status == UpdateResult::Status::NotFound)
                emit failed(tr("Could not add the note: the lead no longer exists"));
            else
                emit failed(tr("Could not add the note: %1").arg(r.error));
        });
}

void LeadEditor::report(const QList<UpdateResult> &results, const QString &text, bool undoing) {
    QStringList problems;
    for (const UpdateResult &r : results) {
        switch (r.status) {
        case UpdateResult::Status::Updated:
            if (r.lead)
                emit leadChanged(*r.lead);
            break;
        case UpdateResult::Status::Conflict: {
            if (r.lead)
                emit leadChanged(*r.lead);
            const QString who = r.lead && !r.lead->fullName().isEmpty() ? r.lead->fullName()
                                                                        : tr("lead %1").arg(r.id);
            problems << (undoing ? tr("%1 was changed by someone else since; their change "
                                      "stays and was not undone")
                                 : tr("%1 was changed by someone else since; their change "
                                      "stays and was not redone"))
                            .arg(who);
            break;
        }
        case UpdateResult::Status::NotFound:
            problems << tr("lead %1 no longer exists").arg(r.id);
            break;
        case UpdateResult::Status::Invalid:
        case UpdateResult::Status::Failed:
            problems << r.error;
            break;
        }
    }
    problems.removeDuplicates();
    if (!problems.isEmpty()) {
        const QString joined = problems.join(QStringLiteral("; "));
        emit failed(undoing ? tr("Could not undo “%1” everywhere: %2").arg(text, joined)
                            : tr("Could not redo “%1” everywhere: %2").arg(text, joined));
    }
}

void LeadEditor::reportTrash(const QList<UpdateResult> &results, const QString &text,
                             bool restoring) {
    QList<qint64> done;
    QStringList problems;
    for (const UpdateResult &r : results) {
        if (r.ok()) {
            done << r.id;
            if (restoring && r.lead)
                emit leadChanged(*r.lead);
        } else if (r.status == UpdateResult::Status::NotFound) {
            problems << (restoring ? tr("lead %1 is no longer in the trash").arg(r.id)
                                   : tr("lead %1 no longer exists").arg(r.id));
        } else {
            problems << r.error;
        }
    }
    if (!done.isEmpty()) {
        if (restoring)
            emit leadsRestored(done);
        else
            emit leadsRemoved(done);
    }
    problems.removeDuplicates();
    if (!problems.isEmpty()) {
        const QString joined = problems.join(QStringLiteral("; "));
        emit failed(restoring ? tr("Could not undo “%1” everywhere: %2").arg(text, joined)
                              : tr("Could not redo “%1” everywhere: %2").arg(text, joined));
    }
}

QStringList LeadEditor::differingFields(const Lead &mine, const Lead &theirs,
                                        const QStringList &columns) {
    QStringList fields;
    for (const QString &column : columns) {
        if (LeadColumns::value(mine, column) != LeadColumns::value(theirs, column))
            fields << column;
    }
    return fields;
}

void LeadEditor::undo() {
    // A step whose write is still on its way has no versions to undo against yet.
    if (!isBusy())
        m_stack.undo();
}

void LeadEditor::redo() {
    if (!isBusy())
        m_stack.redo();
}

QAction *LeadEditor::createUndoAction(QObject *parent) {
    auto *action = new QAction(tr("&Undo"), parent);
    action->setObjectName(QStringLiteral("undoAction"));
    action->setShortcut(QKeySequence::Undo);
    action->setStatusTip(tr("Take back the last change to leads"));
    action->setToolTip(action->statusTip());
    const auto update = [this, action] {
        action->setEnabled(m_stack.canUndo() && !isBusy());
        action->setText(m_stack.canUndo() ? tr("&Undo %1").arg(m_stack.undoText()) : tr("&Undo"));
    };
    connect(&m_stack, &QUndoStack::indexChanged, action, update);
    connect(&m_stack, &QUndoStack::canUndoChanged, action, update);
    connect(this, &LeadEditor::busyChanged, action, update);
    connect(action, &QAction::triggered, this, &LeadEditor::undo);
    update();
    return action;
}

QAction *LeadEditor::createRedoAction(QObject *parent) {
    auto *action = new QAction(tr("&Redo"), parent);
    action->setObjectName(QStringLiteral("redoAction"));
    action->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    action->setStatusTip(tr("Make the change taken back again"));
    action->setToolTip(action->statusTip());
    const auto update = [this, action] {
        action->setEnabled(m_stack.canRedo() && !isBusy());
        action->setText(m_stack.canRedo() ? tr("&Redo %1").arg(m_stack.redoText()) : tr("&Redo"));
    };
    connect(&m_stack, &QUndoStack::indexChanged, action, update);
    connect(&m_stack, &QUndoStack::canRedoChanged, action, update);
    connect(this, &LeadEditor::busyChanged, action, update);
    connect(action, &QAction::triggered, this, &LeadEditor::redo);
    update();
    return action;
}
