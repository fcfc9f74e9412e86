#include "scorestore.h"

#include "../domain/leadcolumns.h"
#include "sqlstatement.h"

#include <QCoreApplication>

namespace {

const QString confirmedKey = QStringLiteral("scores_confirmed_by");

QString readColumns(const QString &idCondition = QStringLiteral("id > ?")) {
    return QStringLiteral("SELECT id, storefront, action, email, phone, country, company, title, "
                          "last_event_at, events, do_not_contact, is_test, score, grade, %1, "
                          "score_explanation, offer_id, offer_title, stage, win_probability, "
                          "win_drivers FROM leads WHERE %2")
        .arg(ScoreStore::modelVersionSql(), idCondition);
}

// Leads another model version scored, or none did; a score a person set (no model version, a
// score or a grade) is theirs (LeadWriter::isHandScored).
QString staleOnly() {
    return QStringLiteral(" AND %1 <> ? AND (score_model_version > 0 OR (score = 0 AND grade = "
                          "''))")
        .arg(ScoreStore::modelVersionSql());
}

// A stored time: Leadbench's own format read without the general parser.
QDateTime storedTime(const QByteArray &t) {
    if (t.isEmpty())
        return {};
    const QDateTime stored = LeadColumns::parseStoredUtc(QByteArrayView(t));
    return stored.isValid() ? stored : LeadColumns::parseIsoUtc(QString::fromUtf8(t));
}

} // namespace

ScoreStore::ScoreStore(const Database &db)
    : m_db(db) {}

ScoreStore::~ScoreStore() = default;

QStringList ScoreStore::scoreIndexes() {
    return {QStringLiteral("leads_score"), QStringLiteral("leads_created_at"),
            QStringLiteral("leads_offer_funnel"), QStringLiteral("leads_grades")};
}

QString ScoreStore::modelVersionSql() {
    // Uncorrelated: both backends read the confirmed version once per statement.
    static const QString confirmed =
        QStringLiteral("(SELECT CAST(value AS INTEGER) FROM meta WHERE key = '%1')")
            .arg(confirmedKey);
    static const QString sql =
        QStringLiteral("(CASE WHEN score_model_version > 0 AND score_model_version < "
                       "coalesce(%1, 0) THEN %1 ELSE score_model_version END)")
            .arg(confirmed);
    return sql;
}

int ScoreStore::confirmedVersion() {
    SqlStatement q(m_db);
    if (!q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"))) {
        m_error = QCoreApplication::translate("ScoreStore", "cannot read the scores' version: %1")
                      .arg(q.error());
        return -1;
    }
    q.bind(0, confirmedKey);
    if (!q.exec()) {
        m_error = QCoreApplication::translate("ScoreStore", "cannot read the scores' version: %1")
                      .arg(q.error());
        return -1;
    }
    const int version = q.next() ? QString::fromUtf8(q.utf8Value(0)).toInt() : 0;
    q.finish();
    return version;
}

bool ScoreStore::confirm(int version) {
    SqlStatement remove(m_db), insert(m_db);
    if (!remove.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?")) ||
        !insert.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"))) {
        m_error = QCoreApplication::translate("ScoreStore", "cannot record the scores' version: %1")
                      .arg(remove.error() + insert.error());
        return false;
    }
    remove.bind(0, confirmedKey);
    insert.bind(0, confirmedKey);
    insert.bind(1, QString::number(version));
    if (!remove.exec() || !insert.exec()) {
        m_error = QCoreApplication::translate("ScoreStore", "cannot record the scores' version: %1")
                      .arg(remove.error() + insert.error());
        return false;
    }
    return true;
}

bool ScoreStore::prepare() {
    if (m_update)
        return true;
    m_readAll = std::make_unique<SqlStatement>(m_db);
    m_readStale = std::make_unique<SqlStatement>(m_db);
    m_readOne = std::make_unique<SqlStatement>(m_db);
    m_update = std::make_unique<SqlStatement>(m_db);
    m_updateWithWin = std::make_unique<SqlStatement>(m_db);
    m_updateWin = std::make_unique<SqlStatement>(m_db);
    m_activity = std::make_unique<SqlStatement>(m_db);
    m_explain = std::make_unique<SqlStatement>(m_db);
    m_explainWithWin = std::make_unique<SqlStatement>(m_db);
    const std::pair<SqlStatement *, QString> statements[] = {
        {m_readAll.get(), readColumns() + QStringLiteral(" ORDER BY id LIMIT ?")},
        {m_readStale.get(), readColumns() + staleOnly() + QStringLiteral(" ORDER BY id LIMIT ?")},
        {m_readOne.get(), readColumns(QStringLiteral("id = ?"))},
        {m_update.get(),
         QStringLiteral("UPDATE leads SET score = ?, grade = ?, score_explanation = ?, "
                        "score_model_version = ? WHERE id = ?")},
        {m_updateWithWin.get(),
         QStringLiteral("UPDATE leads SET score = ?, grade = ?, score_explanation = ?, "
                        "score_model_version = ?, win_probability = ?, win_drivers = ? "
                        "WHERE id = ?")},
        {m_explain.get(), QStringLiteral("UPDATE leads SET score_explanation = ?, "
                                         "score_model_version = ? WHERE id = ?")},
        {m_explainWithWin.get(),
         QStringLiteral("UPDATE leads SET score_explanation = ?, score_model_version = ?, "
                        "win_probability = ?, win_drivers = ? WHERE id = ?")},
        {m_updateWin.get(),
         QStringLiteral("UPDATE leads SET win_probability = ?, win_drivers = ? WHERE id = ?")},
        {m_activity.get(),
         QStringLiteral("INSERT INTO activities (lead_id, at, actor, kind, field, old_value, "
                        "new_value, note) VALUES (?, ?, 'system', 'changed', 'grade', ?, ?, '')")},
    };
    for (const auto &[statement, sql] : statements) {
        if (!statement->prepare(sql)) {
            m_error =
                QCoreApplication::translate("ScoreStore", "cannot prepare the score statements: %1")
                    .arg(statement->error());
            m_update.reset();
            return false;
        }
    }
    m_now = LeadColumns::isoUtc(QDateTime::currentDateTimeUtc());
    return true;
}

qint64 ScoreStore::maxId() {
    SqlStatement q(m_db);
    if (!q.prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM leads")) || !q.exec() ||
        !q.next()) {
        m_error = QCoreApplication::translate("ScoreStore", "cannot read the leads' ids: %1")
                      .arg(q.error());
        return -1;
    }
    const qint64 id = q.intValue(0);
    q.finish();
    return id;
}

qint64 ScoreStore::count(int staleFor) {
    SqlStatement q(m_db);
    if (!q.prepare(staleFor > 0
                       ? QStringLiteral("SELECT count(*) FROM leads WHERE id > 0") + staleOnly()
                       : QStringLiteral("SELECT count(*) FROM leads"))) {
        m_error =
            QCoreApplication::translate("ScoreStore", "cannot count the leads: %1").arg(q.error());
        return -1;
    }
    if (staleFor > 0)
        q.bind(0, staleFor);
    if (!q.exec() || !q.next()) {
        m_error =
            QCoreApplication::translate("ScoreStore", "cannot count the leads: %1").arg(q.error());
        return -1;
    }
    const qint64 n = q.intValue(0);
    q.finish();
    return n;
}

qint64 ScoreStore::visit(qint64 afterId, int limit, int staleFor,
                         const std::function<void(const Lead &, const Stored &)> &visit) {
    if (!prepare())
        return -1;
    SqlStatement &q = staleFor > 0 ? *m_readStale : *m_readAll;
    int i = 0;
    q.bind(i++, afterId);
    if (staleFor > 0)
        q.bind(i++, staleFor);
    q.bind(i++, limit);
    return readRows(q, visit);
}

qint64 ScoreStore::visitIds(const std::vector<qint64> &ids, std::size_t from, std::size_t count,
                            const std::function<void(const Lead &, const Stored &)> &visit) {
    if (!prepare())
        return -1;
    qint64 last = 0;
    for (std::size_t i = from; i < std::min(ids.size(), from + count); ++i) {
        m_readOne->bind(0, ids[i]);
        if (readRows(*m_readOne, visit) < 0)
            return -1;
        last = ids[i];
    }
    return last;
}

qint64 ScoreStore::readRows(SqlStatement &q,
                            const std::function<void(const Lead &, const Stored &)> &visit) {
    if (!q.exec()) {
        m_error = QCoreApplication::translate("ScoreStore", "cannot read the leads to score: %1")
                      .arg(q.error());
        return -1;
    }
    qint64 last = 0;
    Lead &l = m_lead; // one lead, refilled row by row
    Stored stored;
    while (q.next()) {
        l.id = q.intValue(0);
        Storefronts::fromCanonicalName(q.textValue(1), &l.storefront);
        l.action = q.textValue(2);
        l.email = q.textValue(3);
        l.phone = q.textValue(4);
        l.country = q.textValue(5);
        l.company = q.textValue(6);
        l.title = q.textValue(7);
        l.lastEventAt = storedTime(q.utf8Value(8));
        l.events = int(q.intValue(9));
        l.doNotContact = q.intValue(10) != 0;
        l.isTest = q.intValue(11) != 0;
        // Offers and stages repeat across every lead: kept while they do not change.
        const QByteArray offerId = q.utf8Value(16);
        if (offerId != m_offerUtf8) {
            m_offerUtf8 = QByteArray(offerId.constData(), offerId.size());
            l.offerId = QString::fromUtf8(offerId);
        }
        const QByteArray offerTitle = q.utf8Value(17);
        if (offerTitle != m_offerTitleUtf8) {
            m_offerTitleUtf8 = QByteArray(offerTitle.constData(), offerTitle.size());
            l.offerTitle = QString::fromUtf8(offerTitle);
        }
        const QByteArray stage = q.utf8Value(18);
        if (stage != m_stageUtf8) {
            m_stageUtf8 = QByteArray(stage.constData(), stage.size());
            l.stage = Stage::New;
            Stages::fromCanonicalName(QString::fromUtf8(stage), &l.stage);
        }
        const QByteArray grade = q.utf8Value(13);
        const QByteArray explanation = q.utf8Value(15);
        const QByteArray drivers = q.utf8Value(20);
        stored.score = int(q.intValue(12));
        stored.grade = grade;
        stored.modelVersion = int(q.intValue(14));
        stored.explanation = explanation;
        stored.winProbability = q.realValue(19);
        stored.winDrivers = drivers;
        visit(l, stored);
        last = l.id;
    }
    const QString error = q.error();
    q.finish();
    if (!error.isEmpty()) {
        m_error = QCoreApplication::translate("ScoreStore", "cannot read the leads to score: %1")
                      .arg(error);
        return -1;
    }
    return last;
}

qint64 ScoreStore::dataVersion() {
    if (m_db.backend() != Database::Backend::Sqlite)
        return -1;
    SqlStatement q(m_db);
    if (!q.prepare(QStringLiteral("PRAGMA data_version")) || !q.exec() || !q.next())
        return -1;
    const qint64 version = q.intValue(0);
    q.finish();
    return version;
}

bool ScoreStore::write(qint64 id, int score, const QString &grade, const QByteArray &explanation,
                       int modelVersion, const QString &oldGrade, bool rankChanged,
                       const WinValues *win) {
    if (!prepare())
        return false;
    SqlStatement &update =
        rankChanged ? (win ? *m_updateWithWin : *m_update) : (win ? *m_explainWithWin : *m_explain);
    int i = 0;
    if (rankChanged) {
        update.bind(i++, score);
        update.bind(i++, grade);
    }
    update.bind(i++, QString::fromUtf8(explanation));
    update.bind(i++, modelVersion);
    if (win) {
        update.bind(i++, win->probability);
        update.bind(i++, QString::fromUtf8(win->drivers));
    }
    update.bind(i++, id);
    if (!update.exec()) {
        m_error = QCoreApplication::translate("ScoreStore", "cannot store the score of lead %1: %2")
                      .arg(id)
                      .arg(update.error());
        return false;
    }
    if (oldGrade != grade) {
        m_activity->bind(0, id);
        m_activity->bind(1, m_now);
        m_activity->bind(2, oldGrade);
        m_activity->bind(3, grade);
        if (!m_activity->exec()) {
            m_error =
                QCoreApplication::translate("ScoreStore", "cannot record the grade of lead %1: %2")
                    .arg(id)
                    .arg(m_activity->error());
            return false;
        }
    }
    return true;
}

bool ScoreStore::writeWin(qint64 id, const WinValues &win) {
    if (!prepare())
        return false;
    m_updateWin->bind(0, win.probability);
    m_updateWin->bind(1, QString::fromUtf8(win.drivers));
    m_updateWin->bind(2, id);
    if (!m_updateWin->exec()) {
        m_error = QCoreApplication::translate("ScoreStore",
                                              "cannot store the win probability of lead %1: %2")
                      .arg(id)
                      .arg(m_updateWin->error());
        return false;
    }
    return true;
}
