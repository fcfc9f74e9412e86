#include "sampleleaddatabase.h"
#include "ui/charts/chartrenderer.h"
#include "ui/charts/chartsdashboard.h"
#include "ui/charts/firsttouchchart.h"
#include "ui/charts/funnelchart.h"
#include "ui/charts/offerperformancechart.h"
#include "ui/charts/trendchart.h"
#include "ui/mainwindow.h"
#include "ui/models/leadtablemodel.h"

#include "core/analytics/leadanalytics.h"
#include "core/io/leadgenerator.h"
#include "core/nurture/leadnurturer.h"
#include "core/storage/leadrepository.h"

#include <QChartView>
#include <QFile>
#include <QGraphicsTextItem>
#include <QImage>
#include <QPrinter>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QXmlStreamReader>

// The Charts tab as a marketer uses it: every chart drawn from the database's numbers, a click
// on a bar that selects exactly its leads, exports that open elsewhere (PNG of the asked size
// with something drawn, SVG that parses, PDF), and a message where there is nothing to draw.
class TestChartsDashboard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void showsTheDatabasesNumbers();
    void drillDownSelectsExactlyTheBarsLeads();
    void rendersImagesOffscreen_data();
    void rendersImagesOffscreen();
    void exportsNumbersAsCsvAndExcel();
    void printsAChartOnALandscapePage();
    void emptyDataShowsAMessage();
    void windowDrillsDownAndBack();
    void firstTouchShowsLoggedTouchesAgainstTheTarget();
    void funnelCountsAreWrittenInTheWindowsLocale();
    void countAxesShowTheirNumbers();

private:
    bool waitLoaded(ChartsDashboard &dashboard);

    std::unique_ptr<SampleLeadDatabase> m_db;
    const QDateTime m_end = QDateTime(QDate(2026, 6, 30), QTime(0, 0), QTimeZone::utc());
};

namespace {

// The texts a chart view draws (bar values, axis numbers, titles): what a reader sees.
QStringList shownTexts(QChartView *view) {
    QStringList texts;
    if (!view)
        return texts;
    for (QGraphicsItem *item : view->scene()->items())
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
            texts << text->toPlainText();
    return texts;
}

// The texts `chart` draws once on screen, when `awaited` is among them or after 5 s: from its
// chart view `viewName`, or from all of them.
QStringList textsOnScreen(QWidget &chart, const QString &awaited, const QString &viewName = {}) {
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart))
        return {};
    auto texts = [&] {
        QStringList all;
        for (QChartView *view : chart.findChildren<QChartView *>())
            if (viewName.isEmpty() || view->objectName() == viewName)
                all << shownTexts(view);
        return all;
    };
    // Whether it came or not, the caller checks what is shown.
    [[maybe_unused]] const bool came =
        QTest::qWaitFor([&] { return texts().contains(awaited); }, 5000);
    return texts();
}

// The window's locale Dutch until the returned guard goes.
auto dutchUntilDone() {
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Dutch, QLocale::Netherlands));
    return qScopeGuard([before] { QLocale::setDefault(before); });
}

} // namespace

void TestChartsDashboard::initTestCase() {
    SampleLeadDatabase::isolateSettings();
    m_db = std::make_unique<SampleLeadDatabase>();
    QVERIFY2(m_db->isReady(), qPrintable(m_db->error()));
    LeadGenerator generator(m_db->database());
    generator.setEnd(m_end);
    QVERIFY(generator.generate(400, 11).ok);
}

bool TestChartsDashboard::waitLoaded(ChartsDashboard &dashboard) {
    return QTest::qWaitFor([&] { return !dashboard.isLoading(); }, 10000);
}

void TestChartsDashboard::showsTheDatabasesNumbers() {
    ChartsDashboard dashboard(m_db->database());
    dashboard.setNow(m_end);
    dashboard.setRange(ChartsDashboard::Range::All);
    QVERIFY(waitLoaded(dashboard));
    const auto expected = LeadAnalytics(m_db->database()).funnel({});
    QVERIFY(expected);
    QCOMPARE(dashboard.data().funnel.all, expected->all);
    QCOMPARE(dashboard.data().funnel.all[0], LeadRepository(m_db->database()).count({}));
    QCOMPARE(dashboard.funnelChart()->shownFunnels().last(), QStringLiteral("all"));
    QVERIFY(dashboard.funnelChart()->shownFunnels().contains(QStringLiteral("appsource")));
    QVERIFY(!dashboard.offerChart()->shownOffers().isEmpty());
    QCOMPARE(dashboard.data().trend.total(), expected->all[0]);

    // The last 30 days hold fewer leads than all time.
    dashboard.setRange(ChartsDashboard::Range::Last30Days);
    QVERIFY(waitLoaded(dashboard));
    LeadFilter recent;
    recent.since = QDateTime(m_end.date().addDays(-29), QTime(0, 0), QTimeZone::utc());
    QCOMPARE(dashboard.filter().since, recent.since);
    QCOMPARE(dashboard.data().funnel.all[0], LeadRepository(m_db->database()).count(recent));
    QVERIFY(dashboard.data().funnel.all[0] < expected->all[0]);
}

void TestChartsDashboard::drillDownSelectsExactlyTheBarsLeads() {
    ChartsDashboard dashboard(m_db->database());
    dashboard.setNow(m_end);
    dashboard.setRange(ChartsDashboard::Range::All);
    QVERIFY(waitLoaded(dashboard));
    QSignalSpy drilled(&dashboard, &ChartsDashboard::drillDown);
    const LeadRepository repo(m_db->database());

    dashboard.funnelChart()->clickStep(QStringLiteral("appsource"), FunnelStep::Qualified);
    QVERIFY(drilled.wait(5000));
    LeadFilter f = drilled.last().at(0).value<LeadFilter>();
    const qint64 qualified =
        FunnelReport::at(dashboard.data().funnel.storefronts.value(QStringLiteral("appsource")),
                         FunnelStep::Qualified);
    QVERIFY(qualified > 0);
    QCOMPARE(repo.count(f), qualified);
    QVERIFY(drilled.last().at(1).toString().contains(QStringLiteral("qualified")));

    const OfferPerformance::Offer first = dashboard.data().offers.offers.first();
    dashboard.offerChart()->clickBar(0, QStringLiteral("INS"));
    QVERIFY(drilled.wait(5000));
    f = drilled.last().at(0).value<LeadFilter>();
    QCOMPARE(f.offerId, first.offerId);
    QCOMPARE(repo.count(f), first.byAction.value(QStringLiteral("INS")));

    const LeadTrend::Bucket bucket = dashboard.data().trend.buckets.last();
    dashboard.trendChart()->clickBar(int(dashboard.data().trend.buckets.size() - 1),
                                     QStringLiteral("azure-marketplace"));
    QVERIFY(drilled.wait(5000));
    QCOMPARE(repo.count(drilled.last().at(0).value<LeadFilter>()),
             bucket.byKey.value(QStringLiteral("azure-marketplace")));
}

void TestChartsDashboard::rendersImagesOffscreen_data() {
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"funnel", "offers", "trend", "scores", "campaigns"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestChartsDashboard::rendersImagesOffscreen() {
    QFETCH(QString, kind);
    ChartData data;
    LeadAnalytics analytics(m_db->database());
    data.funnel = *analytics.funnel({});
    data.offers = *analytics.offers({});
    data.trend = *analytics.trend({}, LeadTrend::Interval::Month, LeadTrend::By::Action);
    data.scores = *analytics.scores({});
    data.campaigns = *analytics.campaigns({});
    QTemporaryDir dir;
    QString error;

    const QString png = dir.filePath(kind + QStringLiteral(".png"));
    QVERIFY2(ChartRenderer::renderReport(kind, data, QStringLiteral("png"), png, QSize(900, 500),
                                         &error),
             qPrintable(error));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(900, 500));
    // Not blank: bars in several colours, not one background.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 8, qPrintable(QString::number(colours.size())));

    const QString svg = dir.filePath(kind + QStringLiteral(".svg"));
    QVERIFY2(ChartRenderer::renderReport(kind, data, QStringLiteral("svg"), svg, QSize(900, 500),
                                         &error),
             qPrintable(error));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&svgFile);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name(), QStringLiteral("svg"));
    while (!xml.atEnd())
        xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));

    const QString pdf = dir.filePath(kind + QStringLiteral(".pdf"));
    QVERIFY2(ChartRenderer::renderReport(kind, data, QStringLiteral("pdf"), pdf, QSize(900, 500),
                                         &error),
             qPrintable(error));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5).startsWith("%PDF-"));
    QVERIFY(pdfFile.size() > 1000);
}

void TestChartsDashboard::exportsNumbersAsCsvAndExcel() {
    ChartsDashboard dashboard(m_db->database());
    dashboard.setRange(ChartsDashboard::Range::All);
    QVERIFY(waitLoaded(dashboard));
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("funnel.csv"));
    QVERIFY(dashboard.exportChart(QStringLiteral("funnel"), QStringLiteral("csv"), csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    QCOMPARE(lines.first(), QStringLiteral("storefront,step,leads,from_previous_percent,"
                                           "from_new_percent"));
    QVERIFY(
        lines.contains(QStringLiteral("all,new,%1,,100.0").arg(dashboard.data().funnel.all[0])));
    const QString xlsx = dir.filePath(QStringLiteral("offers.xlsx"));
    QVERIFY(dashboard.exportChart(QStringLiteral("offers"), QStringLiteral("xlsx"), xlsx));
    QFile book(xlsx);
    QVERIFY(book.open(QIODevice::ReadOnly));
    QVERIFY(book.read(2) == "PK"); // a zip archive, as every workbook is
    const QString png = dir.filePath(QStringLiteral("trend.png"));
    QVERIFY(dashboard.exportChart(QStringLiteral("trend"), QStringLiteral("png"), png));
    QVERIFY(!QImage(png).isNull());
}

void TestChartsDashboard::printsAChartOnALandscapePage() {
    ChartsDashboard dashboard(m_db->database());
    dashboard.resize(1200, 900);
    dashboard.setRange(ChartsDashboard::Range::All);
    QVERIFY(waitLoaded(dashboard));
    QTemporaryDir dir;
    const auto printTo = [&dashboard](const QString &kind, const QString &path) {
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(path);
        printer.setPageOrientation(QPageLayout::Landscape);
        return dashboard.printChart(kind, &printer);
    };
    const QString funnel = dir.filePath(QStringLiteral("funnel.pdf"));
    QVERIFY(printTo(QStringLiteral("funnel"), funnel));
    QFile pdf(funnel);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    // One landscape page: the media box is wider than high.
    const qsizetype box = bytes.indexOf("/MediaBox [");
    QVERIFY(box >= 0);
    const QList<QByteArray> numbers =
        bytes.mid(box + 11, bytes.indexOf(']', box) - box - 11).simplified().split(' ');
    QCOMPARE(numbers.size(), 4);
    QVERIFY2(numbers.at(2).toDouble() > numbers.at(3).toDouble(), bytes.mid(box, 40).constData());
    QCOMPARE(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r"), qsizetype(1));
    // The chart is drawn on it: far more than an empty page.
    QVERIFY2(bytes.size() > 10000, qPrintable(QString::number(bytes.size())));
    // Nothing is printed for a chart there is not.
    const QString none = dir.filePath(QStringLiteral("none.pdf"));
    QVERIFY(!printTo(QStringLiteral("pie"), none));
    QVERIFY(!QFile::exists(none));
}

void TestChartsDashboard::emptyDataShowsAMessage() {
    SampleLeadDatabase empty;
    QVERIFY(empty.isReady());
    ChartsDashboard dashboard(empty.database());
    QVERIFY(waitLoaded(dashboard));
    QVERIFY(dashboard.funnelChart()->shownFunnels().isEmpty());
    QVERIFY(dashboard.offerChart()->shownOffers().isEmpty());
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("empty.png"));
    QString error;
    QVERIFY(ChartRenderer::render(dashboard.trendChart(), QStringLiteral("png"), png,
                                  QSize(600, 300), &error));
    QCOMPARE(QImage(png).size(), QSize(600, 300));
}

void TestChartsDashboard::windowDrillsDownAndBack() {
    MainWindow window(m_db->database());
    auto *leads = window.findChild<LeadTableModel *>();
    QVERIFY(leads);
    QVERIFY(QTest::qWaitFor([&] { return !leads->isCounting(); }, 10000));
    const LeadFilter before = leads->filter();
    ChartsDashboard *charts = window.showCharts();
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("centreTabs"));
    QCOMPARE(tabs->currentWidget(), charts);
    charts->setRange(ChartsDashboard::Range::All);
    QVERIFY(waitLoaded(*charts));

    // The Azure portal's won step: the table shows exactly those leads.
    const qint64 won = FunnelReport::at(
        charts->data().funnel.storefronts.value(QStringLiteral("azure-portal")), FunnelStep::Won);
    charts->funnelChart()->clickStep(QStringLiteral("azure-portal"), FunnelStep::Won);
    QVERIFY(QTest::qWaitFor([&] { return !(leads->filter() == before); }, 5000));
    QCOMPARE(tabs->currentIndex(), 0);
    QVERIFY(QTest::qWaitFor([&] { return !leads->isCounting(); }, 10000));
    QCOMPARE(leads->totalCount(), won);
    auto *back = window.findChild<QPushButton *>(QStringLiteral("drillDownBack"));
    QVERIFY(back && !back->isHidden());

    back->click();
    QCOMPARE(leads->filter(), before);
    QVERIFY(back->isHidden());
    QCOMPARE(tabs->currentWidget(), charts);
}

void TestChartsDashboard::firstTouchShowsLoggedTouchesAgainstTheTarget() {
    // Leads as an import brings them: nobody has logged a touch yet.
    SampleLeadDatabase db;
    QVERIFY2(db.isReady(), qPrintable(db.error()));
    QVERIFY2(db.addLeads(Storefront::AppSource, 60, 30), qPrintable(db.error()));
    ChartsDashboard dashboard(db.database());
    dashboard.setNow(m_end);
    dashboard.setRange(ChartsDashboard::Range::All);
    QVERIFY(waitLoaded(dashboard));
    auto *chart = dashboard.findChild<FirstTouchChart *>(QStringLiteral("firstTouchChart"));
    QVERIFY(chart);
    QCOMPARE(chart->title(), QStringLiteral("Time to first touch:")); // nothing logged: a message

    // A rep calls a lead two days after it came in: past the 24-hour target.
    const QList<Lead> fresh =
        LeadRepository(db.database()).list(LeadFilter{}, LeadSort{QStringLiteral("id"), false}, 60);
    std::optional<Lead> lead;
    for (const Lead &l : fresh)
        if (!lead && !Stages::isClosed(l.stage) && !l.doNotContact && !l.isTest)
            lead = l;
    QVERIFY(lead);
    LeadNurturer nurturer(db.database());
    nurturer.setNow(lead->createdAt.addDays(2));
    Touch call;
    call.outcome = QStringLiteral("interested");
    QVERIFY(nurturer.logTouch(lead->id, 0, call, std::nullopt, QStringLiteral("sam")).ok());
    dashboard.setRange(ChartsDashboard::Range::All);
    dashboard.refresh();
    QVERIFY(waitLoaded(dashboard));
    QVERIFY2(chart->title().contains(QStringLiteral("target 24 h: 1 of 1 past it")),
             qPrintable(chart->title()));
    QCOMPARE(dashboard.data().firstTouch.touched, 1);
}

// The counts on the funnel's bars with the window's thousands separator, as the hover texts and
// the rest of the window write them: 12.345 in Dutch, never 12345.
void TestChartsDashboard::funnelCountsAreWrittenInTheWindowsLocale() {
    const auto dutch = dutchUntilDone();
    FunnelReport report;
    report.all = {12345, 2345, 1234, 600, 100};
    FunnelChart chart;
    chart.resize(1400, 420);
    chart.setReport(report);
    const QStringList shown =
        textsOnScreen(chart, QStringLiteral("12.345"), QStringLiteral("funnel_all"));
    QVERIFY2(shown.contains(QStringLiteral("12.345")) && shown.contains(QStringLiteral("1.234")),
             qPrintable(shown.join(QLatin1String(" | "))));
    QVERIFY2(!shown.contains(QStringLiteral("12345")),
             qPrintable(shown.join(QLatin1String(" | "))));
}

void TestChartsDashboard::countAxesShowTheirNumbers() {
    // Localized numbers must not cost the axis its labels: a count axis reads 0 to 3.000 in a
    // Dutch window.
    const auto dutch = dutchUntilDone();
    FirstTouchReport report;
    for (qint64 count : {120, 2500, 900, 40, 0, 0, 0})
        report.buckets.append({QStringLiteral("bucket"), 3600, count});
    report.touched = 3560;
    FirstTouchChart chart;
    chart.resize(900, 420);
    chart.setReport(report);
    const QStringList shown = textsOnScreen(chart, QStringLiteral("2.000"));
    QVERIFY2(shown.contains(QStringLiteral("0")) && shown.contains(QStringLiteral("1.000")) &&
                 shown.contains(QStringLiteral("2.000")),
             qPrintable(shown.join(QLatin1String(" | "))));
}

QTEST_MAIN(TestChartsDashboard)
#include "tst_chartsdashboard.moc"
