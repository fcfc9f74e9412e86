#pragma once

#include "../domain/activity.h"
#include "../domain/lead.h"
#include "../domain/leadevent.h"
#include "database.h"
#include "leadfilter.h"
#include "leadstats.h"

#include <QList>
#include <QSet>

#include <memory>
#include <optional>

// What happened to an incoming marketplace record.
struct IntakeResult {
    // Unchanged: the lead already has this very event (same LeadSource and time).
    enum class Outcome { Inserted, Merged, Unchanged, Rejected };
    Outcome outcome = Outcome::Rejected;
    qint64 leadId = 0;
    QString error;
    bool conflict = false; // refused because someone else changed the lead meanwhile
};

// Reads and writes leads, their events and activities on this thread's connection.
// Values in, values out: no SQL type leaves this class.
class LeadRepository {
public:
    explicit LeadRepository(const Database &db);
    ~LeadRepository();
    LeadRepository(const LeadRepository &) = delete;
    LeadRepository &operator=(const LeadRepository &) = delete;

    const Database &database() const { return m_db; }
    QString lastError() const { return m_error; }

    std::optional<Lead> lead(qint64 id) const;
    QList<LeadEvent> events(qint64 leadId) const;
    QList<Activity> activities(qint64 leadId) const;

    qint64 count(const LeadFilter &filter) const; // -1 on error
    // An offset page, for the CLI's --offset; views page with page().
    QList<Lead> list(const LeadFilter &filter, const LeadSort &sort, int limit,
                     qint64 offset = 0) const;
    // A keyset page: the `limit` leads after `after` (from the start when null).
    QList<Lead> page(const LeadFilter &filter, const LeadSort &sort, const LeadCursor *after,
                     int limit) const;
    static LeadCursor cursorAfter(const Lead &lead, const LeadSort &sort);
    // Every stored de-duplication key, for bulk writers that must not collide.
    QSet<QString> dedupKeys() const;
    std::optional<LeadStats> stats(const LeadFilter &filter) const;

    // A marketplace record: becomes a new lead, or another event on the lead with the same
    // de-duplication key (empty contact fields filled, last_event_at and events updated).
    IntakeResult intake(const Lead &incoming, const LeadEvent &event, const QString &actor);
    // A complete lead with its history (demo data, restores); returns its id, 0 on error.
    qint64 insert(const Lead &lead, const QList<LeadEvent> &events,
                  const QList<Activity> &activities);

private:
    struct Statements;
    bool prepareStatements();
    bool fail(const QString &what, const QString &detail) const;
    QString whereClause(const LeadFilter &filter, QVariantList *binds) const;
    QList<Lead> select(const QString &sql, const QVariantList &binds) const;
    bool addEvent(qint64 leadId, const LeadEvent &event);
    bool addActivity(qint64 leadId, const Activity &activity);
    bool addActivities(qint64 leadId, const QList<Activity> &activities);

    Database m_db;
    mutable QString m_error;
    std::unique_ptr<Statements> m_statements;
};
