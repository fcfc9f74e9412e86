#pragma once

#include "core/domain/lead.h"
#include "core/domain/leadchanges.h"
#include "core/nurture/nurturepolicy.h"
#include "core/storage/database.h"
#include "core/storage/leadwriter.h"
#include "core/storage/writeresults.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <optional>

class DatabaseReader;
class QAction;

// The one place the window changes leads: every edit, delete and note goes through here, runs
// on a writer thread of its own, and (edits and deletes) becomes one step on the undo stack.
class LeadEditor : public QObject {
    Q_OBJECT
public:
    // Runs on the writer thread with that thread's connection; returns one result per lead.
    using Work = std::function<QList<UpdateResult>(const Database &db, const QString &actor)>;
    using Done = std::function<void(const QList<UpdateResult> &results)>;

    // `actor` is the person named in the history of every change.
    LeadEditor(const Database &db, const QString &actor, QObject *parent = nullptr);
    ~LeadEditor() override;

    QString actor() const { return m_actor; }
    // The name later changes carry ("Who am I" changed); steps already made keep theirs.
    void setActor(const QString &actor) { m_actor = actor; }
    QUndoStack *undoStack() { return &m_stack; }
    // True while a write is on its way; undo and redo wait for it.
    bool isBusy() const { return m_pending > 0; }

    // Sets `changes` on every lead, each against the version it was shown at; one undo step
    // named `text` ("Set stage to Qualified", "Assign 12 leads to sam").
    void edit(const QList<LeadVersion> &leads, const LeadChanges &changes, const QString &text);
    // Moves leads into the trash as one undo step; its undo restores them from the trash.
    void remove(const QList<qint64> &ids, const QString &text = {});
    // A nurture step, worked out on the writer thread for each lead from the lead and its
    // follow-up plan as stored (NurturePolicy) and kept as one undo step.
    struct NurtureStep {
        enum class Kind { Schedule, LogTouch, Enroll };
        Kind kind = Kind::Schedule;
        QDateTime at;                             // Schedule: when
        TouchKind followUpKind = TouchKind::Call; // Schedule: what
        Touch touch;                              // LogTouch
        // LogTouch: the next follow-up; none: the cadence's next touch, or none outside one.
        std::optional<NurturePolicy::NextFollowUp> next;
        QString cadence; // Enroll: its name
    };
    // Takes `step` for every lead against the version it was shown at; a refusal (a
    // do-not-contact or closed lead, a backward stage without a note) is reported by failed()
    // with its reason, and the leads it was allowed for make one undo step named `text`.
    void nurture(const QList<LeadVersion> &leads, const NurtureStep &step, const QString &text);

    // A note in the lead's history; notes are not undone.
    void addNote(qint64 id, const QString &text);

    // Edit menu actions that name what they undo or redo, disabled while a write is running.
    QAction *createUndoAction(QObject *parent);
    QAction *createRedoAction(QObject *parent);

    // Runs `work` on the writer thread and `done` with its results on this object's thread;
    // the undo commands run their writes through here.
    void run(Work work, Done done);
    // Reports the results of an undo or redo of `text`: changed leads, conflicts, failures.
    void report(const QList<UpdateResult> &results, const QString &text, bool undoing);
    // The same for a delete (`restoring` false) or its undo, a restore from the trash.
    void reportTrash(const QList<UpdateResult> &results, const QString &text, bool restoring);

    // The columns of `changes` whose value in `mine` differs from `theirs`.
    static QStringList differingFields(const Lead &mine, const Lead &theirs,
                                       const QStringList &columns);

public slots:
    void undo();
    void redo();

signals:
    // The lead as stored after a change, an undo or a redo.
    void leadChanged(const Lead &lead);
    void leadsRemoved(const QList<qint64> &ids);
    void leadsRestored(const QList<qint64> &ids);
    // A note was stored on the lead.
    void noteAdded(qint64 id);
    // An edit lost a race: `mine` is theirs with my change applied; `fields` differ.
    void conflict(const Lead &mine, const Lead &theirs, const QStringList &fields);
    void failed(const QString &message);
    void busyChanged(bool busy);

private:
    void editArrived(const QList<UpdateResult> &results, const LeadChanges &changes,
                     const QString &text);
    struct NurtureApplied;
    void nurtureArrived(const QList<UpdateResult> &results, const QList<NurtureApplied> &applied,
                        const QString &text);
    void removeArrived(const QList<UpdateResult> &results, const QString &text);

    Database m_db;
    QString m_actor;
    QUndoStack m_stack;
    int m_pending = 0;
    // Ended first in the destructor: its jobs report to this object.
    std::unique_ptr<DatabaseReader> m_writer;
};
