#include "core/domain/leadchanges.h"
#include "core/scoring/leadrescorer.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "core/storage/scoringmodelrepository.h"
#include "testdatabase.h"

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
    QCOMPARE(r.changed, 3); // each records the version, the developer's score stays
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

QTEST_GUILESS_MAIN(TestLeadRescorer)
#include "tst_leadrescorer.moc"
