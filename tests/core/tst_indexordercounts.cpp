#include "core/analytics/leadanalytics.h"
#include "core/analytics/reportjson.h"
#include "core/io/leadgenerator.h"
#include "core/storage/indexordercounts.h"
#include "core/storage/periodslices.h"
#include "testdatabase.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

// IndexOrderCounts: a chart over most of the leads, counted from an index in the order of its
// groups, shows exactly the numbers of a pass along the creation time.
class TestIndexOrderCounts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void chartsShowTheNumbersOfAPassAlongTheTime_data();
    void chartsShowTheNumbersOfAPassAlongTheTime();
    void shortPeriodsAndOtherFiltersAreReadAlongTheTime();

private:
    qint64 m_usual = 0;
};

namespace {

QDateTime utc(int y, int m, int d) {
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::utc());
}

// Every chart that may be counted either way, as its JSON.
QByteArray charts(const Database &db, const LeadFilter &f) {
    const LeadAnalytics a(db);
    const auto funnel = a.funnel(f);
    const auto offers = a.offers(f);
    const auto scores = a.scores(f);
    const auto campaigns = a.campaigns(f);
    const auto byWeek = a.trend(f, LeadTrend::Interval::Week, LeadTrend::By::Storefront);
    const auto byMonth = a.trend(f, LeadTrend::Interval::Month, LeadTrend::By::Action);
    const auto firstTouch = a.firstTouch(f);
    if (!funnel || !offers || !scores || !campaigns || !byWeek || !byMonth || !firstTouch)
        return QByteArray("failed: ") + a.lastError().toUtf8();
    QJsonObject all;
    all.insert(QStringLiteral("funnel"), ReportJson::funnel(*funnel));
    all.insert(QStringLiteral("offers"), ReportJson::offers(*offers));
    all.insert(QStringLiteral("scores"), ReportJson::scores(*scores));
    all.insert(QStringLiteral("campaigns"), ReportJson::campaigns(*campaigns));
    all.insert(QStringLiteral("trend by week"), ReportJson::trend(*byWeek));
    all.insert(QStringLiteral("trend by month"), ReportJson::trend(*byMonth));
    all.insert(QStringLiteral("first touch"), ReportJson::firstTouch(*firstTouch));
    return QJsonDocument(all).toJson();
}

} // namespace

void TestIndexOrderCounts::initTestCase() {
    m_usual = IndexOrderCounts::usedFrom();
}

void TestIndexOrderCounts::cleanupTestCase() {
    IndexOrderCounts::setUsedFrom(m_usual);
}

void TestIndexOrderCounts::chartsShowTheNumbersOfAPassAlongTheTime_data() {
    QTest::addColumn<QDateTime>("since");
    QTest::addColumn<QDateTime>("until");
    QTest::addColumn<bool>("includeTest");
    QTest::newRow("all time") << QDateTime() << QDateTime() << false;
    QTest::newRow("all time with test leads") << QDateTime() << QDateTime() << true;
    QTest::newRow("last 12 months") << utc(2025, 11, 1) << QDateTime() << false;
    QTest::newRow("a year in the middle") << utc(2025, 2, 1) << utc(2026, 2, 1) << false;
    // Periods that start and end inside a day: the day bounds narrow, the times decide.
    QTest::newRow("from noon to noon")
        << QDateTime(QDate(2025, 3, 1), QTime(12, 0), QTimeZone::utc())
        << QDateTime(QDate(2026, 10, 1), QTime(12, 0), QTimeZone::utc()) << false;
}

void TestIndexOrderCounts::chartsShowTheNumbersOfAPassAlongTheTime() {
    QFETCH(QDateTime, since);
    QFETCH(QDateTime, until);
    QFETCH(bool, includeTest);
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const Database &db = t->database();
    LeadGenerator generator(db);
    generator.setEnd(utc(2026, 11, 1));
    const GenerateResult generated = generator.generate(3000, 17);
    QVERIFY2(generated.ok, qPrintable(generated.error));
    LeadFilter f;
    f.since = since;
    f.until = until;
    f.includeTest = includeTest;

    IndexOrderCounts::setUsedFrom(std::numeric_limits<qint64>::max());
    QVERIFY(!IndexOrderCounts::suits(db, f));
    const QByteArray alongTheTime = charts(db, f);
    QVERIFY2(!alongTheTime.startsWith("failed"), alongTheTime.constData());

    IndexOrderCounts::setUsedFrom(0);
    QVERIFY(IndexOrderCounts::suits(db, f));
    const QByteArray inIndexOrder = charts(db, f);
    QCOMPARE(inIndexOrder, alongTheTime);
    // Leads lost after they qualified count as qualified: such leads are in the data, so the
    // furthest steps are compared, not only the stages.
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM leads WHERE stage = 'lost' AND "
                                  "reached_step >= 2")) &&
            q.next());
    QVERIFY(q.value(0).toInt() > 0);
    // And leads touched late and soon, so that every bucket of the first touch is compared.
    QVERIFY(LeadAnalytics(db).firstTouch(f)->touched > 100);
}

void TestIndexOrderCounts::shortPeriodsAndOtherFiltersAreReadAlongTheTime() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const Database &db = t->database();
    LeadGenerator generator(db);
    generator.setEnd(utc(2026, 11, 1));
    QVERIFY(generator.generate(2000, 3).ok);
    IndexOrderCounts::setUsedFrom(0);
    LeadFilter quarter;
    quarter.since = utc(2026, 8, 1);
    QVERIFY(PeriodSlices::share(db, quarter) < 0.3);
    QVERIFY(!IndexOrderCounts::suits(db, quarter));
    LeadFilter offer;
    offer.offerId = QStringLiteral("contoso.teams-approvals");
    QVERIFY(!IndexOrderCounts::suits(db, offer));
    LeadFilter appsource;
    appsource.storefront = Storefront::AppSource;
    QVERIFY(!IndexOrderCounts::suits(db, appsource));
    QVERIFY(IndexOrderCounts::suits(db, LeadFilter()));
    // A database too small to gain from it is read along the time whatever the filter.
    IndexOrderCounts::setUsedFrom(m_usual);
    QVERIFY(!IndexOrderCounts::suits(db, LeadFilter()));
}

QTEST_GUILESS_MAIN(TestIndexOrderCounts)
#include "tst_indexordercounts.moc"
