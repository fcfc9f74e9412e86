#include "leadtrash.h"

#include "../domain/activity.h"
#include "../domain/leadcolumns.h"
#include "../scoring/rulescorer.h"
#include "eachintransaction.h"
#include "followupplanstore.h"
#include "leadrepository.h"
#include "leadrow.h"
#include "leadwriter.h"
#include "scorestore.h"
#include "scoringmodelrepository.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {

const QStringList &leadColumns() {
    static const QStringList columns = QStringList{QStringLiteral("id")} + LeadRow::writeColumns() +
                                       QStringList{QStringLiteral("version")};
    return columns;
}

const QStringList eventColumns = {QStringLiteral("occurred_at"), QStringLiteral("storefront"),
                                  QStringLiteral("action"),      QStringLiteral("lead_source"),
                                  QStringLiteral("offer_title"), QStringLiteral("description"),
                                  QStringLiteral("channel")};
const QStringList activityColumns = {QStringLiteral("at"),        QStringLiteral("actor"),
                                     QStringLiteral("kind"),      QStringLiteral("field"),
                                     QStringLiteral("old_value"), QStringLiteral("new_value"),
                                     QStringLiteral("note")};
// The follow-up plan (lead_nurture): a restored lead keeps its cadence, next follow-up kind and
// first touch, so its SLA and the Due queue read as before the delete.
const QStringList nurtureColumns = {
    QStringLiteral("follow_up_kind"), QStringLiteral("cadence"),
    QStringLiteral("cadence_step"),   QStringLiteral("cadence_started_at"),
    QStringLiteral("first_touch_at"), QStringLiteral("first_touch_seconds")};

// Rows as JSON objects of text: every stored value, including 64-bit hashes, survives exactly.
bool readRows(QSqlQuery &q, const QStringList &columns, QJsonArray *rows, QString *error) {
    if (!q.exec()) {
        *error = q.lastError().text().simplified();
        return false;
    }
    while (q.next()) {
        QJsonObject row;
        for (qsizetype i = 0; i < columns.size(); ++i)
            row.insert(columns.at(i), q.value(int(i)).toString());
        rows->append(row);
    }
    return true;
}

bool insertRows(const Database &db, const QString &table, const QStringList &columns,
                const QJsonArray &rows, const QVariantList &prefix,
                const QStringList &prefixColumns, QString *error) {
    QStringList marks;
    for (qsizetype i = 0; i < prefixColumns.size() + columns.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery q(db.connection());
    if (!q.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                       .arg(table, (prefixColumns + columns).join(QStringLiteral(", ")),
                            marks.join(QStringLiteral(", "))))) {
        *error = q.lastError().text().simplified();
        return false;
    }
    for (const QJsonValue &row : rows) {
        for (const QVariant &v : prefix)
            q.addBindValue(v);
        for (const QString &c : columns)
            q.addBindValue(row.toObject().value(c).toString());
        if (!q.exec()) {
            *error = q.lastError().text().simplified();
            return false;
        }
    }
    return true;
}

UpdateResult failed(qint64 id, const QString &error) {
    UpdateResult r;
    r.id = id;
    r.status = UpdateResult::Status::Failed;
    r.error = error;
    return r;
}

} // namespace

LeadTrash::LeadTrash(const Database &db)
    : m_db(db) {}

UpdateResult LeadTrash::removeOne(qint64 id, const QString &actor) {
    UpdateResult r;
    r.id = id;
    const LeadRepository reader(m_db);
    const std::optional<Lead> lead = reader.lead(id);
    if (!lead) {
        if (!reader.lastError().isEmpty())
            return failed(id, reader.lastError());
        r.status = UpdateResult::Status::NotFound;
        r.error = QCoreApplication::translate("LeadTrash", "no lead with id %1").arg(id);
        return r;
    }
    QString error;
    QJsonArray leadRow, events, activities, nurture;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM leads WHERE id = ?")
                  .arg(leadColumns().join(QStringLiteral(", "))));
    q.addBindValue(id);
    if (!readRows(q, leadColumns(), &leadRow, &error))
        return failed(
            id,
            QCoreApplication::translate("LeadTrash", "cannot read lead %1: %2").arg(id).arg(error));
    q.prepare(QStringLiteral("SELECT %1 FROM lead_events WHERE lead_id = ? ORDER BY id")
                  .arg(eventColumns.join(QStringLiteral(", "))));
    q.addBindValue(id);
    if (!readRows(q, eventColumns, &events, &error))
        return failed(
            id, QCoreApplication::translate("LeadTrash", "cannot read the events of lead %1: %2")
                    .arg(id)
                    .arg(error));
    q.prepare(QStringLiteral("SELECT %1 FROM activities WHERE lead_id = ? ORDER BY id")
                  .arg(activityColumns.join(QStringLiteral(", "))));
    q.addBindValue(id);
    if (!readRows(q, activityColumns, &activities, &error))
        return failed(id, QCoreApplication::translate("LeadTrash",
                                                      "cannot read the activities of lead %1: %2")
                              .arg(id)
                              .arg(error));
    q.prepare(QStringLiteral("SELECT %1 FROM lead_nurture WHERE lead_id = ?")
                  .arg(nurtureColumns.join(QStringLiteral(", "))));
    q.addBindValue(id);
    if (!readRows(q, nurtureColumns, &nurture, &error))
        return failed(id, QCoreApplication::translate(
                              "LeadTrash", "cannot read the follow-up plan of lead %1: %2")
                              .arg(id)
                              .arg(error));
    const QJsonObject snapshot{{QStringLiteral("lead"), leadRow.first()},
                               {QStringLiteral("events"), events},
                               {QStringLiteral("activities"), activities},
                               {QStringLiteral("nurture"), nurture}};
    q.prepare(QStringLiteral("INSERT INTO trash (lead_id, deleted_at, actor, snapshot) VALUES "
                             "(?, ?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(LeadColumns::isoUtc(QDateTime::currentDateTimeUtc()));
    q.addBindValue(LeadRow::text(actor));
    q.addBindValue(QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return failed(
            id, QCoreApplication::translate("LeadTrash", "cannot keep lead %1 in the trash: %2")
                    .arg(id)
                    .arg(q.lastError().text().simplified()));
    // Its events, activities and plan go with it (ON DELETE CASCADE).
    // Only the version in the snapshot: a change that landed since the read is not lost.
    q.prepare(QStringLiteral("DELETE FROM leads WHERE id = ? AND version = ?"));
    q.addBindValue(id);
    q.addBindValue(lead->version);
    if (!q.exec())
        return failed(id, QCoreApplication::translate("LeadTrash", "cannot delete lead %1: %2")
                              .arg(id)
                              .arg(q.lastError().text().simplified()));
    if (q.numRowsAffected() != 1) {
        // The transaction goes on for the other leads, so the snapshot is taken back here.
        q.prepare(QStringLiteral("DELETE FROM trash WHERE lead_id = ?"));
        q.addBindValue(id);
        q.exec();
        r.status = UpdateResult::Status::Conflict;
        r.lead = reader.lead(id);
        r.error = QCoreApplication::translate(
                      "LeadTrash", "lead %1 was changed by someone else while it was being "
                                   "deleted; it was kept")
                      .arg(id);
        return r;
    }
    r.status = UpdateResult::Status::Updated;
    r.previous = lead;
    return r;
}

UpdateResult LeadTrash::restoreOne(Transaction &tx, qint64 id, const QString &actor) {
    UpdateResult r;
    r.id = id;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT deleted_at, actor, snapshot FROM trash WHERE lead_id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return failed(id, QCoreApplication::translate("LeadTrash", "cannot read the trash: %1")
                              .arg(q.lastError().text().simplified()));
    if (!q.next()) {
        r.status = UpdateResult::Status::NotFound;
        r.error = QCoreApplication::translate("LeadTrash", "lead %1 is not in the trash").arg(id);
        return r;
    }
    const QString deletedAt = q.value(0).toString();
    const QString deletedBy = q.value(1).toString();
    const QJsonObject snapshot = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
    const QJsonObject leadRow = snapshot.value(QStringLiteral("lead")).toObject();
    q.finish();

    const LeadRepository reader(m_db);
    const std::optional<Lead> holder =
        reader.leadWithKey(leadRow.value(QStringLiteral("dedup_key")).toString());
    if (holder) {
        r.status = UpdateResult::Status::Conflict;
        r.lead = holder;
        r.error = QCoreApplication::translate(
                      "LeadTrash", "lead %1 cannot come back: lead %2 is the same person and "
                                   "offer, and arrived since")
                      .arg(id)
                      .arg(holder->id);
        return r;
    }
    if (reader.lead(id)) {
        r.status = UpdateResult::Status::Conflict;
        r.error =
            QCoreApplication::translate("LeadTrash", "lead %1 cannot come back: its id is taken")
                .arg(id);
        return r;
    }
    QString error;
    if (!insertRows(m_db, QStringLiteral("leads"), leadColumns(), QJsonArray{leadRow}, {}, {},
                    &error) ||
        !insertRows(m_db, QStringLiteral("lead_events"), eventColumns,
                    snapshot.value(QStringLiteral("events")).toArray(), {id},
                    {QStringLiteral("lead_id")}, &error) ||
        !insertRows(m_db, QStringLiteral("activities"), activityColumns,
                    snapshot.value(QStringLiteral("activities")).toArray(), {id},
                    {QStringLiteral("lead_id")}, &error) ||
        // Snapshots taken before plans were kept have none: the lead comes back without one.
        !insertRows(m_db, QStringLiteral("lead_nurture"), nurtureColumns,
                    snapshot.value(QStringLiteral("nurture")).toArray(), {id},
                    {QStringLiteral("lead_id")}, &error))
        return failed(id, QCoreApplication::translate("LeadTrash", "cannot restore lead %1: %2")
                              .arg(id)
                              .arg(error));
    if (FollowUpPlanStore plans(m_db); !plans.keepFirstTouch(id))
        return failed(id, plans.lastError());
    q.prepare(QStringLiteral("DELETE FROM trash WHERE lead_id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return failed(
            id, QCoreApplication::translate("LeadTrash", "cannot empty the trash of lead %1: %2")
                    .arg(id)
                    .arg(q.lastError().text().simplified()));

    Activity deleted;
    deleted.kind = ActivityKind::Deleted;
    deleted.at = LeadColumns::parseIsoUtc(deletedAt);
    deleted.actor = deletedBy;
    Activity restored;
    restored.kind = ActivityKind::Restored;
    restored.actor = actor;
    LeadWriter writer(m_db);
    if (!writer.addActivities(tx, id, {deleted, restored}))
        return failed(id, writer.lastError());
    r.lead = reader.lead(id);
    if (!r.lead)
        return failed(id, reader.lastError());
    const int stored = leadRow.value(QStringLiteral("score_model_version")).toVariant().toInt();
    bool rescored = false;
    if (!rescoreIfMissed(*r.lead, stored, &rescored))
        return failed(id, m_error);
    if (rescored)
        r.lead = reader.lead(id);
    if (!r.lead)
        return failed(id, reader.lastError());
    r.status = UpdateResult::Status::Updated;
    return r;
}

bool LeadTrash::rescoreIfMissed(const Lead &lead, int storedVersion, bool *rescored) {
    // A rescoring run while the lead was in the trash confirmed the older versions' scores
    // without seeing this one (ScoreStore::confirm): it is scored again now.
    ScoreStore store(m_db);
    const int confirmed = store.confirmedVersion();
    if (confirmed < 0) {
        m_error = store.lastError();
        return false;
    }
    if (storedVersion <= 0 || storedVersion >= confirmed)
        return true;
    ScoringModelRepository models(m_db);
    const std::optional<ScoringModel> model = models.current();
    if (!model) {
        m_error = models.lastError();
        return false;
    }
    ScoreResult scored;
    RuleScorer(*model).score(lead, QDateTime::currentDateTimeUtc(), &scored, false);
    if (!store.write(lead.id, scored.score, scored.grade, scored.explanation, model->version,
                     lead.grade, true)) {
        m_error = store.lastError();
        return false;
    }
    *rescored = true;
    return true;
}

QList<UpdateResult> LeadTrash::remove(const QList<qint64> &ids, const QString &actor) {
    return eachInTransaction(
        m_db, ids, [&](Transaction &, qsizetype i) { return removeOne(ids.at(i), actor); });
}

QList<UpdateResult> LeadTrash::restore(const QList<qint64> &ids, const QString &actor) {
    return eachInTransaction(
        m_db, ids, [&](Transaction &tx, qsizetype i) { return restoreOne(tx, ids.at(i), actor); });
}

QList<qint64> LeadTrash::ids() const {
    QList<qint64> out;
    QSqlQuery q(m_db.connection());
    if (!q.exec(
            QStringLiteral("SELECT lead_id FROM trash ORDER BY deleted_at DESC, lead_id DESC"))) {
        m_error = q.lastError().text().simplified();
        return out;
    }
    while (q.next())
        out << q.value(0).toLongLong();
    m_error.clear();
    return out;
}

QList<TrashedLead> LeadTrash::entries() const {
    QList<TrashedLead> out;
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT lead_id, deleted_at, actor, snapshot FROM trash ORDER BY "
                               "deleted_at DESC, lead_id DESC"))) {
        m_error = q.lastError().text().simplified();
        return out;
    }
    while (q.next()) {
        TrashedLead t;
        t.deletedAt = LeadColumns::parseIsoUtc(q.value(1).toString());
        t.deletedBy = q.value(2).toString();
        const QJsonObject row = QJsonDocument::fromJson(q.value(3).toString().toUtf8())
                                    .object()
                                    .value(QStringLiteral("lead"))
                                    .toObject();
        for (const QString &column : LeadColumns::all() + LeadColumns::stored()) {
            QVariant value;
            if (LeadColumns::parse(column, row.value(column).toString(), &value).isEmpty())
                LeadColumns::setValue(t.lead, column, value);
        }
        t.lead.id = q.value(0).toLongLong();
        out << t;
    }
    m_error.clear();
    return out;
}
