#include "core/domain/leadchanges.h"
#include "core/io/leadgenerator.h"
#include "core/scoring/leadrescorer.h"
#include "core/scoring/winfeatures.h"
#include "core/scoring/winmodeltrainer.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadtrash.h"
#include "core/storage/leadwriter.h"
#include "core/storage/scoringmodelrepository.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

// Rescoring a database with its current scoring model: versioned models, no conflicts with
// people's edits, a quiet timeline, and a cancel that changes nothing.
class TestLeadRescorer : public QObject {
    Q_OBJECT
private slots:
    void modelChangeIsANewVersion_data() { TestDatabase::addBackendRows(); }
    void modelChangeIsANewVersion();
    void rescoringNeverConflictsWithAnEdit_data() { TestDatabase::addBackendRows(); }
    void rescoringNeverConflictsWithAnEdit();
    void onlyAGradeChangeReachesTheTimeline_data();
    void onlyAGradeChangeReachesTheTimeline();
    void cancelLeavesScoresAsBefore_data() { TestDatabase::addBackendRows(); }
    void cancelLeavesScoresAsBefore();
    void staleScopeScoresWhatTheModelHasNot_data() { TestDatabase::addBackendRows(); }
    void staleScopeScoresWhatTheModelHasNot();
    void winModelReachesEveryOpenLead_data() { TestDatabase::addBackendRows(); }
    void winModelReachesEveryOpenLead();
    void fewClosedLeadsGiveNoProbability_data() { TestDatabase::addBackendRows(); }
    void fewClosedLeadsGiveNoProbability();
    void largeRewriteKeepsTheScoreOrder_data() { TestDatabase::addBackendRows(); }
    void largeRewriteKeepsTheScoreOrder();
    void unchangedScoresAreNotRewritten_data() { TestDatabase::addBackendRows(); }
    void unchangedScoresAreNotRewritten();
};

namespace {

const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc());

Lead prospect(const QString &first, const QString &title, const QString &phone) {
    Lead l;
    l.storefront = Storefront::AppSource;
    l.action = QStringLiteral("PLT");
    l.offerId = QStringLiteral("contoso.crm-connector");
    l.firstName = first;
    l.lastName = QStringLiteral("Jansen");
    l.email = first.toLower() + QStringLiteral("@fabrikam.com");
    l.company = QStringLiteral("Fabrikam");
    l.title = title;
    l.phone = phone;
    l.country = QStringLiteral("NL");
    l.createdAt = now.addDays(-300);
    l.lastEventAt = l.createdAt;
    return l;
}

// Three unscored leads: a director with a phone, a manager with a phone and a developer without.
QList<qint64> fill(const Database &db) {
    QList<qint64> ids;
    ids << TestDatabase::insertLead(db, prospect(QStringLiteral("Anna"),
                                                 QStringLiteral("Director of IT"),
                                                 QStringLiteral("+31 20 555 0100")));
    ids << TestDatabase::insertLead(db,
                                    prospect(QStringLiteral("Bram"), QStringLiteral("IT Manager"),
                                             QStringLiteral("+31 20 555 0101")));
    ids << TestDatabase::insertLead(
        db, prospect(QStringLiteral("Cees"), QStringLiteral("Developer"), QString()));
    return ids;
}

RescoreResult rescore(const Database &db, LeadRescorer::Scope scope = LeadRescorer::Scope::All) {
    LeadRescorer r(db);
    r.setNow(now);
    return r.rescore(scope);
}

// The default model with the phone rule worth `points`.
ScoringModel withPhonePoints(int points) {
    ScoringModel m = ScoringModel::defaultModel();
    for (ScoringRule &r : m.rules)
        if (r.kind == RuleKind::HasPhone)
            r.points = points;
    return m;
}

QList<Activity> gradeLines(const Database &db, qint64 id) {
    QList<Activity> out;
    for (const Activity &a : LeadHistory(db).activities(id))
        if (a.field == QLatin1String("grade"))
            out << a;
    return out;
}

qint64 activityCount(const Database &db) {
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM activities")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

bool isOpen(const Lead &l) {
    return !Stages::isClosed(l.stage) && !l.isTest && !l.doNotContact;
}

} // namespace

void TestLeadRescorer::modelChangeIsANewVersion() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const QList<qint64> ids = fill(db);
    ScoringModelRepository models(db);
    const std::optional<ScoringModel> first = models.current();
    QVERIFY2(first, qPrintable(models.lastError()));
    QCOMPARE(first->version, 1);

    RescoreResult r = rescore(db);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.scored, 3);
    QCOMPARE(r.modelVersion, 1);
    LeadRepository repo(db);
    // PLT 10, director 15, work address 10, phone 8, company 5, NL 5.
    QCOMPARE(repo.lead(ids.at(0))->score, 53);
    QCOMPARE(repo.lead(ids.at(0))->scoreModelVersion, 1);

    const std::optional<ScoringModel> second =
        models.save(withPhonePoints(30), QStringLiteral("admin"));
    QVERIFY2(second, qPrintable(models.lastError()));
    QCOMPARE(second->version, 2);
    QCOMPARE(models.current()->version, 2);
    const QList<ScoringModelVersion> versions = models.versions();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.last().createdBy, QStringLiteral("admin"));
    QCOMPARE(models.model(1)->rules, ScoringModel::defaultModel().rules);

    r = rescore(db);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.modelVersion, 2);
    QCOMPARE(r.changed, 2); // the two with a phone; the developer's score stays
    const Lead anna = *repo.lead(ids.at(0));
    QCOMPARE(anna.score, 75);
    QCOMPARE(anna.grade, QStringLiteral("A"));
    QCOMPARE(anna.scoreModelVersion, 2);
    QVERIFY2(anna.scoreExplanation.contains(QLatin1String(":30")),
             qPrintable(anna.scoreExplanation));
    QCOMPARE(repo.lead(ids.at(2))->scoreModelVersion, 2);
}

void TestLeadRescorer::rescoringNeverConflictsWithAnEdit() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const qint64 id = fill(db).first();
    QVERIFY(rescore(db).ok);
    // A rep opens the lead at this version...
    const Lead opened = *LeadRepository(db).lead(id);
    // ...while an admin's new model rescores everything.
    QVERIFY(ScoringModelRepository(db).save(withPhonePoints(30), QStringLiteral("admin")));
    QVERIFY(rescore(db).ok);
    const Lead rescored = *LeadRepository(db).lead(id);
    QVERIFY(rescored.score != opened.score);
    QCOMPARE(rescored.version, opened.version);
    // The rep's edit against the version they opened still lands.
    const UpdateResult edit = LeadWriter(db).update(
        id, opened.version, LeadChanges().set(QStringLiteral("stage"), QStringLiteral("contacted")),
        QStringLiteral("rep"));
    QVERIFY2(edit.ok(), qPrintable(edit.error));
    QCOMPARE(edit.lead->stage, Stage::Contacted);
    QCOMPARE(edit.lead->score, rescored.score);
}

void TestLeadRescorer::onlyAGradeChangeReachesTheTimeline_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("phonePoints");
    QTest::addColumn<int>("newLines");
    for (const char *backend : {"sqlite", "postgresql"}) {
        // Anna scores 53 (B); 9 points for a phone make it 54, still B; 30 make it 75, A.
        QTest::addRow("%s/score moves, grade stays", backend)
            << QString::fromLatin1(backend) << 9 << 0;
        QTest::addRow("%s/grade moves", backend) << QString::fromLatin1(backend) << 30 << 1;
    }
}

void TestLeadRescorer::onlyAGradeChangeReachesTheTimeline() {
    QFETCH(QString, backend);
    QFETCH(int, phonePoints);
    QFETCH(int, newLines);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const qint64 id = fill(db).first();
    QVERIFY(rescore(db).ok);
    const QList<Activity> before = gradeLines(db, id);
    QCOMPARE(before.size(), 1); // unscored to B
    ScoringModelRepository models(db);
    QVERIFY2(models.save(withPhonePoints(phonePoints), QString()), qPrintable(models.lastError()));
    QVERIFY(rescore(db).ok);
    const QList<Activity> after = gradeLines(db, id);
    QCOMPARE(after.size() - before.size(), newLines);
    if (newLines > 0) {
        QCOMPARE(after.last().actor, QStringLiteral("system"));
        QCOMPARE(after.last().kind, ActivityKind::Changed);
        QCOMPARE(after.last().oldValue, QVariant(QStringLiteral("B")));
        QCOMPARE(after.last().newValue, QVariant(QStringLiteral("A")));
    }
    QCOMPARE(LeadRepository(db).lead(id)->score, 45 + phonePoints);
}

void TestLeadRescorer::cancelLeavesScoresAsBefore() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const QList<qint64> ids = fill(db);
    QVERIFY(rescore(db).ok);
    const QList<Lead> before = TestDatabase::allLeads(db);
    QVERIFY(ScoringModelRepository(db).save(withPhonePoints(30), QString()));
    std::atomic_bool cancel = false;
    LeadRescorer r(db);
    r.setNow(now);
    r.setCancelFlag(&cancel);
    qint64 progressed = 0;
    r.setProgressHandler([&](qint64 done, qint64 total) {
        progressed = done;
        QCOMPARE(total, 3);
        cancel = true; // after the first batch was written
    });
    const RescoreResult result = r.rescore(LeadRescorer::Scope::All);
    QVERIFY(!result.ok);
    QVERIFY(result.cancelled);
    QCOMPARE(progressed, 3);
    const QList<Lead> after = TestDatabase::allLeads(db);
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < after.size(); ++i) {
        QCOMPARE(after.at(i).score, before.at(i).score);
        QCOMPARE(after.at(i).scoreModelVersion, 1);
        QCOMPARE(after.at(i).scoreExplanation, before.at(i).scoreExplanation);
    }
    QCOMPARE(gradeLines(db, ids.first()).size(), 1);
}

void TestLeadRescorer::staleScopeScoresWhatTheModelHasNot() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    fill(db);
    RescoreResult r = rescore(db, LeadRescorer::Scope::Stale);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.scored, 3); // never scored
    QCOMPARE(rescore(db, LeadRescorer::Scope::Stale).scored, 0);
    QVERIFY(ScoringModelRepository(db).save(withPhonePoints(30), QString()));
    r = rescore(db, LeadRescorer::Scope::Stale);
    QCOMPARE(r.scored, 3);
    QCOMPARE(r.modelVersion, 2);
    QCOMPARE(rescore(db, LeadRescorer::Scope::Stale).scored, 0);
}

void TestLeadRescorer::winModelReachesEveryOpenLead() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    LeadGenerator generator(db);
    generator.setEnd(now);
    const GenerateResult generated = generator.generate(3000, 5);
    QVERIFY2(generated.ok, qPrintable(generated.error));
    const WinTrainingResult trained = WinModelTrainer(db).run();
    QVERIFY2(trained.ok, qPrintable(trained.error));
    QVERIFY2(trained.evaluation.isReady(), qPrintable(trained.evaluation.reason));
    const QList<Lead> before = TestDatabase::allLeads(db);
    const qint64 activitiesBefore = activityCount(db);

    // The generated leads are scored already: the stale scope has no score to give, but every
    // open lead still gets its probability.
    LeadRescorer rescorer(db);
    rescorer.setNow(now);
    rescorer.setWinModel(&trained.model);
    RescoreResult r = rescorer.rescore(LeadRescorer::Scope::Stale);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.scored, 0);
    QVERIFY(r.winChanged > 0);

    const QList<Lead> after = TestDatabase::allLeads(db);
    QCOMPARE(after.size(), before.size());
    qint64 open = 0, closed = 0;
    for (qsizetype i = 0; i < after.size(); ++i) {
        const Lead &l = after.at(i);
        QCOMPARE(l.version, before.at(i).version);
        QCOMPARE(l.score, before.at(i).score);
        if (!isOpen(l)) {
            ++closed;
            QCOMPARE(l.winProbability, 0.0);
            QCOMPARE(l.winDrivers, QString());
            continue;
        }
        ++open;
        QVERIFY2(l.winProbability > 0.0 && l.winProbability < 1.0,
                 qPrintable(QStringLiteral("lead %1: %2").arg(l.id).arg(l.winProbability)));
        QVERIFY(qAbs(l.winProbability - trained.model.probability(l)) < 1e-9);
        // Three drivers at most each way, each the name of one of the lead's own features.
        QStringList names;
        for (const WinFeature &f : WinFeatures::of(l))
            names << f.name;
        const QJsonObject drivers = QJsonDocument::fromJson(l.winDrivers.toUtf8()).object();
        QCOMPARE(drivers.keys(), (QStringList{QStringLiteral("down"), QStringLiteral("up")}));
        for (const QString &way : {QStringLiteral("up"), QStringLiteral("down")}) {
            const QJsonArray list = drivers.value(way).toArray();
            QVERIFY(list.size() <= 3);
            for (const QJsonValue &v : list) {
                const QString name = v.toObject().value(QStringLiteral("name")).toString();
                const double effect = v.toObject().value(QStringLiteral("effect")).toDouble();
                QVERIFY2(names.contains(name), qPrintable(name));
                QVERIFY2(way == QLatin1String("up") ? effect >= 0.0 : effect <= 0.0,
                         qPrintable(l.winDrivers));
            }
        }
        QVERIFY2(!drivers.value(QStringLiteral("up")).toArray().isEmpty() ||
                     !drivers.value(QStringLiteral("down")).toArray().isEmpty(),
                 qPrintable(l.winDrivers));
    }
    QVERIFY(open > 100);
    QVERIFY(closed >= 200);
    // A probability is nobody's edit: nothing in the timeline.
    QCOMPARE(activityCount(db), activitiesBefore);

    // Applying the same model again finds nothing to write.
    r = rescorer.rescore(LeadRescorer::Scope::All);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.winChanged, 0);
    QCOMPARE(r.scored, qint64(after.size()));
}

void TestLeadRescorer::fewClosedLeadsGiveNoProbability() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const QList<qint64> ids = fill(db);
    // A probability left from a model that history no longer backs.
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE leads SET win_probability = 0.7, win_drivers = "
                                  "'{\"up\":[],\"down\":[]}' WHERE id = %1")
                       .arg(ids.first())));
    const WinTrainingResult trained = WinModelTrainer(db).run();
    QVERIFY2(trained.ok, qPrintable(trained.error));
    QCOMPARE(trained.evaluation.statusText(), QStringLiteral("not enough history"));
    LeadRescorer rescorer(db);
    rescorer.setNow(now);
    rescorer.setWinModel(&trained.model);
    const RescoreResult r = rescorer.rescore(LeadRescorer::Scope::Stale);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.winChanged, 1);
    for (const Lead &l : TestDatabase::allLeads(db)) {
        QCOMPARE(l.winProbability, 0.0);
        QCOMPARE(l.winDrivers, QString());
        QVERIFY(l.score > 0);
    }
}

void TestLeadRescorer::largeRewriteKeepsTheScoreOrder() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const QList<qint64> ids = fill(db);
    QVERIFY(rescore(db).ok);
    ScoringModelRepository models(db);
    // A phone worth more than anything else puts the developer without one last by far.
    QVERIFY2(models.save(withPhonePoints(40), QStringLiteral("admin")),
             qPrintable(models.lastError()));
    LeadRescorer r(db);
    r.setNow(now);
    r.setLargeRewrite(2); // every lead of three is a large rewrite here
    const RescoreResult result = r.rescore(LeadRescorer::Scope::All);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.changed, 2);

    // The list sorted by score, as the lead table asks for it, follows the new scores.
    const QList<Lead> byScore = LeadRepository(db).page(
        LeadFilter(), LeadSort{QStringLiteral("score"), false}, nullptr, 10);
    QCOMPARE(byScore.size(), 3);
    QCOMPARE(byScore.at(0).id, ids.at(2));
    QVERIFY(byScore.at(0).score < byScore.at(1).score);
    QVERIFY(byScore.at(1).score <= byScore.at(2).score);
    if (db.backend() == Database::Backend::Sqlite) {
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                      "AND name = 'leads_score'")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 1); // built again, not lost
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal")); // readers and writers again
    }
}

void TestLeadRescorer::unchangedScoresAreNotRewritten() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const QList<qint64> ids = fill(db);
    QVERIFY(rescore(db).ok);
    ScoringModelRepository models(db);
    QVERIFY2(models.save(withPhonePoints(30), QStringLiteral("admin")),
             qPrintable(models.lastError()));
    QVERIFY(rescore(db).ok);
    // The developer has no phone: his row keeps version 1 and reads as version 2.
    const auto storedVersion = [&](qint64 id) {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("SELECT score_model_version FROM leads WHERE id = ?"));
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    };
    QCOMPARE(storedVersion(ids.at(2)), 1);
    QCOMPARE(storedVersion(ids.at(0)), 2);
    LeadRepository repo(db);
    QCOMPARE(repo.lead(ids.at(2))->scoreModelVersion, 2);
    const RescoreResult stale = rescore(db, LeadRescorer::Scope::Stale);
    QVERIFY2(stale.ok, qPrintable(stale.error));
    QCOMPARE(stale.scored, 0);

    // Anna is in the trash while version 3 rescores the others: she comes back scored by it.
    QVERIFY(LeadTrash(db).remove({ids.at(0)}, QStringLiteral("rep")).first().ok());
    QVERIFY2(models.save(withPhonePoints(40), QStringLiteral("admin")),
             qPrintable(models.lastError()));
    QVERIFY(rescore(db).ok);
    QCOMPARE(repo.lead(ids.at(1))->scoreModelVersion, 3);
    const UpdateResult back = LeadTrash(db).restore({ids.at(0)}, QStringLiteral("rep")).first();
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.lead->score, 85); // 53 with a phone worth 40 instead of 8
    QCOMPARE(back.lead->scoreModelVersion, 3);
    QCOMPARE(storedVersion(ids.at(0)), 3);
}

QTEST_GUILESS_MAIN(TestLeadRescorer)
#include "tst_leadrescorer.moc"
