#include "leadrepository.h"

#include "../domain/dedupkey.h"
#include "../domain/leadclassifier.h"
#include "../domain/leadcolumns.h"
#include "sqldialect.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <map>

using LeadColumns::isoUtc;
using LeadColumns::parseIsoUtc;

namespace {

const QString leadSelectColumns =
    LeadColumns::all().join(QStringLiteral(", ")) + QStringLiteral(", privacy_restricted, version");

// Columns written on insert and merge, in bind order (see bindLead): every canonical column but
// the id, then the stored-only ones.
const QStringList writeColumns =
    LeadColumns::all().mid(1) + QStringList{QStringLiteral("privacy_restricted"),
                                            QStringLiteral("dedup_key"),
                                            QStringLiteral("name_hash")};

// Empty text is stored as '' rather than NULL: columns are NOT NULL so sorting and keyset
// comparisons never meet a NULL.
QVariant text(const QString &value) {
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

// Named placeholders bind by a hash lookup; positional ones format a name per value, which
// dominates the cost of bulk inserts.
const QStringList &placeholders() {
    static const QStringList names = [] {
        QStringList l;
        for (int i = 0; i < 80; ++i)
            l << QStringLiteral(":p%1").arg(i);
        return l;
    }();
    return names;
}

QString placeholderList(qsizetype count) {
    return placeholders().mid(0, count).join(QStringLiteral(", "));
}

// Binds values in order to the placeholders :p0, :p1, ...
class Binder {
public:
    explicit Binder(QSqlQuery &q)
        : m_q(q) {}
    Binder &operator<<(const QVariant &value) {
        m_q.bindValue(placeholders().at(m_next++), value);
        return *this;
    }
    int next() const { return m_next; }

private:
    QSqlQuery &m_q;
    int m_next = 0;
};

void bindLead(Binder &b, const Lead &l, const QString &key) {
    b << Storefronts::canonicalName(l.storefront);
    b << text(l.action);
    b << text(l.offerId);
    b << text(l.offerTitle);
    b << text(l.firstName);
    b << text(l.lastName);
    b << text(l.email);
    b << text(l.phone);
    b << text(l.country);
    b << text(l.company);
    b << text(l.title);
    b << text(l.description);
    b << text(isoUtc(l.createdAt));
    b << text(isoUtc(l.lastEventAt));
    b << l.events;
    b << Stages::canonicalName(l.stage);
    b << text(l.owner);
    b << l.score;
    b << text(l.grade);
    b << l.winProbability;
    b << text(isoUtc(l.nextFollowUpAt));
    b << l.followUps;
    b << (l.doNotContact ? 1 : 0);
    b << (l.isTest ? 1 : 0);
    b << text(l.campaign);
    b << (l.origin.isEmpty() ? QStringLiteral("marketplace") : l.origin);
    b << (l.privacyRestricted ? 1 : 0);
    b << key;
    b << DedupKey::nameHash(l);
}

Lead leadFromRow(const QSqlQuery &q) {
    Lead l;
    int i = 0;
    l.id = q.value(i++).toLongLong();
    Storefronts::fromCanonicalName(q.value(i++).toString(), &l.storefront);
    l.action = q.value(i++).toString();
    l.offerId = q.value(i++).toString();
    l.offerTitle = q.value(i++).toString();
    l.firstName = q.value(i++).toString();
    l.lastName = q.value(i++).toString();
    l.email = q.value(i++).toString();
    l.phone = q.value(i++).toString();
    l.country = q.value(i++).toString();
    l.company = q.value(i++).toString();
    l.title = q.value(i++).toString();
    l.description = q.value(i++).toString();
    l.createdAt = parseIsoUtc(q.value(i++).toString());
    l.lastEventAt = parseIsoUtc(q.value(i++).toString());
    l.events = q.value(i++).toInt();
    Stages::fromCanonicalName(q.value(i++).toString(), &l.stage);
    l.owner = q.value(i++).toString();
    l.score = q.value(i++).toInt();
    l.grade = q.value(i++).toString();
    l.winProbability = q.value(i++).toDouble();
    l.nextFollowUpAt = parseIsoUtc(q.value(i++).toString());
    l.followUps = q.value(i++).toInt();
    l.doNotContact = q.value(i++).toInt() != 0;
    l.isTest = q.value(i++).toInt() != 0;
    l.campaign = q.value(i++).toString();
    l.origin = q.value(i++).toString();
    l.privacyRestricted = q.value(i++).toInt() != 0;
    l.version = q.value(i++).toLongLong();
    return l;
}

// Fills what the stored lead lacks from a later record of the same person.
QList<Activity> fillEmptyFields(Lead &stored, const Lead &incoming) {
    QList<Activity> changes;
    auto fill = [&](QString Lead::*member, const char *column) {
        if ((stored.*member).isEmpty() && !(incoming.*member).isEmpty()) {
            Activity a;
            a.kind = QStringLiteral("field");
            a.field = QLatin1String(column);
            a.newValue = incoming.*member;
            changes << a;
            stored.*member = incoming.*member;
        }
    };
    fill(&Lead::firstName, "first_name");
    fill(&Lead::lastName, "last_name");
    fill(&Lead::email, "email");
    fill(&Lead::phone, "phone");
    fill(&Lead::country, "country");
    fill(&Lead::company, "company");
    fill(&Lead::title, "title");
    fill(&Lead::offerTitle, "offer_title");
    fill(&Lead::description, "description");
    fill(&Lead::campaign, "campaign");
    return changes;
}

} // namespace

struct LeadRepository::Statements {
    explicit Statements(const QSqlDatabase &db)
        : insertLead(db)
        , insertEvent(db)
        , insertActivity(db) {}
    QSqlQuery insertLead;
    QSqlQuery insertEvent;
    QSqlQuery insertActivity;
    // Multi-row activity inserts by row count: a lead's history in one statement.
    std::map<qsizetype, QSqlQuery> insertActivities;
};

LeadRepository::LeadRepository(const Database &db)
    : m_db(db) {}

LeadRepository::~LeadRepository() = default;

bool LeadRepository::fail(const QString &what, const QString &detail) const {
    m_error = what + QStringLiteral(": ") + detail.simplified();
    return false;
}

QString LeadRepository::whereClause(const LeadFilter &f, QVariantList *binds) const {
    QStringList parts;
    if (!f.includeTest)
        parts << QStringLiteral("is_test = 0");
    if (f.storefront) {
        parts << QStringLiteral("storefront = ?");
        binds->append(Storefronts::canonicalName(*f.storefront));
    }
    if (f.stage) {
        parts << QStringLiteral("stage = ?");
        binds->append(Stages::canonicalName(*f.stage));
    }
    if (!f.owner.isEmpty()) {
        parts << QStringLiteral("owner = ?");
        binds->append(f.owner);
    }
    if (!f.offerId.isEmpty()) {
        parts << QStringLiteral("offer_id = ?");
        binds->append(f.offerId);
    }
    if (!f.action.isEmpty()) {
        parts << QStringLiteral("action = ?");
        binds->append(f.action);
    }
    if (f.minScore) {
        parts << QStringLiteral("score >= ?");
        binds->append(*f.minScore);
    }
    if (f.since.isValid()) {
        parts << QStringLiteral("created_at >= ?");
        binds->append(isoUtc(f.since));
    }
    if (f.until.isValid()) {
        parts << QStringLiteral("created_at < ?");
        binds->append(isoUtc(f.until));
    }
    if (!f.search.trimmed().isEmpty()) {
        const QString predicate = SqlDialect(m_db.backend()).searchPredicate(f.search, binds);
        if (!predicate.isEmpty())
            parts << predicate;
    }
    return parts.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

QList<Lead> LeadRepository::select(const QString &sql, const QVariantList &binds) const {
    QList<Lead> out;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        fail(QStringLiteral("cannot read leads"), q.lastError().text());
        return out;
    }
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        fail(QStringLiteral("cannot read leads"), q.lastError().text());
        return out;
    }
    while (q.next())
        out << leadFromRow(q);
    m_error.clear();
    return out;
}

std::optional<Lead> LeadRepository::lead(qint64 id) const {
    const QList<Lead> found =
        select(QStringLiteral("SELECT %1 FROM leads WHERE id = ?").arg(leadSelectColumns), {id});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<LeadEvent> LeadRepository::events(qint64 leadId) const {
    QList<LeadEvent> out;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, lead_id, occurred_at, storefront, action, lead_source, "
                             "offer_title, description, channel FROM lead_events WHERE lead_id = ? "
                             "ORDER BY occurred_at, id"));
    q.addBindValue(leadId);
    if (!q.exec()) {
        fail(QStringLiteral("cannot read events"), q.lastError().text());
        return out;
    }
    while (q.next()) {
        LeadEvent e;
        e.id = q.value(0).toLongLong();
        e.leadId = q.value(1).toLongLong();
        e.occurredAt = parseIsoUtc(q.value(2).toString());
        Storefronts::fromCanonicalName(q.value(3).toString(), &e.storefront);
        e.action = q.value(4).toString();
        e.leadSource = q.value(5).toString();
        e.offerTitle = q.value(6).toString();
        e.description = q.value(7).toString();
        e.channel = q.value(8).toString();
        out << e;
    }
    return out;
}

QList<Activity> LeadRepository::activities(qint64 leadId) const {
    QList<Activity> out;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, lead_id, at, actor, kind, field, old_value, new_value, "
                             "note FROM activities WHERE lead_id = ? ORDER BY at, id"));
    q.addBindValue(leadId);
    if (!q.exec()) {
        fail(QStringLiteral("cannot read activities"), q.lastError().text());
        return out;
    }
    while (q.next()) {
        Activity a;
        a.id = q.value(0).toLongLong();
        a.leadId = q.value(1).toLongLong();
        a.at = parseIsoUtc(q.value(2).toString());
        a.actor = q.value(3).toString();
        a.kind = q.value(4).toString();
        a.field = q.value(5).toString();
        a.oldValue = q.value(6).toString();
        a.newValue = q.value(7).toString();
        a.note = q.value(8).toString();
        out << a;
    }
    return out;
}

qint64 LeadRepository::count(const LeadFilter &filter) const {
    QVariantList binds;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT count(*) FROM leads") + whereClause(filter, &binds));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        fail(QStringLiteral("cannot count leads"), q.lastError().text());
        return -1;
    }
    return q.value(0).toLongLong();
}

QList<Lead> LeadRepository::list(const LeadFilter &filter, const LeadSort &sort, int limit,
                                 qint64 offset) const {
    if (!LeadColumns::isKnown(sort.column)) {
        fail(QStringLiteral("cannot sort"), QStringLiteral("unknown column %1").arg(sort.column));
        return {};
    }
    QVariantList binds;
    const QString dir = sort.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QString sql = QStringLiteral("SELECT %1 FROM leads").arg(leadSelectColumns) +
                  whereClause(filter, &binds) + QStringLiteral(" ORDER BY ") + sort.column + dir +
                  QStringLiteral(", id") + dir + QStringLiteral(" LIMIT ? OFFSET ?");
    binds << limit << offset;
    return select(sql, binds);
}

QList<Lead> LeadRepository::page(const LeadFilter &filter, const LeadSort &sort,
                                 const LeadCursor *after, int limit) const {
    if (!LeadColumns::isKnown(sort.column)) {
        fail(QStringLiteral("cannot sort"), QStringLiteral("unknown column %1").arg(sort.column));
        return {};
    }
    QVariantList binds;
    QString where = whereClause(filter, &binds);
    if (after) {
        const QString keyset =
            QStringLiteral("(%1, id) %2 (?, ?)")
                .arg(sort.column, sort.descending ? QStringLiteral("<") : QStringLiteral(">"));
        where += (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) + keyset;
        binds << after->sortValue << after->id;
    }
    const QString dir = sort.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    const QString sql = QStringLiteral("SELECT %1 FROM leads").arg(leadSelectColumns) + where +
                        QStringLiteral(" ORDER BY ") + sort.column + dir + QStringLiteral(", id") +
                        dir + QStringLiteral(" LIMIT ?");
    binds << limit;
    return select(sql, binds);
}

LeadCursor LeadRepository::cursorAfter(const Lead &lead, const LeadSort &sort) {
    QVariant v = LeadColumns::value(lead, sort.column);
    if (v.typeId() == QMetaType::Bool)
        v = v.toBool() ? 1 : 0; // flags are stored as integers
    else if (v.typeId() == QMetaType::QString)
        v = text(v.toString()); // unset values are stored as '', never NULL
    return {v, lead.id};
}

QSet<QString> LeadRepository::dedupKeys() const {
    QSet<QString> keys;
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT dedup_key FROM leads"))) {
        fail(QStringLiteral("cannot read the lead keys"), q.lastError().text());
        return keys;
    }
    while (q.next())
        keys.insert(q.value(0).toString());
    return keys;
}

std::optional<LeadStats> LeadRepository::stats(const LeadFilter &filter) const {
    // One pass over the overview index, folded three ways here.
    LeadStats s;
    QVariantList binds;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT storefront, stage, action, count(*) FROM leads") +
              whereClause(filter, &binds) + QStringLiteral(" GROUP BY storefront, stage, action"));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec()) {
        fail(QStringLiteral("cannot compute statistics"), q.lastError().text());
        return std::nullopt;
    }
    while (q.next()) {
        const qint64 n = q.value(3).toLongLong();
        s.byStorefront[q.value(0).toString()] += n;
        s.byStage[q.value(1).toString()] += n;
        s.byAction[q.value(2).toString()] += n;
        s.total += n;
    }
    return s;
}

bool LeadRepository::prepareStatements() {
    if (m_statements)
        return true;
    m_statements = std::make_unique<Statements>(m_db.connection());
    const bool ok =
        m_statements->insertLead.prepare(QStringLiteral("INSERT INTO leads (%1) VALUES (%2)")
                                             .arg(writeColumns.join(QStringLiteral(", ")),
                                                  placeholderList(writeColumns.size())) +
                                         SqlDialect(m_db.backend()).returningId()) &&
        m_statements->insertEvent.prepare(
            QStringLiteral("INSERT INTO lead_events (lead_id, occurred_at, storefront, action, "
                           "lead_source, offer_title, description, channel) VALUES (") +
            placeholderList(8) + QLatin1Char(')')) &&
        m_statements->insertActivity.prepare(
            QStringLiteral("INSERT INTO activities (lead_id, at, actor, kind, field, "
                           "old_value, new_value, note) VALUES (") +
            placeholderList(8) + QLatin1Char(')'));
    if (!ok) {
        m_statements.reset();
        fail(QStringLiteral("cannot prepare the lead statements"),
             m_db.connection().lastError().text());
        return false;
    }
    return true;
}

qint64 LeadRepository::insert(const Lead &lead, const QList<LeadEvent> &events,
                              const QList<Activity> &activities) {
    if (!prepareStatements())
        return 0;
    const QString key = DedupKey::of(lead);
    if (key.isEmpty()) {
        fail(QStringLiteral("cannot store the lead"),
             QStringLiteral("it has no email, no name and no company"));
        return 0;
    }
    QSqlQuery &q = m_statements->insertLead;
    Binder b(q);
    bindLead(b, lead, key);
    const bool returning = m_db.backend() != Database::Backend::Sqlite;
    if (!q.exec() || (returning && !q.next())) {
        fail(QStringLiteral("cannot store the lead"), q.lastError().text());
        return 0;
    }
    const qint64 id = returning ? q.value(0).toLongLong() : q.lastInsertId().toLongLong();
    q.finish();
    for (const LeadEvent &e : events) {
        if (!addEvent(id, e))
            return 0;
    }
    if (!addActivities(id, activities))
        return 0;
    return id;
}

bool LeadRepository::addEvent(qint64 leadId, const LeadEvent &e) {
    QSqlQuery &q = m_statements->insertEvent;
    Binder b(q);
    b << leadId;
    b << text(isoUtc(e.occurredAt));
    b << Storefronts::canonicalName(e.storefront);
    b << text(e.action);
    b << text(e.leadSource);
    b << text(e.offerTitle);
    b << text(e.description);
    b << text(e.channel);
    if (!q.exec())
        return fail(QStringLiteral("cannot store the event"), q.lastError().text());
    return true;
}

bool LeadRepository::addActivities(qint64 leadId, const QList<Activity> &activities) {
    constexpr qsizetype chunk = 8; // 8 rows x 8 values stay within the placeholders
    for (qsizetype from = 0; from < activities.size(); from += chunk) {
        const qsizetype n = std::min(chunk, activities.size() - from);
        if (n == 1) {
            if (!addActivity(leadId, activities.at(from)))
                return false;
            continue;
        }
        auto it = m_statements->insertActivities.find(n);
        if (it == m_statements->insertActivities.end()) {
            QStringList rows;
            for (qsizetype r = 0; r < n; ++r)
                rows << QLatin1Char('(') + placeholders().mid(r * 8, 8).join(QStringLiteral(", ")) +
                            QLatin1Char(')');
            QSqlQuery q(m_db.connection());
            if (!q.prepare(QStringLiteral("INSERT INTO activities (lead_id, at, actor, kind, "
                                          "field, old_value, new_value, note) VALUES ") +
                           rows.join(QStringLiteral(", "))))
                return fail(QStringLiteral("cannot store the activities"), q.lastError().text());
            it = m_statements->insertActivities.emplace(n, std::move(q)).first;
        }
        QSqlQuery &q = it->second;
        Binder b(q);
        for (qsizetype r = from; r < from + n; ++r) {
            const Activity &a = activities.at(r);
            b << leadId << text(isoUtc(a.at)) << text(a.actor) << text(a.kind) << text(a.field)
              << text(a.oldValue) << text(a.newValue) << text(a.note);
        }
        if (!q.exec())
            return fail(QStringLiteral("cannot store the activities"), q.lastError().text());
    }
    return true;
}

bool LeadRepository::addActivity(qint64 leadId, const Activity &a) {
    QSqlQuery &q = m_statements->insertActivity;
    Binder b(q);
    b << leadId;
    b << text(isoUtc(a.at));
    b << text(a.actor);
    b << text(a.kind);
    b << text(a.field);
    b << text(a.oldValue);
    b << text(a.newValue);
    b << text(a.note);
    if (!q.exec())
        return fail(QStringLiteral("cannot store the activity"), q.lastError().text());
    return true;
}

IntakeResult LeadRepository::intake(const Lead &incomingRaw, const LeadEvent &event,
                                    const QString &actor) {
    IntakeResult result;
    Lead incoming = incomingRaw;
    LeadClassifier::classify(incoming);
    const QString key = DedupKey::of(incoming);
    if (key.isEmpty()) {
        result.error = QStringLiteral("no email, no name and no company");
        return result;
    }
    const QDateTime at =
        event.occurredAt.isValid() ? event.occurredAt : QDateTime::currentDateTimeUtc();
    LeadEvent stamped = event; // a record without its own time is stamped when it arrives
    stamped.occurredAt = at;
    QList<Lead> existing = select(
        QStringLiteral("SELECT %1 FROM leads WHERE dedup_key = ?").arg(leadSelectColumns), {key});
    if (existing.isEmpty() && m_error.isEmpty() && DedupKey::hasName(incoming)) {
        // "Contact me" often comes without an email and the install with one: the same named
        // person at the same company on the same offer is one lead, unless it is ambiguous.
        const QString nameKey = DedupKey::nameKey(incoming);
        QList<Lead> same = select(
            QStringLiteral("SELECT %1 FROM leads WHERE name_hash = ? AND email %2 ''")
                .arg(leadSelectColumns, incoming.email.trimmed().isEmpty() ? QStringLiteral("<>")
                                                                           : QStringLiteral("=")),
            {DedupKey::nameHash(incoming)});
        same.removeIf([&](const Lead &l) { return DedupKey::nameKey(l) != nameKey; });
        if (same.size() == 1)
            existing = same;
    }
    if (!m_error.isEmpty()) {
        result.error = m_error;
        return result;
    }
    if (existing.isEmpty()) {
        if (!incoming.createdAt.isValid())
            incoming.createdAt = at;
        if (!incoming.lastEventAt.isValid())
            incoming.lastEventAt = incoming.createdAt;
        incoming.events = 1;
        Activity created;
        created.at = QDateTime::currentDateTimeUtc(); // when Leadbench learnt of it
        created.actor = actor;
        created.kind = QStringLiteral("created");
        created.note = event.leadSource.isEmpty() ? incoming.action : event.leadSource;
        const qint64 id = insert(incoming, {stamped}, {created});
        if (id == 0) {
            result.error = m_error;
            return result;
        }
        result.outcome = IntakeResult::Outcome::Inserted;
        result.leadId = id;
        return result;
    }

    Lead stored = existing.first();
    if (event.occurredAt.isValid()) { // without its own time a record cannot be recognised
        QSqlQuery same(m_db.connection());
        same.prepare(QStringLiteral("SELECT count(*) FROM lead_events WHERE lead_id = ? AND "
                                    "occurred_at = ? AND (lead_source = ? OR ? = '')"));
        same.addBindValue(stored.id);
        same.addBindValue(text(isoUtc(at)));
        same.addBindValue(text(event.leadSource));
        // A record without a LeadSource (Leadbench's own export) is known by its time alone.
        same.addBindValue(text(event.leadSource));
        if (same.exec() && same.next() && same.value(0).toLongLong() > 0) {
            result.outcome = IntakeResult::Outcome::Unchanged;
            result.leadId = stored.id;
            return result;
        }
    }
    QList<Activity> changes = fillEmptyFields(stored, incoming);
    if (!stored.createdAt.isValid() || at < stored.createdAt)
        stored.createdAt = at;
    if (!stored.lastEventAt.isValid() || at >= stored.lastEventAt) {
        // The newest touch says where the customer is now (Contact me → Test Drive → Install).
        stored.lastEventAt = at;
        if (!incoming.action.isEmpty() && incoming.action != stored.action) {
            Activity a;
            a.kind = QStringLiteral("field");
            a.field = QStringLiteral("action");
            a.oldValue = stored.action;
            a.newValue = incoming.action;
            changes << a;
            stored.action = incoming.action;
        }
        if (incoming.storefront != Storefront::Other && incoming.storefront != stored.storefront) {
            Activity a;
            a.kind = QStringLiteral("field");
            a.field = QStringLiteral("storefront");
            a.oldValue = Storefronts::canonicalName(stored.storefront);
            a.newValue = Storefronts::canonicalName(incoming.storefront);
            changes << a;
            stored.storefront = incoming.storefront;
        }
    }
    stored.events += 1;
    stored.doNotContact = stored.doNotContact || incoming.doNotContact;
    LeadClassifier::classify(stored);

    QSqlQuery q(m_db.connection());
    QStringList sets;
    for (qsizetype i = 0; i < writeColumns.size(); ++i)
        sets << writeColumns.at(i) + QStringLiteral(" = ") + placeholders().at(i);
    q.prepare(QStringLiteral("UPDATE leads SET %1, version = version + 1 WHERE id = %2 AND "
                             "version = %3")
                  .arg(sets.join(QStringLiteral(", ")), placeholders().at(writeColumns.size()),
                       placeholders().at(writeColumns.size() + 1)));
    Binder b(q);
    bindLead(b, stored, DedupKey::of(stored)); // an email filled in becomes the key
    b << stored.id << stored.version;
    if (!q.exec()) {
        result.error = QStringLiteral("cannot merge into lead %1: %2")
                           .arg(stored.id)
                           .arg(q.lastError().text().simplified());
        return result;
    }
    if (q.numRowsAffected() != 1) {
        result.error = QStringLiteral("lead %1 was changed by someone else").arg(stored.id);
        result.conflict = true;
        return result;
    }
    if (!prepareStatements() || !addEvent(stored.id, stamped)) {
        result.error = m_error;
        return result;
    }
    Activity merged;
    merged.kind = QStringLiteral("merged");
    merged.note = event.leadSource.isEmpty() ? incoming.action : event.leadSource;
    changes.prepend(merged);
    for (Activity &a : changes) {
        a.at =
            QDateTime::currentDateTimeUtc(); // the audit trail records when, not the record's time
        a.actor = actor;
        if (!addActivity(stored.id, a)) {
            result.error = m_error;
            return result;
        }
    }
    result.outcome = IntakeResult::Outcome::Merged;
    result.leadId = stored.id;
    return result;
}
