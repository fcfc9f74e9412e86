#include "leadwriter.h"

#include "../domain/dedupkey.h"
#include "../domain/leadcolumns.h"
#include "../domain/leaddiff.h"
#include "../scoring/rulescorer.h"
#include "../scoring/winvaluesmaker.h"
#include "eachintransaction.h"
#include "followupplanstore.h"
#include "leadrepository.h"
#include "leadrow.h"
#include "leadwriterstatements.h"
#include "scoringmodelrepository.h"
#include "searchindexbuilder.h"
#include "sqldialect.h"
#include "sqlstatement.h"
#include "transaction.h"
#include "winmodelstore.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using LeadColumns::isoUtc;

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

LeadWriter::LeadWriter(const Database &db)
    : m_db(db) {}

LeadWriter::~LeadWriter() = default;

bool LeadWriter::isHandScored(const Lead &lead) {
    return lead.scoreModelVersion == 0 && (lead.score != 0 || !lead.grade.isEmpty());
}

bool LeadWriter::loadScorer() {
    if (!m_scorer) {
        ScoringModelRepository models(m_db);
        const std::optional<ScoringModel> model = models.current();
        if (!model)
            return fail(QCoreApplication::translate("LeadWriter", "cannot score the lead"),
                        models.lastError());
        WinModelStore winModels(m_db);
        const std::optional<StoredWinModel> win = winModels.load();
        if (!winModels.lastError().isEmpty())
            return fail(QCoreApplication::translate("LeadWriter", "cannot score the lead"),
                        winModels.lastError());
        m_scorer = std::make_unique<RuleScorer>(*model);
        if (win) {
            m_winModel = std::make_unique<WinModel>(win->model);
            m_winValues = std::make_unique<WinValuesMaker>(*m_winModel);
        }
    }
    return true;
}

bool LeadWriter::score(Lead &lead) {
    if (!loadScorer())
        return false;
    if (!isHandScored(lead))
        m_scorer->apply(lead, m_scoredAt.isValid() ? m_scoredAt : QDateTime::currentDateTimeUtc());
    // The win probability follows every change too, whoever set the score.
    if (m_winValues) {
        QByteArray drivers;
        m_winValues->make(lead, &lead.winProbability, &drivers);
        lead.winDrivers = QString::fromUtf8(drivers);
    }
    return true;
}

QList<Activity> LeadWriter::gradeChange(const Lead &before, const Lead &after) {
    if (before.grade == after.grade)
        return {};
    Activity a;
    a.kind = ActivityKind::Changed;
    a.actor = QStringLiteral("system");
    a.field = QStringLiteral("grade");
    a.oldValue = before.grade;
    a.newValue = after.grade;
    return {a};
}

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
                                    SqlStatement::placeholders(columns.size()));
    Statements &st = *m_statements;
    const std::pair<SqlStatement *, QString> statements[] = {
        {&st.insertLead, insert + dialect.returningId()},
        {&st.insertLeadIfAbsent, insert + dialect.skipExistingLead() + dialect.returningId()},
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
            return fail(
                QCoreApplication::translate("LeadWriter", "cannot prepare the lead statements"),
                error);
        }
    }
    return true;
}

qint64 LeadWriter::insertLead(const Lead &lead, bool skipExisting) {
    return insertLead(lead, DedupKey::identity(lead), skipExisting);
}

qint64 LeadWriter::insertLead(const Lead &lead, const DedupKey::Identity &identity,
                              bool skipExisting) {
    if (!prepareStatements())
        return -1;
    if (identity.key.isEmpty()) {
        m_error = QCoreApplication::translate(
            "LeadWriter", "cannot store the lead: it has no email, no name and no company");
        return -1;
    }
    SqlStatement &q = skipExisting ? m_statements->insertLeadIfAbsent : m_statements->insertLead;
    LeadRow::bind(q, lead, identity);
    if (!q.exec()) {
        fail(QCoreApplication::translate("LeadWriter", "cannot store the lead"), q.error());
        return -1;
    }
    qint64 id = 0;
    if (m_db.backend() == Database::Backend::Sqlite)
        id = q.rowsAffected() == 1 ? q.lastInsertId() : 0;
    else
        id = q.next() ? q.intValue(0) : 0;
    q.finish();
    if (m_search && id > 0)
        m_search->stored(id, lead);
    return id; // 0: the person and offer was stored meanwhile (skipExisting only)
}

qint64 LeadWriter::insert(Transaction &tx, const Lead &lead, const QList<LeadEvent> &events,
                          const QList<Activity> &activities, Scoring scoring) {
    if (!tx.isActive()) {
        m_error =
            QCoreApplication::translate("LeadWriter", "cannot store the lead: no transaction");
        return 0;
    }
    Lead scored = lead;
    if (scoring == Scoring::Current && !score(scored))
        return 0;
    const qint64 id = insertLead(scored, false);
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
    for (const char *derived : {"dedup_key", "name_hash", "extra_fields", "score_model_version",
                                "score_explanation", "win_drivers"}) {
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
        fail(QCoreApplication::translate("LeadWriter", "cannot change lead %1").arg(before.id),
             q.lastError().text());
        return -1;
    }
    if (q.numRowsAffected() != 1)
        return 0;
    if (m_search)
        m_search->changed(before.id, before, after);
    return 1;
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
        r.error = reader.lastError().isEmpty()
                      ? QCoreApplication::translate("LeadWriter", "no lead with id %1").arg(id)
                      : reader.lastError();
        return r;
    }
    if (expectedVersion != 0 && current->version != expectedVersion) {
        r.status = UpdateResult::Status::Conflict;
        r.lead = current;
        r.error = QCoreApplication::translate(
                      "LeadWriter", "lead %1 was changed by someone else (version %2, not %3)")
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
    // The stage rules and the follow-up plan (StagePolicy, leadwriternurture.cpp).
    FollowUpPlan storedPlan, plan;
    if (!applyStageRules(*current, after, changes, actor, &storedPlan, &plan, &r))
        return r;
    const QList<Activity> nurture = nurtureLines(changes, storedPlan, plan);
    const bool scoreSet = changes.columns().contains(QStringLiteral("score"));
    const bool gradeSet = changes.columns().contains(QStringLiteral("grade"));
    if (scoreSet) {
        // A person's score is graded by the model's bands; a grade given with it must agree.
        if (!loadScorer()) {
            r.status = UpdateResult::Status::Failed;
            r.error = m_error;
            return r;
        }
        const QString banded = m_scorer->model().gradeFor(after.score);
        if (gradeSet && after.grade != banded) {
            r.status = UpdateResult::Status::Invalid;
            r.error = QCoreApplication::translate(
                          "LeadWriter", "grade %1 does not go with score %2, which is grade %3")
                          .arg(after.grade.isEmpty() ? QStringLiteral("\"\"") : after.grade)
                          .arg(after.score)
                          .arg(banded);
            return r;
        }
        after.grade = banded;
    }
    QList<Activity> diff = LeadDiff::changes(*current, after);
    if (scoreSet || gradeSet) {
        after.scoreModelVersion = 0; // a person's score: kept until everything is rescored
        after.scoreExplanation.clear();
    }
    if (diff.isEmpty() && nurture.isEmpty()) { // nothing to change: no version, no activity
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
            r.error = QCoreApplication::translate(
                          "LeadWriter", "lead %1 is already this person's lead for this offer")
                          .arg(other->id);
            return r;
        }
    }
    const Lead asChanged = after;
    if (!score(after)) {
        r.status = UpdateResult::Status::Failed;
        r.error = m_error;
        return r;
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
        r.error = QCoreApplication::translate("LeadWriter", "lead %1 was changed by someone else")
                      .arg(id);
        return r;
    }
    FollowUpPlanStore plans(m_db);
    if (plan != storedPlan && !plans.save(id, plan)) {
        r.status = UpdateResult::Status::Failed;
        r.error = plans.lastError();
        return r;
    }
    diff += nurture;
    for (Activity &a : diff)
        a.actor = actor;
    diff += gradeChange(asChanged, after);
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

UpdateResult LeadWriter::addNote(qint64 leadId, const QString &text, const QString &actor) {
    UpdateResult r;
    r.id = leadId;
    if (text.trimmed().isEmpty()) {
        r.status = UpdateResult::Status::Invalid;
        r.error = QCoreApplication::translate("LeadWriter", "a note needs some text");
        return r;
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        r.error = QCoreApplication::translate("LeadWriter", "cannot start a transaction: %1")
                      .arg(tx.error());
        return r;
    }
    const LeadRepository reader(m_db);
    const std::optional<Lead> current = reader.lead(leadId);
    if (!current) {
        r.status = reader.lastError().isEmpty() ? UpdateResult::Status::NotFound
                                                : UpdateResult::Status::Failed;
        r.error = reader.lastError().isEmpty()
                      ? QCoreApplication::translate("LeadWriter", "no lead with id %1").arg(leadId)
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
        r.error = QCoreApplication::translate("LeadWriter", "cannot commit: %1").arg(tx.error());
        return r;
    }
    // A note is history, not a change to the lead's columns: the version stays.
    r.status = UpdateResult::Status::Updated;
    r.lead = current;
    r.previous = current;
    return r;
}
