#include "core/domain/opportunitydetails.h"
#include "core/nurture/leadnurturer.h"
#include "core/storage/cadencerepository.h"
#include "core/storage/campaignrepository.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadqualifier.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadtrash.h"
#include "core/storage/migrator.h"
#include "core/storage/savedviewrepository.h"
#include "core/storage/scoringmodelrepository.h"
#include "core/storage/slareport.h"
#include "testdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

// Schema migrations: a fresh database, an upgrade that keeps data, and a newer schema refused.
class TestMigrator : public QObject {
    Q_OBJECT
private slots:
    void fresh_data() { TestDatabase::addBackendRows(); }
    void fresh();
    void upgradeKeepsLeads_data() { TestDatabase::addBackendRows(); }
    void upgradeKeepsLeads();
    void savedViewsArriveWithStep4_data() { TestDatabase::addBackendRows(); }
    void savedViewsArriveWithStep4();
    void qualificationColumnsArriveWithStep7_data() { TestDatabase::addBackendRows(); }
    void qualificationColumnsArriveWithStep7();
    void scoringArrivesWithStep6_data() { TestDatabase::addBackendRows(); }
    void scoringArrivesWithStep6();
    void nurtureArrivesWithStep9_data() { TestDatabase::addBackendRows(); }
    void nurtureArrivesWithStep9();
    void newIndexesOfAnAnalysedDatabaseAreAnalysed();
    void reachedStepArrivesWithStep10_data() { TestDatabase::addBackendRows(); }
    void reachedStepArrivesWithStep10();
    void refusesNewer_data() { TestDatabase::addBackendRows(); }
    void refusesNewer();
    void notADatabase();
    void foreignDatabaseLeftAlone();
};

namespace {
Lead sampleLead() {
    Lead l;
    l.storefront = Storefront::AppSource;
    l.action = QStringLiteral("PLT");
    l.offerId = QStringLiteral("contoso.app");
    l.firstName = QStringLiteral("Ingrid");
    l.lastName = QStringLiteral("Andersson");
    l.email = QStringLiteral("ingrid@northwind.se");
    l.company = QStringLiteral("Northwind Traders");
    l.createdAt = QDateTime::currentDateTimeUtc();
    l.lastEventAt = l.createdAt;
    return l;
}

void setSchemaVersion(const Database &db, int version) {
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(
        QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'schema_version'").arg(version)));
}
} // namespace

void TestMigrator::fresh() {
    QFETCH(QString, backend);
    const auto t = TestDatabase::create(backend);
    if (!t->ok() && t->mustSkip())
        QSKIP(qPrintable(t->problem()));
    QVERIFY2(t->ok(), qPrintable(t->problem()));
    QString error;
    Migrator m(t->database());
    QCOMPARE(m.currentVersion(&error), 0);
    QVERIFY2(m.migrate(&error), qPrintable(error));
    QCOMPARE(m.currentVersion(&error), Migrator::latestVersion());
    // Running again is harmless.
    QVERIFY2(m.migrate(&error), qPrintable(error));
    LeadRepository repo(t->database());
    QVERIFY(TestDatabase::insertLead(t->database(), sampleLead()) > 0);
    LeadFilter search;
    search.search = QStringLiteral("northwind");
    QCOMPARE(repo.count(search), 1);
}

void TestMigrator::upgradeKeepsLeads() {
    QFETCH(QString, backend);
    const auto t = TestDatabase::create(backend);
    if (!t->ok() && t->mustSkip())
        QSKIP(qPrintable(t->problem()));
    QVERIFY2(t->ok(), qPrintable(t->problem()));
    QString error;
    Migrator m(t->database());
    // Version 1 has the tables but no text search index.
    QVERIFY2(m.migrate(&error, 1), qPrintable(error));
    QCOMPARE(m.currentVersion(&error), 1);
    // A lead as version 1 stored it, with the activity kinds it wrote then.
    qint64 id = 0;
    {
        QSqlQuery q(t->database().connection());
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO leads (storefront, action, offer_id, first_name, last_name, email, "
            "company, created_at, last_event_at, dedup_key) VALUES ('appsource', 'PLT', "
            "'contoso.app', 'Ingrid', 'Andersson', 'ingrid@northwind.se', 'Northwind Traders', "
            "'2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z', 'ingrid@northwind.se|contoso.app')")));
        QVERIFY(q.exec(QStringLiteral("SELECT max(id) FROM leads")) && q.next());
        id = q.value(0).toLongLong();
        for (const char *kind : {"stage", "field"})
            QVERIFY(q.exec(QStringLiteral("INSERT INTO activities (lead_id, at, kind, field, "
                                          "old_value, new_value) VALUES (%1, "
                                          "'2026-01-06T10:00:00Z', '%2', 'stage', 'new', "
                                          "'contacted')")
                               .arg(id)
                               .arg(QLatin1String(kind))));
    }
    LeadRepository repo(t->database());

    QVERIFY2(m.migrate(&error), qPrintable(error));
    QCOMPARE(m.currentVersion(&error), Migrator::latestVersion());
    const std::optional<Lead> kept = repo.lead(id);
    QVERIFY(kept);
    QCOMPARE(kept->email, QStringLiteral("ingrid@northwind.se"));
    // The lead stored before the upgrade is found by the search the upgrade added.
    LeadFilter search;
    search.search = QStringLiteral("ndersso");
    QCOMPARE(repo.count(search), 1);
    // Version 3 names every change "changed", typed by its column.
    const QList<Activity> activities = LeadHistory(t->database()).activities(id);
    QCOMPARE(activities.size(), 2);
    for (const Activity &a : activities) {
        QCOMPARE(a.kind, ActivityKind::Changed);
        QCOMPARE(a.newValue, QVariant(QStringLiteral("contacted")));
    }
}

void TestMigrator::savedViewsArriveWithStep4() {
    QFETCH(QString, backend);
    const auto t = TestDatabase::create(backend);
    if (!t->ok() && t->mustSkip())
        QSKIP(qPrintable(t->problem()));
    QVERIFY2(t->ok(), qPrintable(t->problem()));
    QString error;
    Migrator m(t->database());
    QVERIFY2(m.migrate(&error, 3), qPrintable(error));
    // A lead stored by a version-3 program: its columns, not today's.
    QSqlQuery insert(t->database().connection());
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO leads (email, dedup_key) VALUES "
                                       "('ingrid@northwind.se', 'ingrid@northwind.se|')")));
    QVERIFY(insert.exec(QStringLiteral("SELECT id FROM leads")) && insert.next());
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();
    SavedViewRepository views(t->database());
    QVERIFY(!views.list()); // no saved views before step 4

    QVERIFY2(m.migrate(&error), qPrintable(error));
    QCOMPARE(m.currentVersion(&error), Migrator::latestVersion());
    const std::optional<QList<SavedView>> list = views.list();
    QVERIFY2(list, qPrintable(views.lastError()));
    QStringList names;
    for (const SavedView &v : *list)
        names << v.name;
    QCOMPARE(names, (QStringList{QStringLiteral("My new leads"), QStringLiteral("Due today"),
                                 QString::fromUtf8("Hot \u2014 grade A"),
                                 QStringLiteral("Do not contact")}));
    QCOMPARE(LeadRepository(t->database()).lead(id)->email, QStringLiteral("ingrid@northwind.se"));
    // Migrating again adds no second set.
    QVERIFY2(m.migrate(&error), qPrintable(error));
    QCOMPARE(views.list()->size(), 4);
}

void TestMigrator::scoringArrivesWithStep6() {
    QFETCH(QString, backend);
    const auto t = TestDatabase::create(backend);
    if (!t->ok() && t->mustSkip())
        QSKIP(qPrintable(t->problem()));
    QVERIFY2(t->ok(), qPrintable(t->problem()));
    QString error;
    Migrator m(t->database());
    QVERIFY2(m.migrate(&error, 5), qPrintable(error));
    // A lead a version-5 program stored and scored by hand.
    QSqlQuery insert(t->database().connection());
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO leads (email, score, grade, dedup_key) VALUES "
                                       "('ingrid@northwind.se', 64, 'B', "
                                       "'ingrid@northwind.se|')")));
    QVERIFY(insert.exec(QStringLiteral("SELECT id FROM leads")) && insert.next());
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();

    QVERIFY2(m.migrate(&error), qPrintable(error));
    QCOMPARE(m.currentVersion(&error), Migrator::latestVersion());
    const Lead kept = *LeadRepository(t->database()).lead(id);
    QCOMPARE(kept.score, 64);
    QCOMPARE(kept.grade, QStringLiteral("B"));
    QCOMPARE(kept.scoreModelVersion, 0); // no model scored it
    QVERIFY(kept.scoreExplanation.isEmpty());
    QVERIFY(kept.winDrivers.isEmpty());
    // The scoring models start empty; the first read stores the shipped model as version 1.
    ScoringModelRepository models(t->database());
    QVERIFY(models.versions().isEmpty());
    const std::optional<ScoringModel> current = models.current();
    QVERIFY2(current, qPrintable(models.lastError()));
    QCOMPARE(current->version, 1);
    QCOMPARE(current->rules, ScoringModel::defaultModel().rules);
    QCOMPARE(models.versions().size(), 1);
}

void TestMigrator::qualificationColumnsArriveWithStep7() {
    QFETCH(QString, backend);
    const auto t = TestDatabase::create(backend);
    if (!t->ok() && t->mustSkip())
        QSKIP(qPrintable(t->problem()));
    QVERIFY2(t->ok(), qPrintable(t->problem()));
    QString error;
    Migrator m(t->database());
    QVERIFY2(m.migrate(&error, 5), qPrintable(error));
    // A qualified lead stored by a version-5 program.
    QSqlQuery insert(t->database().connection());
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO leads (email, stage, dedup_key) VALUES "
                                       "('ingrid@northwind.se', 'qualified', "
                                       "'ingrid@northwind.se|')")));
    QVERIFY(insert.exec(QStringLiteral("SELECT id FROM leads")) && insert.next());
    const qint64 id = insert.value(0).toLongLong();
    // And one it moved to the trash: its snapshot holds the columns of then, as text.
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO leads (email, dedup_key) VALUES "
                                       "('ola@northwind.se', 'ola@northwind.se|')")));
    QVERIFY(insert.exec(QStringLiteral("SELECT * FROM leads WHERE email = 'ola@northwind.se'")));
    QVERIFY(insert.next());
    QJsonObject row;
    for (int i = 0; i < insert.record().count(); ++i)
        row.insert(insert.record().fieldName(i), insert.value(i).toString());
    const qint64 trashed = insert.value(QStringLiteral("id")).toLongLong();
    insert.finish();
    const QJsonObject snapshot{{QStringLiteral("lead"), row},
                               {QStringLiteral("events"), QJsonArray()},
                               {QStringLiteral("activities"), QJsonArray()}};
    QVERIFY(insert.exec(QStringLiteral("DELETE FROM leads WHERE id = %1").arg(trashed)));
    QVERIFY(insert.exec(
        QStringLiteral("INSERT INTO trash (lead_id, deleted_at, actor, snapshot) VALUES (%1, "
                       "'2026-11-01T10:00:00Z', 'sam', '%2')")
            .arg(QString::number(trashed),
                 QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact)))));
    insert.finish();

    QVERIFY2(m.migrate(&error), qPrintable(error));
    QCOMPARE(m.currentVersion(&error), Migrator::latestVersion());
    const QList<UpdateResult> restored =
        LeadTrash(t->database()).restore({trashed}, QStringLiteral("sam"));
    QVERIFY2(restored.first().ok(), qPrintable(restored.first().error));
    QCOMPARE(LeadRepository(t->database()).lead(trashed)->email,
             QStringLiteral("ola@northwind.se"));
    const Lead before = *LeadRepository(t->database()).lead(id);
    QVERIFY(before.qualification.isEmpty());
    QCOMPARE(before.opportunityValue, 0.0);
    QVERIFY(before.opportunityCurrency.isEmpty());
    QVERIFY(!before.expectedCloseAt.isValid());
    QVERIFY(before.disqualifyReason.isEmpty());
    // The lead from before the upgrade becomes an opportunity like any other.
    OpportunityDetails d;
    d.value = 12000;
    d.currency = QStringLiteral("SEK");
    d.expectedCloseAt = QDateTime(QDate(2027, 6, 30), QTime(0, 0), QTimeZone::utc());
    d.destination = QStringLiteral("own-crm");
    const UpdateResult r = LeadQualifier(t->database()).convert(id, 0, d, QStringLiteral("sam"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Lead after = *LeadRepository(t->database()).lead(id);
    QCOMPARE(after.stage, Stage::Opportunity);
    QCOMPARE(after.opportunityValue, 12000.0);
    QCOMPARE(after.opportunityCurrency, QStringLiteral("SEK"));
    QCOMPARE(after.expectedCloseAt, d.expectedCloseAt);
    QCOMPARE(after.destination, QStringLiteral("own-crm"));
}

void TestMigrator::nurtureArrivesWithStep9() {
    QFETCH(QString, backend);
    const auto t = TestDatabase::create(backend);
    if (!t->ok() && t->mustSkip())
        QSKIP(qPrintable(t->problem()));
    QVERIFY2(t->ok(), qPrintable(t->problem()));
    QString error;
    Migrator m(t->database());
    QVERIFY2(m.migrate(&error, 8), qPrintable(error));
    // Leads a version-8 program stored, with the campaign texts of their import or the demo.
    QSqlQuery insert(t->database().connection());
    for (const char *row :
         {"('ingrid@northwind.se', 'webinar-march', 'sam', 'ingrid@northwind.se|')",
          "('ola@northwind.se', 'free-trial', 'sam', 'ola@northwind.se|')"})
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO leads (email, campaign, owner, dedup_key) "
                                           "VALUES ") +
                            QLatin1String(row)));
    QVERIFY(insert.exec(QStringLiteral("SELECT id FROM leads ORDER BY id")) && insert.next());
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();

    QVERIFY2(m.migrate(&error), qPrintable(error));
    QCOMPARE(m.currentVersion(&error), Migrator::latestVersion());
    QVERIFY(Migrator::latestVersion() >= 9);
    const CampaignRepository campaigns(t->database());
    QVERIFY(campaigns.find(QStringLiteral("webinar-march")));
    QCOMPARE(campaigns.find(QStringLiteral("webinar-march"))->leads, 1);
    QCOMPARE(campaigns.find(QStringLiteral("free-trial"))->kind, CampaignKind::FreeTrial);
    QCOMPARE(campaigns.all().size(), 7); // six shipped and the webinar
    QCOMPARE(campaigns.rules().size(), 6);
    QCOMPARE(CadenceRepository(t->database()).all().size(), 2);
    QCOMPARE(SlaReport(t->database()).targetHours(), 24);
    // A lead from before the upgrade joins a cadence like any other.
    const QList<UpdateResult> enrolled =
        LeadNurturer(t->database())
            .enroll({id}, QStringLiteral("Contact me"), QStringLiteral("sam"));
    QVERIFY2(enrolled.first().ok(), qPrintable(enrolled.first().error));
    QVERIFY(enrolled.first().lead->nextFollowUpAt.isValid());
}

void TestMigrator::newIndexesOfAnAnalysedDatabaseAreAnalysed() {
    const auto t = TestDatabase::create(QStringLiteral("sqlite"));
    QVERIFY2(t->ok(), qPrintable(t->problem()));
    QString error;
    Migrator m(t->database());
    QVERIFY2(m.migrate(&error, 8), qPrintable(error));
    QSqlQuery q(t->database().connection());
    QVERIFY(q.exec(QStringLiteral("BEGIN")));
    for (int i = 0; i < 500; ++i)
        QVERIFY(q.exec(QStringLiteral("INSERT INTO leads (email, score, owner, dedup_key) VALUES "
                                      "('p%1@northwind.se', %2, 'sam', 'p%1@northwind.se|')")
                           .arg(i)
                           .arg(i % 100)));
    QVERIFY(q.exec(QStringLiteral("COMMIT")));
    QVERIFY(q.exec(QStringLiteral("ANALYZE")));
    q.finish();

    QVERIFY2(m.migrate(&error), qPrintable(error));
    // Later steps' indexes carry statistics like the others, so the planner still pages the
    // score-sorted list along the score index instead of sorting every lead.
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_stat1 WHERE idx IN ('leads_due', "
                                  "'leads_campaign_funnel')")) &&
            q.next());
    QCOMPARE(q.value(0).toInt(), 2);
    QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT * FROM leads WHERE is_test = 0 ORDER "
                                  "BY score DESC, id DESC LIMIT 100")));
    QString plan;
    while (q.next())
        plan += q.value(3).toString() + QLatin1Char('\n');
    QVERIFY2(plan.contains(QLatin1String("leads_score")), qPrintable(plan));
    QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan));
}

void TestMigrator::reachedStepArrivesWithStep10() {
    QFETCH(QString, backend);
    const auto t = TestDatabase::create(backend);
    if (!t->ok() && t->mustSkip())
        QSKIP(qPrintable(t->problem()));
    QVERIFY2(t->ok(), qPrintable(t->problem()));
    QString error;
    Migrator m(t->database());
    QVERIFY2(m.migrate(&error, 9), qPrintable(error));
    // A lead that came as far as an opportunity and was lost, and one qualified on import.
    QSqlQuery q(t->database().connection());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO leads (email, stage, dedup_key) VALUES "
                                  "('ingrid@northwind.se', 'lost', 'ingrid@northwind.se|'), "
                                  "('ola@northwind.se', 'qualified', 'ola@northwind.se|'), "
                                  "('new@northwind.se', 'new', 'new@northwind.se|')")));
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM leads ORDER BY id")));
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    QCOMPARE(ids.size(), 3);
    const auto stageChange = [&](qint64 id, const char *from, const char *to) {
        return q.exec(QStringLiteral("INSERT INTO activities (lead_id, at, kind, field, old_value, "
                                     "new_value) VALUES (%1, '2026-06-01T10:00:00Z', 'changed', "
                                     "'stage', '%2', '%3')")
                          .arg(id)
                          .arg(QLatin1String(from), QLatin1String(to)));
    };
    QVERIFY(stageChange(ids[0], "new", "contacted"));
    QVERIFY(stageChange(ids[0], "contacted", "opportunity"));
    QVERIFY(stageChange(ids[0], "opportunity", "lost"));
    q.finish();

    QVERIFY2(m.migrate(&error), qPrintable(error));
    const auto reached = [&] {
        QList<int> steps;
        QSqlQuery r(t->database().connection());
        r.exec(QStringLiteral("SELECT reached_step FROM leads ORDER BY id"));
        while (r.next())
            steps << r.value(0).toInt();
        return steps;
    };
    // Opportunity (3) from the history, qualified (2) from the stage, new (0).
    QCOMPARE(reached(), (QList<int>{3, 2, 0}));
    // Later stage changes move it on, and a step back never takes it back.
    QVERIFY(stageChange(ids[1], "qualified", "won"));
    QVERIFY(stageChange(ids[2], "new", "contacted"));
    QVERIFY(stageChange(ids[2], "contacted", "disqualified"));
    QCOMPARE(reached(), (QList<int>{3, 4, 1}));
}

void TestMigrator::refusesNewer() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    setSchemaVersion(t->database(), 99);
    LeadRepository repo(t->database());
    const qint64 before = repo.count(LeadFilter());

    QString error;
    QVERIFY(!Migrator(t->database()).migrate(&error));
    QVERIFY2(error.contains(QLatin1String("newer")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("99")), qPrintable(error));
    QCOMPARE(Migrator(t->database()).currentVersion(&error), 99);
    QCOMPARE(repo.count(LeadFilter()), before);
}

void TestMigrator::notADatabase() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    const Database db = Database::fromLocation(path);
    QString error;
    QVERIFY(!Migrator(db).migrate(&error));
    QVERIFY2(error.contains(path), qPrintable(error));
    db.closeThreadConnection();
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray(4096, 'x'));
}

void TestMigrator::foreignDatabaseLeftAlone() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crm.sqlite"));
    const Database db = Database::fromLocation(path);
    QString error;
    QVERIFY(db.open(&error));
    {
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE customers (name TEXT)")));
    }
    QVERIFY(!Migrator(db).migrate(&error));
    QVERIFY2(error.contains(QLatin1String("not a Leadbench database")), qPrintable(error));
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    q.finish();
    db.closeThreadConnection();
}

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
