// LeadWriter's intake of marketplace records: finding the lead of the same person and offer,
// and storing the record as a new lead or merged into that one.
#include "leadwriter.h"

#include "../domain/dedupkey.h"
#include "../domain/intakerecord.h"
#include "../domain/leadclassifier.h"
#include "../domain/leadcolumns.h"
#include "../domain/leaddiff.h"
#include "../domain/mergepolicy.h"
#include "leadrepository.h"
#include "leadrow.h"
#include "leadwriterstatements.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

using LeadColumns::isoUtc;
using LeadRow::text;

namespace {

// A merge retries when a person changed the lead between its read and its write.
constexpr int mergeAttempts = 3;
// New leads' events and lines kept back at most before they are written (setKeepingBack).
constexpr qsizetype keptBackRows = 256;

QString recordName(const Lead &incoming, const LeadEvent &event) {
    return event.leadSource.isEmpty() ? incoming.action : event.leadSource;
}

} // namespace

bool LeadWriter::probe(SqlStatement &q, const QString &key, qint64 nameHash, bool *found) {
    if (key.isNull())
        q.bind(0, nameHash);
    else
        q.bind(0, key);
    if (!q.exec())
        return fail(QCoreApplication::translate("LeadWriter", "cannot look for the lead"),
                    q.error());
    *found = q.next();
    q.finish();
    return true;
}

std::optional<Lead> LeadWriter::existingLead(const Lead &incoming,
                                             const DedupKey::Identity &identity, QString *error) {
    error->clear();
    if (!prepareStatements()) {
        *error = m_error;
        return std::nullopt;
    }
    const QString &key = identity.key;
    // An email-less record looks among the same name's leads with an email, and the other way.
    const bool withEmail = incoming.email.trimmed().isEmpty();
    bool namesake = false;
    if (identity.hasName) {
        if (!probe(withEmail ? m_statements->findNamed : m_statements->findUnnamed, QString(),
                   identity.nameHash, &namesake)) {
            *error = m_error;
            return std::nullopt;
        }
        // No namesake: the key alone can find the lead, and the insert finds a key already
        // taken by itself (an import of new leads saves a look-up per record).
        if (!namesake)
            return std::nullopt;
    }
    bool found = false;
    if (!probe(m_statements->findKey, key, 0, &found)) {
        *error = m_error;
        return std::nullopt;
    }
    const LeadRepository reader(m_db);
    if (found) {
        std::optional<Lead> lead = reader.leadWithKey(key);
        *error = reader.lastError();
        return lead;
    }
    if (!namesake)
        return std::nullopt;
    const QList<Lead> candidates = reader.leadsWithNameHash(identity.nameHash, withEmail);
    *error = reader.lastError();
    return MergePolicy::samePerson(incoming, candidates);
}

IntakeResult LeadWriter::intake(Transaction &tx, const Lead &raw, const LeadEvent &event,
                                const QString &actor, Duplicates duplicates) {
    return intake(tx, IntakeRecord::of(raw), event, actor, duplicates);
}

IntakeResult LeadWriter::intake(Transaction &tx, const IntakeRecord &record, const LeadEvent &event,
                                const QString &actor, Duplicates duplicates) {
    IntakeResult result;
    if (!tx.isActive() || !tx.lockForIntake()) {
        result.error =
            tx.isActive()
                ? QCoreApplication::translate("LeadWriter", "cannot take in the record: %1")
                      .arg(tx.error())
                : QCoreApplication::translate("LeadWriter",
                                              "cannot take in the record: no transaction");
        return result;
    }
    const Lead &incoming = record.lead;
    // The look-ups and the insert all need it; a new lead's identity is its record's.
    const DedupKey::Identity &identity = record.identity;
    if (identity.key.isEmpty()) {
        result.error =
            QCoreApplication::translate("LeadWriter", "no email, no name and no company");
        return result;
    }
    const QDateTime at =
        event.occurredAt.isValid() ? event.occurredAt : QDateTime::currentDateTimeUtc();
    LeadEvent stamped = event; // a record without its own time is stamped when it arrives
    stamped.occurredAt = at;

    // Each try sees what other writers have committed since the last: a lead stored meanwhile
    // is merged into, a lead deleted meanwhile is stored anew.
    for (int attempt = 1;; ++attempt) {
        QString error;
        std::optional<Lead> stored = existingLead(incoming, identity, &error);
        if (!error.isEmpty()) {
            result.error = error;
            return result;
        }
        if (!stored) {
            Lead lead = MergePolicy::created(incoming, at);
            if (!score(lead)) {
                result.error = m_error;
                return result;
            }
            const qint64 id = insertLead(lead, identity, true);
            if (id < 0) {
                result.error = m_error;
                return result;
            }
            if (id > 0) {
                Activity created;
                created.actor = actor;
                created.kind = ActivityKind::Created;
                created.note = recordName(incoming, event);
                if (m_keepBack) {
                    m_keptEvents.append({id, stamped});
                    m_keptLines.append({id, created});
                }
                const bool stored = m_keepBack
                                        ? m_keptEvents.size() < keptBackRows || writeKeptBack()
                                        : storeEvent(id, stamped) && storeActivities(id, {created});
                if (!stored) {
                    result.error = m_error;
                    return result;
                }
                result.outcome = IntakeResult::Outcome::Inserted;
                result.leadId = id;
                return result;
            }
            // Another writer stored the same person and offer since the look-up.
            stored = LeadRepository(m_db).leadWithKey(DedupKey::of(lead));
        }
        bool gone = false;
        // A merge reads the lead's events: the ones kept back are written first.
        if (stored && duplicates == Duplicates::Merge && !writeKeptBack()) {
            result.error = m_error;
            return result;
        }
        if (stored && duplicates == Duplicates::Skip) {
            result.outcome = IntakeResult::Outcome::Skipped;
            result.leadId = stored->id;
            return result;
        }
        if (stored) {
            // Without its own time a record is recognised as one already stored only by
            // saying nothing new (MergePolicy::addsNothing).
            const IntakeResult merged =
                mergeInto(*stored, incoming, stamped, event.occurredAt.isValid(), actor, &gone);
            if (!gone)
                return merged;
        }
        if (attempt >= mergeAttempts) {
            result.error = QCoreApplication::translate(
                "LeadWriter", "the lead of this person and offer kept changing while "
                              "the record was taken in");
            result.conflict = true;
            return result;
        }
    }
}

IntakeResult LeadWriter::mergeInto(Lead stored, const Lead &incoming, const LeadEvent &event,
                                   bool recognisable, const QString &actor, bool *gone) {
    IntakeResult result;
    result.leadId = stored.id;
    if (recognisable) {
        // A record without a LeadSource (Leadbench's own export) is known by its time alone.
        QSqlQuery same(m_db.connection());
        same.prepare(QStringLiteral("SELECT count(*) FROM lead_events WHERE lead_id = ? AND "
                                    "occurred_at = ? AND (lead_source = ? OR ? = '')"));
        same.addBindValue(stored.id);
        same.addBindValue(text(isoUtc(event.occurredAt)));
        same.addBindValue(text(event.leadSource));
        same.addBindValue(text(event.leadSource));
        if (!same.exec() || !same.next()) {
            result.error =
                QCoreApplication::translate("LeadWriter", "cannot read the events of lead %1: %2")
                    .arg(stored.id)
                    .arg(same.lastError().text().simplified());
            return result;
        }
        if (same.value(0).toLongLong() > 0) {
            result.outcome = IntakeResult::Outcome::Unchanged;
            return result;
        }
    } else if (MergePolicy::addsNothing(stored, incoming)) {
        result.outcome = IntakeResult::Outcome::Unchanged;
        return result;
    }
    for (int attempt = 1;; ++attempt) {
        Lead after = MergePolicy::merged(stored, incoming, event.occurredAt);
        if (DedupKey::of(after) != DedupKey::of(stored)) {
            // An email filled in makes it the key; if another lead already has that email
            // and offer, this lead keeps its own key and the email stays with the other.
            const std::optional<Lead> other = LeadRepository(m_db).leadWithKey(DedupKey::of(after));
            if (other && other->id != stored.id) {
                after.email = stored.email;
                after.privacyRestricted = stored.privacyRestricted;
            }
        }
        const Lead merged = after;
        if (!score(after)) {
            result.error = m_error;
            return result;
        }
        const int written = writeDifferences(stored, after);
        if (written < 0) {
            result.error = m_error;
            return result;
        }
        if (written == 1) {
            QList<Activity> changes = LeadDiff::changes(stored, merged);
            for (Activity &a : changes) {
                if (a.field == QLatin1String("do_not_contact") && a.newValue.toBool() &&
                    LeadClassifier::isDoNotContact(incoming.action))
                    a.note = QStringLiteral("the marketplace says: do not contact (%1)")
                                 .arg(recordName(incoming, event));
            }
            Activity mergedLine;
            mergedLine.kind = ActivityKind::Merged;
            mergedLine.note = recordName(incoming, event);
            changes.prepend(mergedLine);
            for (Activity &a : changes)
                a.actor = actor;
            changes += gradeChange(merged, after);
            if (!storeEvent(stored.id, event) || !storeActivities(stored.id, changes)) {
                result.error = m_error;
                return result;
            }
            result.outcome = IntakeResult::Outcome::Merged;
            return result;
        }
        // Someone changed the lead between the read and the write: merge into theirs.
        const LeadRepository reader(m_db);
        const std::optional<Lead> now = reader.lead(stored.id);
        if (!now && reader.lastError().isEmpty()) {
            *gone = true; // deleted meanwhile: the caller looks again
            return result;
        }
        if (!now || attempt >= mergeAttempts) {
            result.error =
                QCoreApplication::translate("LeadWriter", "lead %1 was changed by someone else")
                    .arg(stored.id);
            result.conflict = true;
            return result;
        }
        stored = *now;
    }
}
