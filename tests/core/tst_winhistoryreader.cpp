#include "core/domain/leadchanges.h"
#include "core/io/leadgenerator.h"
#include "core/scoring/leadrescorer.h"
#include "core/scoring/winmodeltrainer.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "core/storage/transaction.h"
#include "core/storage/winhistoryreader.h"
#include "testdatabase.h"

#include <QMap>
#include <QTest>
#include <QTimeZone>

// The win model's training data read from SQLite and PostgreSQL: only won and lost leads that
// are no test leads, each with the time it closed; and the trainer on a generated database.
class TestWinHistoryReader : public QObject {
    Q_OBJECT
private slots:
    void readsClosedLeadsWithTheirCloseTime_data() { TestDatabase::addBackendRows(); }
    void readsClosedLeadsWithTheirCloseTime();
    void trainerNeedsEnoughHistory_data() { TestDatabase::addBackendRows(); }
    void trainerNeedsEnoughHistory();
    void trainerLearnsFromGeneratedLeads();
    void fingerprintFollowsTheClosedLeads_data() { TestDatabase::addBackendRows(); }
    void fingerprintFollowsTheClosedLeads();
};

namespace {

QDateTime day(int d, int hour = 12) {
    return QDateTime(QDate(2026, 2, 1).addDays(d), QTime(hour, 0), QTimeZone::utc());
}

Activity stageChange(int d, Stage from, Stage to) {
    Activity a;
    a.at = day(d);
    a.actor = QStringLiteral("sam");
    a.kind = ActivityKind::Changed;
    a.field = QStringLiteral("stage");
    a.oldValue = Stages::canonicalName(from);
    a.newValue = Stages::canonicalName(to);
    return a;
}

Activity otherChange(int d, const QString &field) {
    Activity a = stageChange(d, Stage::New, Stage::New);
    a.field = field;
    a.oldValue = QStringLiteral("");
    a.newValue = QStringLiteral("alex");
    return a;
}

Activity note(int d) {
    Activity a;
    a.at = day(d);
    a.actor = QStringLiteral("sam");
    a.kind = ActivityKind::Note;
    a.note = QStringLiteral("Called, they signed");
    return a;
}

qint64 store(const Database &db, const QString &name, Stage stage, bool isTest,
             const QList<Activity> &activities) {
    Lead l;
    l.storefront = Storefront::AzureMarketplace;
    l.action = QStringLiteral("INS");
    l.offerId = QStringLiteral("contoso.analytics");
    l.offerTitle = QStringLiteral("Contoso Analytics");
    l.firstName = name;
    l.lastName = QStringLiteral("Jansen");
    l.email = name.toLower() + QStringLiteral("@fabrikam.com");
    l.phone = QStringLiteral("+31 20 555 0100");
    l.country = QStringLiteral("NL");
    l.company = QStringLiteral("Fabrikam");
    l.title = QStringLiteral("Director of IT");
    l.createdAt = day(0, 9);
    l.lastEventAt = day(1, 9);
    l.events = 2;
    l.stage = stage;
    l.score = 70;
    l.isTest = isTest;
    Transaction tx(db);
    LeadWriter writer(db);
    const qint64 id = writer.insert(tx, l, {}, activities);
    return id > 0 && tx.commit() ? id : 0;
}

} // namespace

void TestWinHistoryReader::readsClosedLeadsWithTheirCloseTime() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    struct Expected {
        bool won;
        QDateTime closedAt;
    };
    QMap<qint64, Expected> expected;
    const qint64 won = store(db, QStringLiteral("Won"), Stage::Won, false,
                             {stageChange(2, Stage::New, Stage::Contacted),
                              stageChange(5, Stage::Contacted, Stage::Won), note(6),
                              otherChange(9, QStringLiteral("owner"))});
    expected.insert(won, {true, day(5)});
    // Lost after it had been won: it closed when it was lost.
    const qint64 reopened = store(db, QStringLiteral("Reopened"), Stage::Lost, false,
                                  {stageChange(3, Stage::Opportunity, Stage::Won),
                                   stageChange(4, Stage::Won, Stage::Opportunity),
                                   stageChange(7, Stage::Opportunity, Stage::Lost)});
    expected.insert(reopened, {false, day(7)});
    // Stored already lost, with no stage change: its last marketplace event stands in.
    const qint64 imported = store(db, QStringLiteral("Imported"), Stage::Lost, false, {});
    expected.insert(imported, {false, day(1, 9)});
    QVERIFY(store(db, QStringLiteral("Disqualified"), Stage::Disqualified, false,
                  {stageChange(3, Stage::New, Stage::Disqualified)}) > 0);
    QVERIFY(store(db, QStringLiteral("Open"), Stage::Opportunity, false,
                  {stageChange(3, Stage::New, Stage::Opportunity)}) > 0);
    QVERIFY(store(db, QStringLiteral("Test"), Stage::Won, true,
                  {stageChange(3, Stage::New, Stage::Won)}) > 0);
    QVERIFY(won > 0 && reopened > 0 && imported > 0);

    WinHistoryReader reader(db);
    const std::optional<WinHistory> closed = reader.closedLeads();
    QVERIFY2(closed, qPrintable(reader.error()));
    QCOMPARE(closed->size(), expected.size());
    for (qsizetype i = 0; i < closed->size(); ++i) {
        const qint64 id = closed->leadId(i);
        QVERIFY2(expected.contains(id), qPrintable(QString::number(id)));
        QCOMPARE(closed->won(i), expected.value(id).won);
        QCOMPARE(closed->closedAt(i), expected.value(id).closedAt.toMSecsSinceEpoch());
        // Without a rule score, the stored score is the one compared with.
        QCOMPARE(closed->ruleScore(i), 70.0);
        // What the model learns from came with it.
        const QStringList keys = closed->featureKeys(i);
        for (const char *key :
             {"storefront:azure-marketplace", "action:INS", "events:2", "offer:contoso.analytics",
              "country:NL", "seniority:director", "email:corporate", "phone:yes", "company:yes"})
            QVERIFY2(keys.contains(QString::fromUtf8(key)),
                     qPrintable(keys.join(QLatin1Char(' '))));
    }

    // A rule score reads the columns a score reads, with the lead whole while it is read.
    QMap<qint64, Lead> scoredLeads;
    const std::optional<WinHistory> scored = reader.closedLeads([&](const Lead &l) {
        scoredLeads.insert(l.id, l);
        return double(l.events * 100 + l.score);
    });
    QVERIFY2(scored, qPrintable(reader.error()));
    QCOMPARE(scored->size(), expected.size());
    QCOMPARE(scoredLeads.size(), expected.size());
    for (qsizetype i = 0; i < scored->size(); ++i)
        QCOMPARE(scored->ruleScore(i), 270.0);
    for (const Lead &l : scoredLeads) {
        QVERIFY2(expected.contains(l.id), qPrintable(QString::number(l.id)));
        QCOMPARE(l.title, QStringLiteral("Director of IT"));
        QCOMPARE(l.offerId, QStringLiteral("contoso.analytics"));
        QCOMPARE(l.storefront, Storefront::AzureMarketplace);
        QCOMPARE(l.country, QStringLiteral("NL"));
        QCOMPARE(l.events, 2);
        QCOMPARE(l.score, 70);
        QCOMPARE(l.lastEventAt, day(1, 9));
        QVERIFY(l.email.endsWith(QStringLiteral("@fabrikam.com")));
    }
}

void TestWinHistoryReader::trainerNeedsEnoughHistory() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    QVERIFY(store(t->database(), QStringLiteral("Only"), Stage::Won, false,
                  {stageChange(3, Stage::New, Stage::Won)}) > 0);
    const WinTrainingResult r = WinModelTrainer(t->database()).run();
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.evaluation.closed, qint64(1));
    QCOMPARE(r.evaluation.statusText(), QStringLiteral("not enough history"));
    QVERIFY(!r.model.isTrained());
}

void TestWinHistoryReader::trainerLearnsFromGeneratedLeads() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    LeadGenerator generator(t->database());
    generator.setEnd(day(0));
    const GenerateResult generated = generator.generate(3000, 5);
    QVERIFY2(generated.ok, qPrintable(generated.error));
    const WinTrainingResult r = WinModelTrainer(t->database()).run();
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY2(r.evaluation.closed >= 1000, qPrintable(QString::number(r.evaluation.closed)));
    QVERIFY(r.evaluation.isReady());
    // Generated outcomes follow the leads' features: clearly better than chance.
    QVERIFY2(r.evaluation.auc > 0.65, qPrintable(QString::number(r.evaluation.auc)));
    QVERIFY(r.model.isTrained());
    QCOMPARE(r.model.examples(), r.evaluation.closed);
}

void TestWinHistoryReader::fingerprintFollowsTheClosedLeads() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const qint64 won = store(db, QStringLiteral("Won"), Stage::Won, false, {});
    store(db, QStringLiteral("Lost"), Stage::Lost, false, {});
    const qint64 open = store(db, QStringLiteral("Open"), Stage::Contacted, false, {});
    WinHistoryReader reader(db);
    const QString first = reader.fingerprint();
    QVERIFY2(!first.isEmpty(), qPrintable(reader.error()));
    QVERIFY2(first.startsWith(QLatin1String("2:")), qPrintable(first));

    // Rescoring and an open lead's edit leave what the win model learns from alone.
    QVERIFY(LeadRescorer(db).rescore(LeadRescorer::Scope::All).ok);
    LeadWriter writer(db);
    const LeadRepository repo(db);
    QVERIFY(writer
                .update(open, repo.lead(open)->version,
                        LeadChanges().set(QStringLiteral("title"), QStringLiteral("CIO")),
                        QStringLiteral("sam"))
                .ok());
    QCOMPARE(reader.fingerprint(), first);

    // A closed lead's edit, and a lead that closes, each make it another.
    QVERIFY(writer
                .update(won, repo.lead(won)->version,
                        LeadChanges().set(QStringLiteral("title"), QStringLiteral("CTO")),
                        QStringLiteral("sam"))
                .ok());
    const QString edited = reader.fingerprint();
    QVERIFY(edited != first);
    QVERIFY(writer
                .update(open, repo.lead(open)->version,
                        LeadChanges().set(QStringLiteral("stage"), QStringLiteral("won")),
                        QStringLiteral("sam"))
                .ok());
    const QString closed = reader.fingerprint();
    QVERIFY2(closed.startsWith(QLatin1String("3:")), qPrintable(closed));
    QVERIFY(closed != edited);
}

QTEST_GUILESS_MAIN(TestWinHistoryReader)
#include "tst_winhistoryreader.moc"
