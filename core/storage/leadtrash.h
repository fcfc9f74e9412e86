#pragma once

#include "database.h"
#include "writeresults.h"

#include <QList>

class Transaction;

// A lead in the trash: as it was when deleted, and when and by whom.
struct TrashedLead {
    Lead lead;
    QDateTime deletedAt;
    QString deletedBy;
};

// Deletes leads into the trash and restores them from it: a deleted lead, with its events and
// activities, is kept whole so that a restore puts it back exactly, under the same id. A lead
// in the trash is in no list, count or search.
class LeadTrash {
public:
    explicit LeadTrash(const Database &db);

    // Each lead is deleted (Updated), or NotFound; one transaction for all.
    QList<UpdateResult> remove(const QList<qint64> &ids, const QString &actor);
    // Each lead comes back (Updated, with the lead), or is NotFound in the trash, or is a
    // Conflict when a lead of the same person and offer has arrived since; one transaction.
    QList<UpdateResult> restore(const QList<qint64> &ids, const QString &actor);
    // The ids of the leads in the trash, most recently deleted first.
    QList<qint64> ids() const;
    // The leads in the trash, most recently deleted first.
    QList<TrashedLead> entries() const;
    QString lastError() const { return m_error; }

private:
    UpdateResult removeOne(qint64 id, const QString &actor);
    UpdateResult restoreOne(Transaction &tx, qint64 id, const QString &actor);
    // Scores a restored lead again when a run confirmed versions while it was away.
    bool rescoreIfMissed(const Lead &lead, int storedVersion, bool *rescored);

    Database m_db;
    mutable QString m_error;
};
