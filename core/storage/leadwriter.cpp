#include "leadwriter.h"

#include "../domain/dedupkey.h"
#include "../domain/leadclassifier.h"
#include "../domain/leadcolumns.h"
#include "../domain/leaddiff.h"
#include "../domain/mergepolicy.h"
#include "eachintransaction.h"
#include "leadrepository.h"
#include "leadrow.h"
#include "sqldialect.h"
#include "sqlstatement.h"
#include "transaction.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using LeadColumns::isoUtc;
using LeadRow::text;

namespace {

constexpr int activityValues = 8; // the values of one activity row
// A merge retries when a person changed the lead between its read and its write.
constexpr int mergeAttempts = 3;

// "?, ?, ?" for `count` values.
QString questionMarks(qsizetype count) {
    QString marks;
    for (qsizetype i = 0; i < count; ++i)
        marks += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return marks;
}

QString recordName(const Lead &incoming, const LeadEvent &event) {
    return event.leadSource.isEmpty() ? incoming.action : event.leadSource;
}

} // namespace

QString UpdateResult::statusName(Status status) {
    switch (status) {
    case Status::Updated:
        return QStringLiteral("updated");
    case Status::Conflict:
        return QStringLiteral("conflict");
    case Status::NotFound:
        return QStringLiteral("not-found");
    case Status::Invalid:
        return QStringLiteral("invalid");
    case Status::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

// The statements every intake and insert runs, prepared once per writer.
struct LeadWriter::Statements {
    explicit Statements(const Database &db)
        : insertLead(db)
        , insertLeadIfAbsent(db)
        , insertEvent(db)
        , findKey(db)
        , findNamed(db)
        , findUnnamed(db) {}
    SqlStatement insertLead;
    SqlStatement insertLeadIfAbsent;
    SqlStatement insertEvent;
    // Probes before full reads: an import of new leads mostly finds nothing, and a probe on an
    // index is far cheaper than preparing and reading a whole lead each time.
    SqlStatement findKey;
    SqlStatement findNamed;   // leads of a name hash that have an email
    SqlStatement findUnnamed; // and those without
    // Multi-row activity inserts by row count: a lead's history in one statement.
    std::map<qsizetype, std::unique_ptr<SqlStatement>> insertActivities;
};

LeadWriter::LeadWriter(const Database &db)
    : m_db(db) {}

LeadWriter::~LeadWriter() = default;

bool LeadWriter::fail(const QString &what, const QString &detail) {
    m_error = what + QStringLiteral(": ") + detail.simplified();
    return false;
}

bool LeadWriter::prepareStatements() {
    if (m_statements)
        return true;
    const SqlDialect dialect(m_db.backend());
    m_statements = std::make_unique<Statements>(m_db);
    const QStringList &columns = LeadRow::writeColumns();
    const QString insert = QStringLiteral("INSERT INTO leads (id, %1) VALUES (%2, %3)")
                               .arg(columns.join(QStringLiteral(", ")), dialect.newLeadId(),
                                    questionMarks(columns.size()));
    Statements &st = *m_statements;
    const std::pair<SqlStatement *, QString> statements[] = {
        {&st.insertLead, insert + dialect.returningId()},
        {&st.insertLeadIfAbsent, insert + dialect.skipExistingLead() + dialect.returningId()},
        {&st.insertEvent, QStringLiteral("INSERT INTO lead_events (lead_id, occurred_at, "
                                         "storefront, action, lead_source, offer_title, "
                                         "description, channel) VALUES (") +
                              questionMarks(8) + QLatin1Char(')')},
        {&st.findKey, QStringLiteral("SELECT 1 FROM leads WHERE dedup_key = ?")},
        {&st.findNamed,
         QStringLiteral("SELECT 1 FROM leads WHERE name_hash = ? AND email <> '' LIMIT 1")},
        {&st.findUnnamed,
         QStringLiteral("SELECT 1 FROM leads WHERE name_hash = ? AND email = '' LIMIT 1")},
    };
    for (const auto &[statement, sql] : statements) {
        if (!statement->prepare(sql)) {
            const QString error = statement->error();
            m_statements.reset();
            return fail(QStringLiteral("cannot prepare the lead statements"), error);
        }
    }
    return true;
}

qint64 LeadWriter::insertLead(const Lead &lead, bool skipExisting) {
    if (!prepareStatements())
        return -1;
    if (DedupKey::of(lead).isEmpty()) {
        fail(QStringLiteral("cannot store the lead"),
             QStringLiteral("it has no email, no name and no company"));
        return -1;
    }
    SqlStatement &q = skipExisting ? m_statements->insertLeadIfAbsent : m_statements->insertLead;
    LeadRow::bind(q, lead);
    if (!q.exec()) {
        fail(QStringLiteral("cannot store the lead"), q.error());
        return -1;
    }
    qint64 id = 0;
    if (m_db.backend() == Database::Backend::Sqlite)
        id = q.rowsAffected() == 1 ? q.lastInsertId() : 0;
    else
        id = q.next() ? q.intValue(0) : 0;
    q.finish();
    return id; // 0: the person and offer was stored meanwhile (skipExisting only)
}

bool LeadWriter::storeEvent(qint64 leadId, const LeadEvent &e) {
    if (!prepareStatements())
        return false;
    SqlStatement &q = m_statements->insertEvent;
    q.bind(0, leadId);
    q.bind(1, isoUtc(e.occurredAt));
    q.bind(2, Storefronts::canonicalName(e.storefront));
    int i = 3;
    for (const QString *value :
         {&e.action, &e.leadSource, &e.offerTitle, &e.description, &e.channel})
        q.bind(i++, *value);
    if (!q.exec())
        return fail(QStringLiteral("cannot store the event"), q.error());
    return true;
}

bool LeadWriter::storeActivities(qint64 leadId, const QList<Activity> &activities) {
    if (!prepareStatements())
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    constexpr qsizetype chunk = 8; // 8 rows x 8 values stay within the placeholders
    for (qsizetype from = 0; from < activities.size(); from += chunk) {
        const qsizetype n = std::min(chunk, activities.size() - from);
        auto it = m_statements->insertActivities.find(n);
        if (it == m_statements->insertActivities.end()) {
            QStringList rows;
            for (qsizetype r = 0; r < n; ++r)
                rows << QLatin1Char('(') + questionMarks(activityValues) + QLatin1Char(')');
            auto q = std::make_unique<SqlStatement>(m_db);
            if (!q->prepare(QStringLiteral("INSERT INTO activities (lead_id, at, actor, kind, "
                                           "field, old_value, new_value, note) VALUES ") +
                            rows.join(QStringLiteral(", "))))
                return fail(QStringLiteral("cannot store the activities"), q->error());
            it = m_statements->insertActivities.emplace(n, std::move(q)).first;
        }
        SqlStatement &q = *it->second;
        int i = 0;
        for (qsizetype r = from; r < from + n; ++r) {
            const Activity &a = activities.at(r);
            q.bind(i++, leadId);
            q.bind(i++, isoUtc(a.at.isValid() ? a.at : now));
            q.bind(i++, a.actor);
            q.bind(i++, ActivityKinds::canonicalName(a.kind));
            q.bind(i++, a.field);
            q.bind(i++, LeadColumns::valueText(a.oldValue));
            q.bind(i++, LeadColumns::valueText(a.newValue));
            q.bind(i++, a.note);
        }
        if (!q.exec())
            return fail(QStringLiteral("cannot store the activities"), q.error());
    }
    return true;
}

bool LeadWriter::addActivities(Transaction &tx, qint64 leadId, const QList<Activity> &activities) {
    if (!tx.isActive())
        return fail(QStringLiteral("cannot store the activities"),
                    QStringLiteral("no transaction"));
    return storeActivities(leadId, activities);
}

bool LeadWriter::addEvent(Transaction &tx, qint64 leadId, const LeadEvent &event) {
    if (!tx.isActive())
        return fail(QStringLiteral("cannot store the event"), QStringLiteral("no transaction"));
    return storeEvent(leadId, event);
}

qint64 LeadWriter::insert(Transaction &tx, const Lead &lead, const QList<LeadEvent> &events,
                          const QList<Activity> &activities) {
    if (!tx.isActive()) {
        fail(QStringLiteral("cannot store the lead"), QStringLiteral("no transaction"));
        return 0;
    }
    const qint64 id = insertLead(lead, false);
    if (id <= 0)
        return 0;
    for (const LeadEvent &e : events) {
        if (!storeEvent(id, e))
            return 0;
    }
    return storeActivities(id, activities) ? id : 0;
}

int LeadWriter::writeDifferences(const Lead &before, const Lead &after) {
    const QList<Activity> diff = LeadDiff::changes(before, after);
    QStringList sets;
    QVariantList values;
    for (const Activity &a : diff) {
        sets << a.field + QStringLiteral(" = ?");
        values << LeadRow::storedValue(after, a.field);
    }
    for (const char *derived : {"dedup_key", "name_hash", "extra_fields"}) {
        const QString column = QLatin1String(derived);
        const QVariant now = LeadRow::storedValue(after, column);
        if (now != LeadRow::storedValue(before, column)) {
            sets << column + QStringLiteral(" = ?");
            values << now;
        }
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE leads SET %1version = version + 1 WHERE id = ? AND "
                             "version = ?")
                  .arg(sets.isEmpty() ? QString()
                                      : sets.join(QStringLiteral(", ")) + QStringLiteral(", ")));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    q.addBindValue(before.id);
    q.addBindValue(before.version);
    if (!q.exec()) {
        fail(QStringLiteral("cannot change lead %1").arg(before.id), q.lastError().text());
        return -1;
    }
    return q.numRowsAffected() == 1 ? 1 : 0;
}

UpdateResult LeadWriter::applyChanges(qint64 id, qint64 expectedVersion, const LeadChanges &changes,
                                      const QString &actor) {
    UpdateResult r;
    r.id = id;
    const LeadRepository reader(m_db);
    const std::optional<Lead> current = reader.lead(id);
    if (!current) {
        r.status = reader.lastError().isEmpty() ? UpdateResult::Status::NotFound
                                                : UpdateResult::Status::Failed;
        r.error = reader.lastError().isEmpty() ? QStringLiteral("no lead with id %1").arg(id)
                                               : reader.lastError();
        return r;
    }
    if (expectedVersion != 0 && current->version != expectedVersion) {
        r.status = UpdateResult::Status::Conflict;
        r.lead = current;
        r.error = QStringLiteral("lead %1 was changed by someone else (version %2, not %3)")
                      .arg(id)
                      .arg(current->version)
                      .arg(expectedVersion);
        return r;
    }
    Lead after = *current;
    const QString problem = changes.applyTo(after);
    if (!problem.isEmpty()) {
        r.status = UpdateResult::Status::Invalid;
        r.error = problem;
        return r;
    }
    QList<Activity> diff = LeadDiff::changes(*current, after);
    if (diff.isEmpty()) { // nothing to change: no new version, no activity
        r.status = UpdateResult::Status::Updated;
        r.lead = current;
        r.previous = current;
        return r;
    }
    const QString key = DedupKey::of(after);
    if (key != DedupKey::of(*current)) {
        const std::optional<Lead> other = reader.leadWithKey(key);
        if (other && other->id != id) {
            r.status = UpdateResult::Status::Invalid;
            r.error = QStringLiteral("lead %1 is already this person's lead for this offer")
                          .arg(other->id);
            return r;
        }
    }
    const int written = writeDifferences(*current, after);
    if (written < 0) {
        r.status = UpdateResult::Status::Failed;
        r.error = m_error;
        return r;
    }
    if (written == 0) { // changed between the read and the write
        r.status = UpdateResult::Status::Conflict;
        r.lead = reader.lead(id);
        r.error = QStringLiteral("lead %1 was changed by someone else").arg(id);
        return r;
    }
    for (Activity &a : diff)
        a.actor = actor;
    if (!storeActivities(id, diff)) {
        r.status = UpdateResult::Status::Failed;
        r.error = m_error;
        return r;
    }
    after.version = current->version + 1;
    r.status = UpdateResult::Status::Updated;
    r.lead = after;
    r.previous = current;
    return r;
}

UpdateResult LeadWriter::update(qint64 id, qint64 expectedVersion, const LeadChanges &changes,
                                const QString &actor) {
    const QList<UpdateResult> results = updateMany({{id, expectedVersion}}, changes, actor);
    return results.first();
}

QList<UpdateResult> LeadWriter::updateMany(const QList<LeadVersion> &leads,
                                           const LeadChanges &changes, const QString &actor) {
    QList<qint64> ids;
    for (const LeadVersion &l : leads)
        ids << l.id;
    return eachInTransaction(m_db, ids, [&](Transaction &, qsizetype i) {
        return applyChanges(leads.at(i).id, leads.at(i).version, changes, actor);
    });
}

bool LeadWriter::probe(SqlStatement &q, const QString &key, qint64 nameHash, bool *found) {
    if (key.isNull())
        q.bind(0, nameHash);
    else
        q.bind(0, key);
    if (!q.exec())
        return fail(QStringLiteral("cannot look for the lead"), q.error());
    *found = q.next();
    q.finish();
    return true;
}

std::optional<Lead> LeadWriter::existingLead(const Lead &incoming, QString *error) {
    error->clear();
    if (!prepareStatements()) {
        *error = m_error;
        return std::nullopt;
    }
    const QString key = DedupKey::of(incoming);
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
    if (!DedupKey::hasName(incoming))
        return std::nullopt;
    // An email-less record looks among the same name's leads with an email, and the other way.
    const bool withEmail = incoming.email.trimmed().isEmpty();
    const qint64 nameHash = DedupKey::nameHash(incoming);
    if (!probe(withEmail ? m_statements->findNamed : m_statements->findUnnamed, QString(), nameHash,
               &found)) {
        *error = m_error;
        return std::nullopt;
    }
    if (!found)
        return std::nullopt;
    const QList<Lead> candidates = reader.leadsWithNameHash(nameHash, withEmail);
    *error = reader.lastError();
    return MergePolicy::samePerson(incoming, candidates);
}

IntakeResult LeadWriter::intake(Transaction &tx, const Lead &raw, const LeadEvent &event,
                                const QString &actor, Duplicates duplicates) {
    IntakeResult result;
    if (!tx.isActive() || !tx.lockForIntake()) {
        result.error = QStringLiteral("cannot take in the record: %1")
                           .arg(tx.isActive() ? tx.error() : QStringLiteral("no transaction"));
        return result;
    }
    Lead incoming = raw;
    LeadClassifier::classify(incoming);
    if (DedupKey::of(incoming).isEmpty()) {
        result.error = QStringLiteral("no email, no name and no company");
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
        std::optional<Lead> stored = existingLead(incoming, &error);
        if (!error.isEmpty()) {
            result.error = error;
            return result;
        }
        if (!stored) {
            const Lead lead = MergePolicy::created(incoming, at);
            const qint64 id = insertLead(lead, true);
            if (id < 0) {
                result.error = m_error;
                return result;
            }
            if (id > 0) {
                Activity created;
                created.actor = actor;
                created.kind = ActivityKind::Created;
                created.note = recordName(incoming, event);
                if (!storeEvent(id, stamped) || !storeActivities(id, {created})) {
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
        if (stored && duplicates == Duplicates::Skip) {
            result.outcome = IntakeResult::Outcome::Skipped;
            result.leadId = stored->id;
            return result;
        }
        if (stored) {
            // Without its own time a record cannot be recognised as one already stored.
            const IntakeResult merged =
                mergeInto(*stored, incoming, stamped, event.occurredAt.isValid(), actor, &gone);
            if (!gone)
                return merged;
        }
        if (attempt >= mergeAttempts) {
            result.error = QStringLiteral("the lead of this person and offer kept changing while "
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
            result.error = QStringLiteral("cannot read the events of lead %1: %2")
                               .arg(stored.id)
                               .arg(same.lastError().text().simplified());
            return result;
        }
        if (same.value(0).toLongLong() > 0) {
            result.outcome = IntakeResult::Outcome::Unchanged;
            return result;
        }
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
        const int written = writeDifferences(stored, after);
        if (written < 0) {
            result.error = m_error;
            return result;
        }
        if (written == 1) {
            QList<Activity> changes = LeadDiff::changes(stored, after);
            for (Activity &a : changes) {
                if (a.field == QLatin1String("do_not_contact") && a.newValue.toBool() &&
                    LeadClassifier::isDoNotContact(incoming.action))
                    a.note = QStringLiteral("the marketplace says: do not contact (%1)")
                                 .arg(recordName(incoming, event));
            }
            Activity merged;
            merged.kind = ActivityKind::Merged;
            merged.note = recordName(incoming, event);
            changes.prepend(merged);
            for (Activity &a : changes)
                a.actor = actor;
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
            result.error = QStringLiteral("lead %1 was changed by someone else").arg(stored.id);
            result.conflict = true;
            return result;
        }
        stored = *now;
    }
}

UpdateResult LeadWriter::addNote(qint64 leadId, const QString &text, const QString &actor) {
    UpdateResult r;
    r.id = leadId;
    if (text.trimmed().isEmpty()) {
        r.status = UpdateResult::Status::Invalid;
        r.error = QStringLiteral("a note needs some text");
        return r;
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        r.error = QStringLiteral("cannot start a transaction: %1").arg(tx.error());
        return r;
    }
    const LeadRepository reader(m_db);
    const std::optional<Lead> current = reader.lead(leadId);
    if (!current) {
        r.status = reader.lastError().isEmpty() ? UpdateResult::Status::NotFound
                                                : UpdateResult::Status::Failed;
        r.error = reader.lastError().isEmpty() ? QStringLiteral("no lead with id %1").arg(leadId)
                                               : reader.lastError();
        return r;
    }
    Activity note;
    note.actor = actor;
    note.kind = ActivityKind::Note;
    note.note = text.trimmed();
    if (!storeActivities(leadId, {note})) {
        r.error = m_error;
        return r;
    }
    if (!tx.commit()) {
        r.error = QStringLiteral("cannot commit: %1").arg(tx.error());
        return r;
    }
    // A note is history, not a change to the lead's columns: the version stays.
    r.status = UpdateResult::Status::Updated;
    r.lead = current;
    r.previous = current;
    return r;
}
