#include "core/io/leadgenerator.h"
#include "core/scoring/leadrescorer.h"
#include "core/scoring/rescorechanges.h"
#include "core/scoring/rulescorer.h"
#include "core/scoring/winmodeltrainer.h"
#include "core/storage/leadrepository.h"
#include "core/storage/scoringmodelrepository.h"
#include "testdatabase.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <limits>

// A rescore of many leads on SQLite: the leads to write found first on several connections
// side by side, with what to write while it fits in memory, written as one read would have.
class TestRescoreChanges : public QObject {
    Q_OBJECT
private slots:
    void parallelReadWritesWhatOneReadDoes();
    void aCommitDuringTheParallelReadIsSeen();
    void readersKeepTheRollbackJournal();
};

namespace {

const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc());

qint64 activityCount(const Database &db) {
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM activities")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

void TestRescoreChanges::parallelReadWritesWhatOneReadDoes() {
    // Three databases of the same generated leads and the same new model version: one rescored
    // by one read in its write transaction; one with the changed leads found first by four
    // connections side by side, which keep what to write; one where what to write does not fit
    // in the memory allowed, so that the write transaction reads those leads again (SQLite
    // only).
    LB_TEST_DATABASE(one, QStringLiteral("sqlite"));
    LB_TEST_DATABASE(four, QStringLiteral("sqlite"));
    LB_TEST_DATABASE(again, QStringLiteral("sqlite"));
    const Database *dbs[] = {&one->database(), &four->database(), &again->database()};
    for (const Database *db : dbs) {
        LeadGenerator generator(*db);
        generator.setEnd(now.addDays(-3));
        const GenerateResult generated = generator.generate(3000, 7);
        QVERIFY2(generated.ok, qPrintable(generated.error));
        // The same rules saved again: only the scores recency moves change.
        QVERIFY(ScoringModelRepository(*db).save(ScoringModel::defaultModel(),
                                                 QStringLiteral("admin")));
        // Every open lead's win values change, most of them with no score that moves.
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE leads SET win_probability = 0, win_drivers = ''")));
    }
    const WinTrainingResult trained = WinModelTrainer(one->database()).run();
    QVERIFY2(trained.ok, qPrintable(trained.error));

    std::atomic_bool cancel = true;
    LeadRescorer cancelled(four->database());
    cancelled.setParallelRead(0, 500);
    cancelled.setCancelFlag(&cancel);
    QVERIFY(cancelled.rescore(LeadRescorer::Scope::Stale).cancelled);

    // What the parallel read keeps, and what it lets go past its budget.
    const ScoringModel model = *ScoringModelRepository(four->database()).current();
    const RescoreChanges::Result kept = RescoreChanges::find(
        four->database(), model, &trained.model, now, true, nullptr, nullptr, 500);
    QVERIFY2(kept.ok, qPrintable(kept.error));
    QVERIFY(kept.withValues);
    QCOMPARE(kept.changes.size(), kept.ids.size());
    for (std::size_t i = 0; i < kept.ids.size(); ++i)
        QCOMPARE(kept.changes[i].id, kept.ids[i]);
    const RescoreChanges::Result letGo = RescoreChanges::find(
        again->database(), model, &trained.model, now, true, nullptr, nullptr, 500, 100000);
    QVERIFY2(letGo.ok, qPrintable(letGo.error));
    QVERIFY(!letGo.withValues);
    QVERIFY(letGo.changes.empty());
    QCOMPARE(letGo.ids, kept.ids);
    QCOMPARE(letGo.rankChanges, kept.rankChanges);
    QVERIFY(kept.rankChanges > 0);
    QVERIFY(kept.rankChanges < qint64(kept.ids.size()));

    RescoreResult results[3];
    for (int i = 0; i < 3; ++i) {
        LeadRescorer r(*dbs[i]);
        r.setNow(now);
        r.setWinModel(&trained.model);
        if (i == 0)
            r.setParallelRead(std::numeric_limits<qint64>::max(), 500);
        else
            r.setParallelRead(0, 500, i == 1 ? 64 << 20 : 100000);
        r.setLargeRewrite(100); // the score indexes set aside, through a rollback journal
        qint64 done = -1, total = -1;
        r.setProgressHandler([&](qint64 d, qint64 t) {
            QVERIFY(d >= done);
            done = d;
            total = t;
        });
        results[i] = r.rescore(LeadRescorer::Scope::Stale);
        QVERIFY2(results[i].ok, qPrintable(results[i].error));
        QCOMPARE(done, total);
    }
    QVERIFY(results[0].changed > 0);
    QVERIFY(results[0].changed < results[0].scored);
    QVERIFY(results[0].winChanged > results[0].changed);
    const QList<Lead> a = TestDatabase::allLeads(one->database());
    for (int i = 1; i < 3; ++i) {
        QCOMPARE(results[i].scored, results[0].scored);
        QCOMPARE(results[i].changed, results[0].changed);
        QCOMPARE(results[i].winChanged, results[0].winChanged);
        const QList<Lead> b = TestDatabase::allLeads(*dbs[i]);
        QCOMPARE(b.size(), a.size());
        for (qsizetype j = 0; j < a.size(); ++j) {
            QCOMPARE(b.at(j).score, a.at(j).score);
            QCOMPARE(b.at(j).grade, a.at(j).grade);
            QCOMPARE(b.at(j).scoreExplanation, a.at(j).scoreExplanation);
            QCOMPARE(b.at(j).scoreModelVersion, 2);
            QCOMPARE(b.at(j).winProbability, a.at(j).winProbability);
            QCOMPARE(b.at(j).winDrivers, a.at(j).winDrivers);
        }
        QCOMPARE(activityCount(*dbs[i]), activityCount(one->database()));
        QSqlQuery q(dbs[i]->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                      "AND name = 'leads_score'")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        // The rows are where the score index says they are.
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    }
}

void TestRescoreChanges::aCommitDuringTheParallelReadIsSeen() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const Database &db = t->database();
    LeadGenerator generator(db);
    generator.setEnd(now);
    QVERIFY(generator.generate(3000, 7).ok);
    QVERIFY(ScoringModelRepository(db).save(ScoringModel::defaultModel(), QStringLiteral("admin")));
    // The first lead the parts read, as the model scores it now: in the first part.
    const qint64 id = TestDatabase::allLeads(db).first().id;
    bool committed = false;
    {
        QSqlDatabase other =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("another process"));
        other.setDatabaseName(db.location());
        QVERIFY(other.open());
        LeadRescorer r(db);
        r.setNow(now);
        r.setParallelRead(0, 500);
        // Someone else gives the first lead a C-level title while the parts read.
        r.setProgressHandler([&](qint64, qint64) {
            if (committed)
                return;
            QSqlQuery q(other);
            q.prepare(QStringLiteral("UPDATE leads SET title = 'Chief Executive Officer', "
                                     "is_test = 0 WHERE id = ?"));
            q.addBindValue(id);
            committed = q.exec() && q.numRowsAffected() == 1;
        });
        const RescoreResult result = r.rescore(LeadRescorer::Scope::Stale);
        QVERIFY2(result.ok, qPrintable(result.error));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("another process"));
    QVERIFY(committed);
    const Lead lead = *LeadRepository(db).lead(id);
    QCOMPARE(lead.title, QStringLiteral("Chief Executive Officer"));
    const ScoreResult expected = RuleScorer(*ScoringModelRepository(db).current()).score(lead, now);
    QCOMPARE(lead.score, expected.score);
    QCOMPARE(lead.scoreExplanation, expected.explanationText());
}

void TestRescoreChanges::readersKeepTheRollbackJournal() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const Database &db = t->database();
    QVERIFY(LeadGenerator(db).generate(50, 7).ok);
    QSqlQuery q(db.connection());
    const auto pragma = [&q](const QString &name) {
        const QString value = q.exec(QStringLiteral("PRAGMA ") + name) && q.next()
                                  ? q.value(0).toString()
                                  : QString();
        q.finish();
        return value;
    };
    QCOMPARE(pragma(QStringLiteral("journal_mode=DELETE")), QStringLiteral("delete"));
    const QString before = pragma(QStringLiteral("data_version"));
    // A reader on the same thread: a connection of its own, which reads the leads, leaves the
    // journal as it is and, closed, leaves the writer's connection open and its view of other
    // connections' commits unchanged.
    const Database reader = db.keepingJournalMode();
    QVERIFY(reader.connection().connectionName() != db.connection().connectionName());
    {
        QSqlQuery r(reader.connection());
        QVERIFY(r.exec(QStringLiteral("SELECT count(*) FROM leads")) && r.next());
        QCOMPARE(r.value(0).toInt(), 50);
    }
    reader.closeThreadConnection();
    QVERIFY(db.connection().isOpen());
    QCOMPARE(pragma(QStringLiteral("journal_mode")), QStringLiteral("delete"));
    QCOMPARE(pragma(QStringLiteral("data_version")), before);
    // An ordinary connection switches the file back to the write-ahead log, as every open does.
    {
        QSqlDatabase other =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ordinary"));
        other.setDatabaseName(db.location());
        QVERIFY(other.open());
        QSqlQuery o(other);
        QVERIFY(o.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && o.next());
        QCOMPARE(o.value(0).toString(), QStringLiteral("wal"));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("ordinary"));
    QVERIFY(pragma(QStringLiteral("data_version")) != before);
}

QTEST_GUILESS_MAIN(TestRescoreChanges)
#include "tst_rescorechanges.moc"
