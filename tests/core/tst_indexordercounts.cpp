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
    // The dashboard's other controls: a storefront, an owner, an offer (empty for none).
    QTest::addColumn<QString>("storefront");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("offer");
    const QString none;
    QTest::newRow("all time") << QDateTime() << QDateTime() << false << none << none << none;
    QTest::newRow("all time with test leads")
        << QDateTime() << QDateTime() << true << none << none << none;
    QTest::newRow("last 12 months")
        << utc(2025, 11, 1) << QDateTime() << false << none << none << none;
    QTest::newRow("a year in the middle")
        << utc(2025, 2, 1) << utc(2026, 2, 1) << false << none << none << none;
    // Periods that start and end inside a day: the day bounds narrow, the times decide.
    QTest::newRow("from noon to noon")
        << QDateTime(QDate(2025, 3, 1), QTime(12, 0), QTimeZone::utc())
        << QDateTime(QDate(2026, 10, 1), QTime(12, 0), QTimeZone::utc()) << false << none << none
        << none;
    QTest::newRow("AppSource, 12 months")
        << utc(2025, 11, 1) << QDateTime() << false << QStringLiteral("appsource") << none << none;
    QTest::newRow("one owner") << QDateTime() << QDateTime() << false << none
                               << QStringLiteral("sam.patel") << none;
    QTest::newRow("one offer") << QDateTime() << QDateTime() << false << none << none
                               << QStringLiteral("contoso.data-pipeline-saas");
}

void TestIndexOrderCounts::chartsShowTheNumbersOfAPassAlongTheTime() {
    QFETCH(QDateTime, since);
    QFETCH(QDateTime, until);
    QFETCH(bool, includeTest);
    QFETCH(QString, storefront);
    QFETCH(QString, owner);
    QFETCH(QString, offer);
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
    if (!storefront.isEmpty()) {
        Storefront sf = Storefront::Other;
        QVERIFY(Storefronts::fromCanonicalName(storefront, &sf));
        f.storefront = sf;
    }
    f.owner = owner;
    f.offerId = offer;

    IndexOrderCounts::setUsedFrom(std::numeric_limits<qint64>::max());
    QVERIFY(!IndexOrderCounts::suitsStages(db, f, QStringLiteral("offer_id"), true));
    const QByteArray alongTheTime = charts(db, f);
    QVERIFY2(!alongTheTime.startsWith("failed"), alongTheTime.constData());

    IndexOrderCounts::setUsedFrom(0);
    // Each chart from its index where that holds the filter's columns.
    const bool period = storefront.isEmpty() && owner.isEmpty() && offer.isEmpty();
    QCOMPARE(IndexOrderCounts::suitsStages(db, f, QStringLiteral("storefront"), false),
             owner.isEmpty() && offer.isEmpty());
    QCOMPARE(IndexOrderCounts::suitsStages(db, f, QStringLiteral("offer_id"), true),
             storefront.isEmpty() && owner.isEmpty());
    QCOMPARE(IndexOrderCounts::suitsStages(db, f, QStringLiteral("campaign"), false), period);
    QCOMPARE(IndexOrderCounts::suitsGrades(db, f), owner.isEmpty() && offer.isEmpty());
    QCOMPARE(IndexOrderCounts::suitsDays(db, f), period && !includeTest);
    const QByteArray inIndexOrder = charts(db, f);
    QCOMPARE(inIndexOrder, alongTheTime);
    // Leads lost after they qualified count as qualified: such leads are in the data, so the
    // furthest steps are compared, not only the stages.
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM leads WHERE stage = 'lost' AND "
                                  "reached_step >= 2")) &&
            q.next());
    QVERIFY(q.value(0).toInt() > 0);
    // Test leads, whose counts the index's order adds to the others'.
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM leads WHERE is_test = 1")) && q.next());
    QVERIFY(q.value(0).toInt() > 10);
    // And leads touched late and soon, so that every bucket of the first touch is compared.
    QVERIFY(LeadAnalytics(db).firstTouch(f)->touched > 10);
}

void TestIndexOrderCounts::shortPeriodsAndOtherFiltersAreReadAlongTheTime() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const Database &db = t->database();
    LeadGenerator generator(db);
    generator.setEnd(utc(2026, 11, 1));
    QVERIFY(generator.generate(2000, 3).ok);
    IndexOrderCounts::setUsedFrom(0);
    const auto suits = [&db](const LeadFilter &f) {
        return IndexOrderCounts::suitsStages(db, f, QStringLiteral("storefront"), false);
    };
    LeadFilter quarter;
    quarter.since = utc(2026, 8, 1);
    QVERIFY(PeriodSlices::share(db, quarter) < 0.3);
    QVERIFY(!suits(quarter));
    // Conditions no chart index holds need the lead's row.
    LeadFilter search;
    search.search = QStringLiteral("fabrikam");
    QVERIFY(!suits(search));
    LeadFilter doNotContact;
    doNotContact.doNotContact = true;
    QVERIFY(!suits(doNotContact));
    LeadFilter campaign;
    campaign.campaign = QStringLiteral("free-trial");
    QVERIFY(!suits(campaign));
    QVERIFY(IndexOrderCounts::suitsStages(db, campaign, QStringLiteral("campaign"), false));
    // The scores are in the offers' index alone.
    QVERIFY(!IndexOrderCounts::suitsStages(db, LeadFilter(), QStringLiteral("storefront"), true));
    QVERIFY(suits(LeadFilter()));
    // A database too small to gain from it is read along the time whatever the filter.
    IndexOrderCounts::setUsedFrom(m_usual);
    QVERIFY(!suits(LeadFilter()));
}

QTEST_GUILESS_MAIN(TestIndexOrderCounts)
#include "tst_indexordercounts.moc"
