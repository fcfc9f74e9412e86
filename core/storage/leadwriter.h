#pragma once

#include "../domain/activity.h"
#include "../domain/lead.h"
#include "../domain/leadchanges.h"
#include "../domain/leadevent.h"
#include "database.h"
#include "writeresults.h"

#include <QList>

#include <map>
#include <memory>

namespace DedupKey {
struct Identity;
}
struct IntakeRecord;

class QSqlQuery;
class RuleScorer;
class WinModel;
class WinValuesMaker;
class SearchIndexBuilder;
class SqlStatement;
class Transaction;

// One lead to change and the version the change was made against (0: whichever is stored).
struct LeadVersion {
    qint64 id = 0;
    qint64 version = 0;
};

// Changes leads on this thread's connection. Every change is versioned (a change made against
// an older version is refused, never applied over someone else's) and writes its activities,
// derived from the lead before and after, in the same transaction. Methods that take a
// Transaction run inside the caller's; the others own theirs.
// Every lead it stores is scored with the database's current scoring model (read once per
// writer), in the same write: the score is no change of its own, so it adds no version, and it
// adds a `changed` activity by "system" only when the grade moves. A lead whose score a person
// set (no model version, a score or grade) keeps it.
// Edits follow StagePolicy (refusals are Invalid with the reason) and store the changes' touch,
// note and follow-up plan (FollowUpPlanStore) in the same transaction, each with its line.
class LeadWriter {
public:
    explicit LeadWriter(const Database &db);
    ~LeadWriter();
    LeadWriter(const LeadWriter &) = delete;
    LeadWriter &operator=(const LeadWriter &) = delete;

    QString lastError() const { return m_error; }

    // Sets the columns named by `changes` on lead `id`, if it is still at `expectedVersion`
    // (0: whatever version it is at).
    UpdateResult update(qint64 id, qint64 expectedVersion, const LeadChanges &changes,
                        const QString &actor);
    // The same change on many leads in one transaction: each is updated, or reported as a
    // conflict, not found or invalid while the others go ahead. A database failure stores
    // nothing and reports every lead as failed.
    QList<UpdateResult> updateMany(const QList<LeadVersion> &leads, const LeadChanges &changes,
                                   const QString &actor);

    // A marketplace record: a new lead, or another event on the lead of the same person and
    // offer (MergePolicy). Concurrent intakes of the same person both succeed: the later one
    // merges.
    // With Duplicates::Skip a record of a person and offer already stored leaves that lead
    // as it is (Outcome::Skipped).
    enum class Duplicates { Merge, Skip };
    IntakeResult intake(Transaction &tx, const Lead &incoming, const LeadEvent &event,
                        const QString &actor, Duplicates duplicates = Duplicates::Merge);
    // The same for a record made ready beforehand (IntakeRecord::of), on another thread.
    IntakeResult intake(Transaction &tx, const IntakeRecord &record, const LeadEvent &event,
                        const QString &actor, Duplicates duplicates = Duplicates::Merge);
    // For many intakes in one transaction (an import): the event and first timeline line of
    // each new lead are kept back and written many rows to a statement, which costs about what
    // one row does. Whatever is kept back must be written (writeKeptBack) before the
    // transaction commits; an intake that merges writes it first itself.
    void setKeepingBack(bool on) { m_keepBack = on; }
    bool writeKeptBack(); // false: lastError() says why
    // A complete lead with its history (demo data); returns its id, 0 on error. Its score is
    // stored as given (data made by hand, a lead put back), or the current model's.
    enum class Scoring { AsGiven, Current };
    qint64 insert(Transaction &tx, const Lead &lead, const QList<LeadEvent> &events,
                  const QList<Activity> &activities, Scoring scoring = Scoring::AsGiven);

    // Stores activities for a lead, stamping those without a time or actor.
    bool addActivities(Transaction &tx, qint64 leadId, const QList<Activity> &activities);
    bool addEvent(Transaction &tx, qint64 leadId, const LeadEvent &event);

    // A person's note on lead `leadId`: one `note` activity in a transaction of its own. The
    // lead's columns and version stay; NotFound for a missing lead, Invalid for empty text.
    UpdateResult addNote(qint64 leadId, const QString &text, const QString &actor);

    // The time a score's recency is measured to; default (null): the time of each write.
    void setScoredAt(const QDateTime &at) { m_scoredAt = at; }
    // A bulk load's search index built aside: told of every lead stored and every change of
    // a lead's searchable text.
    void setSearchIndexBuilder(SearchIndexBuilder *builder) { m_search = builder; }

    // Whether `lead`'s score was set by a person rather than a scoring model.
    static bool isHandScored(const Lead &lead);

private:
    struct Statements;
    // Reads the current scoring model (and win model) once; false if it cannot be read.
    bool loadScorer();
    // Scores `lead` with the current model unless a person scored it; false if the model cannot
    // be read.
    bool score(Lead &lead);
    // The grade activity a rescore adds, if the grade moved between `before` and `after`.
    static QList<Activity> gradeChange(const Lead &before, const Lead &after);
    bool prepareStatements();
    bool fail(const QString &what, const QString &detail);
    // Reads the lead's follow-up plan into `stored`, works out the plan the change (by `actor`)
    // leaves in `plan` and settles `lead` (the lead after the change) by StagePolicy; false
    // with `r` set Invalid (a refusal, with its reason) or Failed.
    bool applyStageRules(const Lead &current, Lead &lead, const LeadChanges &changes,
                         const QString &actor, FollowUpPlan *stored, FollowUpPlan *plan,
                         UpdateResult *r);
    // The lines a change's touch, plan and note add to the timeline (actor not yet set).
    static QList<Activity> nurtureLines(const LeadChanges &changes, const FollowUpPlan &before,
                                        const FollowUpPlan &after);
    UpdateResult applyChanges(qint64 id, qint64 expectedVersion, const LeadChanges &changes,
                              const QString &actor);
    // Writes the columns that differ between `before` and `after` if the row is still at
    // before.version; 0 rows: lost the race; -1: error.
    int writeDifferences(const Lead &before, const Lead &after);
    qint64 insertLead(const Lead &lead, bool skipExisting);
    qint64 insertLead(const Lead &lead, const DedupKey::Identity &identity, bool skipExisting);
    bool storeEvent(qint64 leadId, const LeadEvent &event);
    bool storeActivities(qint64 leadId, const QList<Activity> &activities);
    // Rows of several leads, many to a statement.
    bool storeEvents(const QList<std::pair<qint64, LeadEvent>> &events);
    bool storeActivityRows(const QList<std::pair<qint64, Activity>> &rows);
    std::optional<Lead> existingLead(const Lead &incoming, const DedupKey::Identity &identity,
                                     QString *error);
    // Runs a one-value look-up; `found` when it has a row.
    // `key` when not null, else `nameHash`.
    bool probe(SqlStatement &q, const QString &key, qint64 nameHash, bool *found);
    // `gone`: the lead was deleted before the merge could land; nothing was written.
    IntakeResult mergeInto(Lead stored, const Lead &incoming, const LeadEvent &event,
                           bool recognisable, const QString &actor, bool *gone);

    Database m_db;
    QString m_error;
    std::unique_ptr<Statements> m_statements;
    std::unique_ptr<RuleScorer> m_scorer;
    // The stored win model and what makes a lead's values from it; none until one is trained.
    std::unique_ptr<WinModel> m_winModel;
    std::unique_ptr<WinValuesMaker> m_winValues;
    QDateTime m_scoredAt;
    SearchIndexBuilder *m_search = nullptr;
    bool m_keepBack = false;
    QList<std::pair<qint64, LeadEvent>> m_keptEvents;
    QList<std::pair<qint64, Activity>> m_keptLines;
};
