#include "core/analytics/leadanalytics.h"
#include "core/analytics/reportjson.h"
#include "core/io/leadgenerator.h"
#include "core/storage/leadrepository.h"
#include "core/storage/periodslices.h"
#include "testdatabase.h"

#include <QJsonDocument>
#include <QTest>
#include <QThread>
#include <QTimeZone>

// PeriodSlices: a large filter cut into creation periods read side by side gives every chart
// exactly the numbers of one reading of the whole.
class TestPeriodSlices : public QObject {
    Q_OBJECT
private slots:
    void periodsReadSideBySideAddUpToTheWhole();
    void slicesHoldAboutAsManyLeadsEach();
};

void TestPeriodSlices::periodsReadSideBySideAddUpToTheWhole() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const Database &db = t->database();
    LeadGenerator generator(db);
    generator.setEnd(QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc()));
    const GenerateResult generated = generator.generate(2000, 3);
    QVERIFY2(generated.ok, qPrintable(generated.error));
    // Every report of every period, read whole and then cut into periods read side by side.
    LeadFilter year;
    year.since = QDateTime(QDate(2025, 11, 1), QTime(0, 0), QTimeZone::utc());
    LeadFilter offer = year;
    offer.offerId = QStringLiteral("contoso.teams-approvals");
    const auto reports = [&db](const LeadFilter &f) {
        const LeadAnalytics a(db);
        QJsonObject all;
        const auto funnel = a.funnel(f);
        const auto offers = a.offers(f);
        const auto trend = a.trend(f, LeadTrend::Interval::Week, LeadTrend::By::Action);
        const auto scores = a.scores(f);
        const auto campaigns = a.campaigns(f);
        const auto firstTouch = a.firstTouch(f);
        if (!funnel || !offers || !trend || !scores || !campaigns || !firstTouch)
            return QByteArray("failed: ") + a.lastError().toUtf8();
        all.insert(QStringLiteral("funnel"), ReportJson::funnel(*funnel));
        all.insert(QStringLiteral("offers"), ReportJson::offers(*offers));
        all.insert(QStringLiteral("trend"), ReportJson::trend(*trend));
        all.insert(QStringLiteral("scores"), ReportJson::scores(*scores));
        all.insert(QStringLiteral("campaigns"), ReportJson::campaigns(*campaigns));
        all.insert(QStringLiteral("first touch"), ReportJson::firstTouch(*firstTouch));
        return QJsonDocument(all).toJson();
    };
    // Test leads too: their periods are ranges of both values of is_test.
    LeadFilter withTest;
    withTest.includeTest = true;
    const qint64 usual = PeriodSlices::parallelFrom();
    for (const LeadFilter &f : {LeadFilter(), year, offer, withTest}) {
        QVERIFY(PeriodSlices::of(db, f).size() == 1);
        const QByteArray whole = reports(f);
        QVERIFY2(!whole.startsWith("failed"), whole.constData());
        PeriodSlices::setParallelFrom(0);
        const QList<LeadFilter> slices = PeriodSlices::of(db, f);
        const QByteArray sliced = reports(f);
        PeriodSlices::setParallelFrom(usual);
        if (QThread::idealThreadCount() > 1)
            QVERIFY(slices.size() > 1);
        QCOMPARE(sliced, whole);
    }
    QVERIFY(reports(LeadFilter()).contains("\"won\""));
    // Every lead with test leads is in the funnel's first step, read whole or in slices.
    const LeadRepository leads(db);
    QVERIFY(leads.count(withTest) > leads.count(LeadFilter()));
    for (const qint64 parallelFrom : {usual, qint64(0)}) {
        PeriodSlices::setParallelFrom(parallelFrom);
        const auto funnel = LeadAnalytics(db).funnel(withTest);
        PeriodSlices::setParallelFrom(usual);
        QVERIFY(funnel);
        QCOMPARE(FunnelReport::at(funnel->all, FunnelStep::New), leads.count(withTest));
    }
}

// Leads grow over the months: an even cut of the time would give the newest slice most of them
// and leave the other threads waiting.
void TestPeriodSlices::slicesHoldAboutAsManyLeadsEach() {
    if (QThread::idealThreadCount() < 2)
        QSKIP("one core: a filter is never cut");
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const Database &db = t->database();
    LeadGenerator generator(db);
    generator.setEnd(QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc()));
    const GenerateResult generated = generator.generate(4000, 5);
    QVERIFY2(generated.ok, qPrintable(generated.error));
    const qint64 usual = PeriodSlices::parallelFrom();
    PeriodSlices::setParallelFrom(0);
    const QList<LeadFilter> slices = PeriodSlices::of(db, LeadFilter());
    PeriodSlices::setParallelFrom(usual);
    QVERIFY(slices.size() > 1);
    const LeadRepository leads(db);
    const qint64 all = leads.count(LeadFilter());
    qint64 sum = 0, fewest = all, most = 0;
    for (const LeadFilter &slice : slices) {
        const qint64 n = leads.count(slice);
        sum += n;
        fewest = std::min(fewest, n);
        most = std::max(most, n);
    }
    QCOMPARE(sum, all);
    QVERIFY2(most * 100 <= fewest * 125,
             qPrintable(QStringLiteral("%1 to %2 leads per slice").arg(fewest).arg(most)));
}

QTEST_GUILESS_MAIN(TestPeriodSlices)
#include "tst_periodslices.moc"
