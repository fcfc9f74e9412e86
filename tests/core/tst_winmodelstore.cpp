#include "core/domain/leadchanges.h"
#include "core/io/leadgenerator.h"
#include "core/scoring/winmodeltrainer.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "core/storage/winmodelstore.h"
#include "testdatabase.h"

#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

// The trained win model kept in the database: every process applies the one stored last.
class TestWinModelStore : public QObject {
    Q_OBJECT
private slots:
    void storedModelPredictsAsTrained_data() { TestDatabase::addBackendRows(); }
    void storedModelPredictsAsTrained();
    void unreadableModelIsNamed();
    void writesApplyTheStoredModel_data() { TestDatabase::addBackendRows(); }
    void writesApplyTheStoredModel();
};

namespace {

const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc());

} // namespace

void TestWinModelStore::storedModelPredictsAsTrained() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    WinModelStore store(db);
    QVERIFY(!store.load());
    QCOMPARE(store.lastError(), QString());

    LeadGenerator generator(db);
    generator.setEnd(now);
    const GenerateResult generated = generator.generate(1500, 7);
    QVERIFY2(generated.ok, qPrintable(generated.error));
    const WinTrainingResult trained = WinModelTrainer(db).run();
    QVERIFY2(trained.evaluation.isReady(), qPrintable(trained.evaluation.reason));
    QVERIFY2(store.save(trained.model, trained.evaluation.closed, now),
             qPrintable(store.lastError()));
    // Saved twice: the second replaces the first.
    QVERIFY2(store.save(trained.model, trained.evaluation.closed, now),
             qPrintable(store.lastError()));

    const std::optional<StoredWinModel> loaded = store.load();
    QVERIFY2(loaded, qPrintable(store.lastError()));
    QCOMPARE(loaded->closed, trained.evaluation.closed);
    QCOMPARE(loaded->trainedAt, now);
    QVERIFY(loaded->model.isTrained());
    for (const Lead &l : TestDatabase::allLeads(db).mid(0, 200)) {
        QVERIFY(qAbs(loaded->model.probability(l) - trained.model.probability(l)) < 1e-12);
        QCOMPARE(loaded->model.drivers(l).up.size(), trained.model.drivers(l).up.size());
    }

    QVERIFY2(store.clear(), qPrintable(store.lastError()));
    QVERIFY(!store.load());
    QCOMPARE(store.lastError(), QString());
}

void TestWinModelStore::unreadableModelIsNamed() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    QSqlQuery q(t->database().connection());
    QVERIFY(
        q.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('win_model', 'not json')")));
    WinModelStore store(t->database());
    QVERIFY(!store.load());
    QVERIFY2(store.lastError().contains(QLatin1String("win_model")) &&
                 store.lastError().contains(QLatin1String("not a JSON object")),
             qPrintable(store.lastError()));
}

void TestWinModelStore::writesApplyTheStoredModel() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    LeadGenerator generator(db);
    generator.setEnd(now);
    QVERIFY(generator.generate(1500, 11).ok);
    const WinTrainingResult trained = WinModelTrainer(db).run();
    QVERIFY2(trained.evaluation.isReady(), qPrintable(trained.evaluation.reason));
    QVERIFY(WinModelStore(db).save(trained.model, trained.evaluation.closed, now));

    // An open lead a rep edits gets the probability the stored model gives it as it is now.
    std::optional<Lead> open;
    for (const Lead &l : TestDatabase::allLeads(db))
        if (!open && !Stages::isClosed(l.stage) && !l.isTest && !l.doNotContact)
            open = l;
    QVERIFY(open);
    LeadWriter writer(db);
    UpdateResult r = writer.update(
        open->id, open->version,
        LeadChanges().set(QStringLiteral("title"), QStringLiteral("Chief Executive Officer")),
        QStringLiteral("sam"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Lead edited = *LeadRepository(db).lead(open->id);
    QVERIFY(qAbs(edited.winProbability - trained.model.probability(edited)) < 1e-9);
    QVERIFY(edited.winProbability > 0.0);
    QVERIFY2(edited.winDrivers.contains(QLatin1String("\"up\"")), qPrintable(edited.winDrivers));
    // The probability is the model's, not the rep's: it leaves no line in the timeline.
    for (const Activity &a : LeadHistory(db).activities(open->id))
        QVERIFY(a.field != QLatin1String("win_probability"));

    // Closed, it has nothing left to win.
    r = writer.update(open->id, edited.version,
                      LeadChanges().set(QStringLiteral("stage"), QStringLiteral("lost")),
                      QStringLiteral("sam"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Lead lost = *LeadRepository(db).lead(open->id);
    QCOMPARE(lost.winProbability, 0.0);
    QCOMPARE(lost.winDrivers, QString());
}

QTEST_GUILESS_MAIN(TestWinModelStore)
#include "tst_winmodelstore.moc"
