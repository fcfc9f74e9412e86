#include "core/io/leadgenerator.h"
#include "core/scoring/leadrescorer.h"
#include "core/scoring/scorepreview.h"
#include "testdatabase.h"

#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

// ScorePreview: the grades a model would give, counted before it is saved, exactly as a rescore
// with that model then stores them, however far apart the leads' ids lie.
class TestScorePreview : public QObject {
    Q_OBJECT
private slots:
    void matchesWhatARescoreStores_data() { TestDatabase::addBackendRows(); }
    void matchesWhatARescoreStores();
    void countsTheChangesAnEditedModelMakes_data() { TestDatabase::addBackendRows(); }
    void countsTheChangesAnEditedModelMakes();
};

namespace {

const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc());

// Generated leads, and a few more with ids far beyond them: the preview reads id ranges side by
// side, and these lie in another range than the rest.
void fill(const Database &db) {
    LeadGenerator generator(db);
    generator.setEnd(now);
    const GenerateResult generated = generator.generate(1500, 7);
    QVERIFY2(generated.ok, qPrintable(generated.error));
    QSqlQuery q(db.connection());
    for (int id : {90001, 150000, 210000})
        QVERIFY(q.exec(QStringLiteral("INSERT INTO leads (id, storefront, action, email, title, "
                                      "company, phone, events, dedup_key) VALUES (%1, "
                                      "'appsource', 'INS', 'cio%1@fabrikam.com', 'CIO', "
                                      "'Fabrikam', '+31 20 555 0100', 3, 'cio%1@fabrikam.com|')")
                           .arg(id)));
}

// Leads per stored grade A–D (test leads have none), and the leads graded.
std::array<qint64, 4> storedGrades(const Database &db, qint64 *graded) {
    std::array<qint64, 4> grades{};
    *graded = 0;
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT grade, count(*) FROM leads WHERE is_test = 0 GROUP BY "
                               "grade")))
        return grades;
    while (q.next()) {
        const QString grade = q.value(0).toString();
        if (grade.size() == 1 && grade.at(0) >= u'A' && grade.at(0) <= u'D')
            grades[std::size_t(grade.at(0).unicode() - u'A')] = q.value(1).toLongLong();
        *graded += q.value(1).toLongLong();
    }
    return grades;
}

} // namespace

void TestScorePreview::matchesWhatARescoreStores() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    fill(db);
    LeadRescorer rescorer(db);
    rescorer.setNow(now);
    const RescoreResult rescored = rescorer.rescore(LeadRescorer::Scope::All);
    QVERIFY2(rescored.ok, qPrintable(rescored.error));
    qint64 graded = 0;
    const std::array<qint64, 4> stored = storedGrades(db, &graded);
    QCOMPARE(
        graded, 1500 + 3 - [&db] {
            QSqlQuery q(db.connection());
            return q.exec(QStringLiteral("SELECT count(*) FROM leads WHERE is_test = 1")) &&
                           q.next()
                       ? q.value(0).toLongLong()
                       : -1;
        }());

    ScorePreview preview(db);
    preview.setNow(now);
    const GradeDistribution d = preview.run(ScoringModel::defaultModel());
    QVERIFY2(d.ok, qPrintable(d.error));
    QCOMPARE(d.scored, graded);
    QCOMPARE(d.scored + d.unscored, 1503);
    QCOMPARE(d.grades, stored);
    QCOMPARE(d.gradeChanges, 0);
    QVERIFY(d.grades[0] > 0 && d.grades[3] > 0); // the demo's leads span the bands
}

void TestScorePreview::countsTheChangesAnEditedModelMakes() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    fill(db);
    LeadRescorer rescorer(db);
    rescorer.setNow(now);
    QVERIFY(rescorer.rescore(LeadRescorer::Scope::All).ok);
    qint64 graded = 0;
    const std::array<qint64, 4> before = storedGrades(db, &graded);

    // Bands moved so that only a perfect score is an A and everything else below 101 a D.
    ScoringModel strict = ScoringModel::defaultModel();
    strict.gradeA = 100;
    strict.gradeB = 100;
    strict.gradeC = 100;
    ScorePreview preview(db);
    preview.setNow(now);
    const GradeDistribution d = preview.run(strict);
    QVERIFY2(d.ok, qPrintable(d.error));
    QCOMPARE(d.scored, graded);
    QCOMPARE(d.grades[1] + d.grades[2], 0);
    QCOMPARE(d.grades[0] + d.grades[3], graded);
    // Every lead not already a D (or a perfect A) would change grade.
    QCOMPARE(d.gradeChanges, before[0] + before[1] + before[2] - d.grades[0]);
    // Nothing was written.
    qint64 stillGraded = 0;
    QCOMPARE(storedGrades(db, &stillGraded), before);
}

QTEST_GUILESS_MAIN(TestScorePreview)
#include "tst_scorepreview.moc"
