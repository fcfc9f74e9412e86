#include "core/domain/leadcolumns.h"
#include "core/io/csvreader.h"
#include "core/scoring/scoringmodel.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "core/storage/transaction.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// leadbench-cli end to end: the built program, its exit status, stdout and stderr, each test
// with a database of its own: a SQLite file in a temporary folder, or for the tests with a
// "backend" column a fresh database on that backend (TestDatabase).
class TestCli : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void noArguments();
    void badUsage_data();
    void badUsage();
    void unopenableDatabase_data();
    void unopenableDatabase();
    void initCreatesTheDatabase();
    void generate();
    void statsJson();
    void listJsonSorted_data() { TestDatabase::addBackendRows(); }
    void listJsonSorted();
    void listCsvColumns_data() { TestDatabase::addBackendRows(); }
    void listCsvColumns();
    void listFilteredByStorefront_data() { TestDatabase::addBackendRows(); }
    void listFilteredByStorefront();
    void listUnknownStorefront();
    void listTriageFilters_data() { TestDatabase::addBackendRows(); }
    void listTriageFilters();
    void listOffsetPaging_data() { TestDatabase::addBackendRows(); }
    void listOffsetPaging();
    void listEverySortReturnsEveryLead_data();
    void listEverySortReturnsEveryLead();
    void showJson_data() { TestDatabase::addBackendRows(); }
    void showJson();
    void scoreRescoresAndShowExplains_data() { TestDatabase::addBackendRows(); }
    void scoreRescoresAndShowExplains();
    void scorePreviewChangesNothing_data() { TestDatabase::addBackendRows(); }
    void scorePreviewChangesNothing();
    void scoreEvaluateNeedsHistory_data() { TestDatabase::addBackendRows(); }
    void scoreEvaluateNeedsHistory();
    void scoreGivesOpenLeadsAWinProbability_data() { TestDatabase::addBackendRows(); }
    void scoreGivesOpenLeadsAWinProbability();
    void showMissingLead_data() { TestDatabase::addBackendRows(); }
    void showMissingLead();
    void importReportsEveryRow_data() { TestDatabase::addBackendRows(); }
    void importReportsEveryRow();
    void databaseFromEnvironment();
    void newerSchemaRefused();
    void timesWithoutOffsetAreUtc();
    void concurrentWritersWaitTheirTurn();
    void missingImportFileCreatesNothing();
    void reimportingAnExportChangesNothing_data() { TestDatabase::addBackendRows(); }
    void reimportingAnExportChangesNothing();
    void unknownHeaderColumnsAreReported();
    void importsADutchExcelFile();
    void previewShowsTheFileAndWritesNothing();
    void importOptions();

    void helpListsEveryCommand();
    void commandHelp_data();
    void commandHelp();
    void helpForAnUnknownCommand_data();
    void helpForAnUnknownCommand();
    void countMatchesList_data() { TestDatabase::addBackendRows(); }
    void countMatchesList();
    void aMissingFileOrLeadIsAFailure_data();
    void aMissingFileOrLeadIsAFailure();
    void untilAMomentIncludesTheLeadsOfThatSecond();
    void importFromStandardInput_data();
    void importFromStandardInput();
    void emptyStandardInputIsRejected();
    void rejectedRowsNameTheirLineOnce();
    void columnsNamingNothingAreBadUsage_data();
    void columnsNamingNothingAreBadUsage();
    void listJsonStreamsValidJson_data() { TestDatabase::addBackendRows(); }
    void listJsonStreamsValidJson();
    void listTableKeepsItsLook();
    void exportImportRoundTrip_data() { TestDatabase::addBackendRows(); }
    void exportImportRoundTrip();

    void setChangesALead_data() { TestDatabase::addBackendRows(); }
    void setChangesALead();
    void setLosingTheRaceChangesNothing_data() { TestDatabase::addBackendRows(); }
    void setLosingTheRaceChangesNothing();
    void setKeepsTheStageRules_data() { TestDatabase::addBackendRows(); }
    void setKeepsTheStageRules();
    void logDueAndCadence_data() { TestDatabase::addBackendRows(); }
    void logDueAndCadence();
    void campaignsAndSla_data() { TestDatabase::addBackendRows(); }
    void campaignsAndSla();
    void setRefusesBadValues_data();
    void setRefusesBadValues();
    void deleteAndRestore_data() { TestDatabase::addBackendRows(); }
    void deleteAndRestore();
    void historyInTimeOrder_data() { TestDatabase::addBackendRows(); }
    void historyInTimeOrder();
    void listSortsByNameAsShown();
    void exportWritesCsvAndXlsx_data() { TestDatabase::addBackendRows(); }
    void exportWritesCsvAndXlsx();
    void exportBadUsage_data();
    void exportBadUsage();
    void exportToCrmLayouts_data() { TestDatabase::addBackendRows(); }
    void exportToCrmLayouts();
    void exportCrmLayoutRefusesColumns_data();
    void exportCrmLayoutRefusesColumns();

    void qualifyThenConvert_data() { TestDatabase::addBackendRows(); }
    void qualifyThenConvert();
    void disqualifyWithAReason_data() { TestDatabase::addBackendRows(); }
    void disqualifyWithAReason();
    void qualificationRefusals_data();
    void qualificationRefusals();
    void qualifyLosingTheRaceChangesNothing();
    void prerequisitesAreTheTeams();

    void reportFunnelJson_data() { TestDatabase::addBackendRows(); }
    void reportFunnelJson();
    void reportTablesAndImages();
    void reportFirstTouch_data() { TestDatabase::addBackendRows(); }
    void reportFirstTouch();
    void reportBadUsage_data();
    void reportBadUsage();

private:
    struct Result {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QStringList errLines() const {
            return QString::fromUtf8(err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        }
        QJsonDocument json() const { return QJsonDocument::fromJson(out); }
        QString describe() const {
            return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
                .arg(exitCode)
                .arg(QString::fromUtf8(out.left(2000)), QString::fromUtf8(err.left(2000)));
        }
    };

    // `input` is written to the program's standard input, which is then closed.
    Result run(const QStringList &arguments, const QProcessEnvironment &env,
               const QByteArray &input = {}) const;
    Result run(const QStringList &arguments) const { return run(arguments, environment()); }
    // With --db pointing at this test's database.
    Result runDb(const QStringList &arguments, const QByteArray &input = {}) const {
        return run(QStringList{QStringLiteral("--db"), m_location} + arguments, environment(),
                   input);
    }
    QProcessEnvironment environment() const;
    // The SQLite file of tests without a backend column.
    QString dbPath() const { return m_dir->filePath(QStringLiteral("leads.sqlite")); }
    QString writeFile(const QString &name, const QByteArray &content) const;
    bool generateDemo(int count = 500);
    QJsonArray listJson(const QStringList &extra);
    // The id of a generated lead still open for qualification: new, contacted or nurturing,
    // neither do-not-contact nor a test lead; 0 when there is none.
    qint64 openLead();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_location; // what runDb() passes to --db
    std::unique_ptr<TestDatabase> m_backendDb;
};

// Points runDb() at a fresh, empty database on `backend`, skipping or failing the test as
// TestDatabase decides when there is no PostgreSQL server.
#define LB_CLI_BACKEND(backend)                                                                    \
    m_backendDb = TestDatabase::create(backend);                                                   \
    if (!m_backendDb->ok() && m_backendDb->mustSkip())                                             \
        QSKIP(qPrintable(m_backendDb->problem()));                                                 \
    QVERIFY2(m_backendDb->ok(), qPrintable(m_backendDb->problem()));                               \
    m_location = m_backendDb->database().location()

namespace {

const QStringList canonicalColumns = {QStringLiteral("id"),
                                      QStringLiteral("storefront"),
                                      QStringLiteral("action"),
                                      QStringLiteral("offer_id"),
                                      QStringLiteral("offer_title"),
                                      QStringLiteral("first_name"),
                                      QStringLiteral("last_name"),
                                      QStringLiteral("email"),
                                      QStringLiteral("phone"),
                                      QStringLiteral("country"),
                                      QStringLiteral("company"),
                                      QStringLiteral("title"),
                                      QStringLiteral("description"),
                                      QStringLiteral("created_at"),
                                      QStringLiteral("last_event_at"),
                                      QStringLiteral("events"),
                                      QStringLiteral("stage"),
                                      QStringLiteral("owner"),
                                      QStringLiteral("score"),
                                      QStringLiteral("grade"),
                                      QStringLiteral("win_probability"),
                                      QStringLiteral("next_follow_up_at"),
                                      QStringLiteral("follow_ups"),
                                      QStringLiteral("do_not_contact"),
                                      QStringLiteral("is_test"),
                                      QStringLiteral("campaign"),
                                      QStringLiteral("origin"),
                                      QStringLiteral("qualification"),
                                      QStringLiteral("opportunity_value"),
                                      QStringLiteral("opportunity_currency"),
                                      QStringLiteral("expected_close_at"),
                                      QStringLiteral("destination"),
                                      QStringLiteral("disqualify_reason"),
                                      QStringLiteral("disqualify_note")};

QStringList sorted(QStringList list) {
    list.sort();
    return list;
}

qint64 sumOf(const QJsonObject &o) {
    qint64 sum = 0;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        sum += it.value().toInteger();
    return sum;
}

QList<qint64> idsOf(const QJsonArray &rows) {
    QList<qint64> ids;
    for (const QJsonValue &v : rows)
        ids << v.toObject().value(QStringLiteral("id")).toInteger();
    return ids;
}

} // namespace

void TestCli::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_location = dbPath();
}

void TestCli::cleanup() {
    m_backendDb.reset(); // a PostgreSQL test database is dropped here
}

QProcessEnvironment TestCli::environment() const {
    // Nothing reaches the real per-user database: the default location is inside the test folder.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LEADBENCH_DB"));
    env.insert(QStringLiteral("HOME"), m_dir->path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg-data")));
    return env;
}

TestCli::Result TestCli::run(const QStringList &arguments, const QProcessEnvironment &env,
                             const QByteArray &input) const {
    Result r;
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir->path());
    p.start(QStringLiteral(LEADBENCH_CLI_PATH), arguments);
    if (!p.waitForStarted(30000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(300000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    return r;
}

QString TestCli::writeFile(const QString &name, const QByteArray &content) const {
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

bool TestCli::generateDemo(int count) {
    const Result r = runDb({QStringLiteral("generate"), QStringLiteral("--count"),
                            QString::number(count), QStringLiteral("--seed"), QStringLiteral("3"),
                            QStringLiteral("--end"), QStringLiteral("2026-01-01")});
    if (r.exitCode != 0)
        qWarning("%s", qPrintable(r.describe()));
    return r.exitCode == 0;
}

QJsonArray TestCli::listJson(const QStringList &extra) {
    const Result r = runDb(
        QStringList{QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")} +
        extra);
    if (r.exitCode != 0 || !r.json().isArray())
        qWarning("%s", qPrintable(r.describe()));
    return r.json().array();
}

qint64 TestCli::openLead() {
    for (const QJsonValue &v : listJson({QStringLiteral("--sort"), QStringLiteral("id")})) {
        const QJsonObject o = v.toObject();
        const QString stage = o.value(QStringLiteral("stage")).toString();
        if ((stage == QLatin1String("new") || stage == QLatin1String("contacted") ||
             stage == QLatin1String("nurturing")) &&
            !o.value(QStringLiteral("do_not_contact")).toBool())
            return o.value(QStringLiteral("id")).toInteger();
    }
    return 0;
}

void TestCli::noArguments() {
    const Result r = run({});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("usage: leadbench-cli"), qPrintable(r.describe()));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
}

void TestCli::badUsage_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("unknown global option")
        << QStringList{QStringLiteral("--colour"), QStringLiteral("stats")};
    QTest::newRow("unknown command option")
        << QStringList{QStringLiteral("list"), QStringLiteral("--colour"), QStringLiteral("red")};
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("stats"), QStringLiteral("--all")};
    QTest::newRow("generate without a count") << QStringList{QStringLiteral("generate")};
    QTest::newRow("show without an id") << QStringList{QStringLiteral("show")};
}

void TestCli::badUsage() {
    QFETCH(QStringList, arguments);
    const Result r = runDb(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("leadbench-cli: error:"), qPrintable(r.describe()));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
    // Bad usage does not create a database.
    QVERIFY(!QFile::exists(dbPath()));
}

void TestCli::unopenableDatabase_data() {
    QTest::addColumn<QString>("kind");
    QTest::newRow("a directory") << QStringLiteral("directory");
    QTest::newRow("a file of text") << QStringLiteral("text");
}

void TestCli::unopenableDatabase() {
    QFETCH(QString, kind);
    QString location;
    QByteArray garbage;
    if (kind == QLatin1String("directory")) {
        location = m_dir->filePath(QStringLiteral("a-folder"));
        QVERIFY(QDir().mkpath(location));
    } else {
        for (int i = 0; i < 40; ++i)
            garbage += "This is a shopping list, not a database: milk, eggs, bread.\n";
        location = writeFile(QStringLiteral("notes.txt"), garbage);
    }
    for (const QString &command : {QStringLiteral("init"), QStringLiteral("stats")}) {
        const Result r = run({QStringLiteral("--db"), location, command});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errLines().size() == 1, qPrintable(r.describe()));
        QVERIFY2(r.errLines().first().startsWith(QLatin1String("leadbench-cli: error:")),
                 qPrintable(r.describe()));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
    }
    if (!garbage.isEmpty()) {
        QFile f(location);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), garbage); // left as it was
    }
}

void TestCli::initCreatesTheDatabase() {
    Result r = runDb({QStringLiteral("init")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(QFile::exists(dbPath()));
    // Again: nothing to do, still fine.
    r = runDb({QStringLiteral("init")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runDb({QStringLiteral("stats"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(QStringLiteral("total")).toInteger(), 0);
}

void TestCli::generate() {
    const Result r = runDb({QStringLiteral("generate"), QStringLiteral("--count"),
                            QStringLiteral("500"), QStringLiteral("--seed"), QStringLiteral("3"),
                            QStringLiteral("--end"), QStringLiteral("2026-01-01")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject o = r.json().object();
    QVERIFY2(!o.isEmpty(), qPrintable(r.describe()));
    QCOMPARE(o.value(QStringLiteral("generated")).toInteger(), 500);

    const QJsonArray all = listJson({QStringLiteral("--include-test"), QStringLiteral("--columns"),
                                     QStringLiteral("id,created_at")});
    QCOMPARE(all.size(), 500);
    // --end is the newest time; the leads spread over the two years before it.
    for (const QJsonValue &v : all) {
        const QString created = v.toObject().value(QStringLiteral("created_at")).toString();
        QVERIFY2(created >= QLatin1String("2024-01-01T00:00:00Z") &&
                     created <= QLatin1String("2026-01-01T00:00:00Z"),
                 qPrintable(created));
    }
}

void TestCli::statsJson() {
    QVERIFY(generateDemo());
    // Two test leads on top of whatever the generator made.
    const QString csv = writeFile(
        QStringLiteral("tests.csv"),
        "LeadSource,FirstName,LastName,Email,Company\n"
        "AzureMarketplace-INS|contoso.analytics-saas,MSFT_TEST_636573304831318844,Test,"
        "msft_test_636573304831318844@microsoft.com,Microsoft\n"
        "AppSource-PLT|contoso.crm-connector,MSFT_TEST_111111,Test,msft_test_111111@microsoft.com,"
        "Microsoft\n");
    Result r = runDb({QStringLiteral("import"), csv});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    r = runDb({QStringLiteral("stats"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject stats = r.json().object();
    QCOMPARE(sorted(stats.keys()),
             (QStringList{QStringLiteral("by_action"), QStringLiteral("by_stage"),
                          QStringLiteral("by_storefront"), QStringLiteral("total")}));
    const qint64 total = stats.value(QStringLiteral("total")).toInteger();
    const QJsonObject byStorefront = stats.value(QStringLiteral("by_storefront")).toObject();
    QCOMPARE(sumOf(byStorefront), total);
    QCOMPARE(sumOf(stats.value(QStringLiteral("by_stage")).toObject()), total);
    QCOMPARE(sumOf(stats.value(QStringLiteral("by_action")).toObject()), total);
    for (const QString &key : byStorefront.keys())
        QVERIFY2(QStringList({QStringLiteral("appsource"), QStringLiteral("azure-marketplace"),
                              QStringLiteral("azure-portal"), QStringLiteral("other")})
                     .contains(key),
                 qPrintable(key));

    // Test leads are not counted: total is the real leads, as `list` shows them.
    const QJsonArray withTests =
        listJson({QStringLiteral("--include-test"), QStringLiteral("--columns"),
                  QStringLiteral("id,is_test")});
    qint64 tests = 0;
    for (const QJsonValue &v : withTests)
        if (v.toObject().value(QStringLiteral("is_test")).toBool())
            ++tests;
    QVERIFY(tests >= 2);
    QCOMPARE(qint64(withTests.size()), 502);
    QCOMPARE(total, 502 - tests);
    QCOMPARE(qint64(listJson({QStringLiteral("--columns"), QStringLiteral("id")}).size()), total);

    r = runDb({QStringLiteral("stats"), QStringLiteral("--format"), QStringLiteral("json"),
               QStringLiteral("--include-test")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(QStringLiteral("total")).toInteger(), 502);
}

void TestCli::listJsonSorted() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo());
    const QJsonArray rows = listJson({QStringLiteral("--limit"), QStringLiteral("5"),
                                      QStringLiteral("--sort"), QStringLiteral("created_at:desc")});
    QCOMPARE(rows.size(), 5);
    QString previous;
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        QCOMPARE(sorted(o.keys()), sorted(canonicalColumns));
        const QString created = o.value(QStringLiteral("created_at")).toString();
        QVERIFY(!created.isEmpty());
        if (!previous.isEmpty())
            QVERIFY2(created <= previous,
                     qPrintable(created + QStringLiteral(" after ") + previous));
        previous = created;
    }
    // The first is the newest of all.
    QString newest;
    for (const QJsonValue &v :
         listJson({QStringLiteral("--columns"), QStringLiteral("created_at")}))
        newest = std::max(newest, v.toObject().value(QStringLiteral("created_at")).toString());
    QCOMPARE(rows.first().toObject().value(QStringLiteral("created_at")).toString(), newest);
}

void TestCli::listCsvColumns() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo());
    const Result r =
        runDb({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv"),
               QStringLiteral("--columns"), QStringLiteral("id,email")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.first(), QStringLiteral("id,email"));
    const qint64 total =
        runDb({QStringLiteral("stats")}).json().object().value(QStringLiteral("total")).toInteger();
    QCOMPARE(qint64(lines.size() - 1), total);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList fields = lines.at(i).split(QLatin1Char(','));
        QCOMPARE(fields.size(), 2);
        bool ok = false;
        fields.at(0).toLongLong(&ok);
        QVERIFY2(ok, qPrintable(lines.at(i)));
        QVERIFY2(fields.at(1).contains(QLatin1Char('@')), qPrintable(lines.at(i)));
    }
}

void TestCli::listFilteredByStorefront() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo());
    const QJsonArray rows = listJson({QStringLiteral("--storefront"), QStringLiteral("appsource")});
    QVERIFY(!rows.isEmpty());
    for (const QJsonValue &v : rows)
        QCOMPARE(v.toObject().value(QStringLiteral("storefront")).toString(),
                 QStringLiteral("appsource"));
    const QJsonObject stats = runDb({QStringLiteral("stats")}).json().object();
    QCOMPARE(qint64(rows.size()), stats.value(QStringLiteral("by_storefront"))
                                      .toObject()
                                      .value(QStringLiteral("appsource"))
                                      .toInteger());
}

void TestCli::listTriageFilters() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo());
    const QStringList columns = {QStringLiteral("--columns"),
                                 QStringLiteral("id,grade,do_not_contact,next_follow_up_at")};
    const QJsonArray all =
        listJson(QStringList{QStringLiteral("--sort"), QStringLiteral("id")} + columns);
    QVERIFY(all.size() > 10);

    // Generated leads are graded; a grade set by hand is found by --grade too, in any case;
    // nothing else is.
    const QStringList gradeA =
        QStringList{QStringLiteral("--grade"), QStringLiteral("a")} + columns;
    const QJsonArray before = listJson(gradeA);
    QVERIFY(!before.isEmpty());
    QJsonObject notA;
    for (const QJsonValue &v : all)
        if (v.toObject().value(QStringLiteral("grade")).toString() == QLatin1String("C"))
            notA = v.toObject();
    QVERIFY(!notA.isEmpty());
    const QString id = QString::number(notA.value(QStringLiteral("id")).toInteger());
    QCOMPARE(
        runDb({QStringLiteral("set"), id, QStringLiteral("--grade"), QStringLiteral("A")}).exitCode,
        0);
    const QJsonArray graded = listJson(gradeA);
    QCOMPARE(graded.size(), before.size() + 1);
    bool found = false;
    for (const QJsonValue &v : graded) {
        QCOMPARE(v.toObject().value(QStringLiteral("grade")).toString(), QStringLiteral("A"));
        found =
            found || QString::number(v.toObject().value(QStringLiteral("id")).toInteger()) == id;
    }
    QVERIFY(found);

    const QJsonArray dnc = listJson(QStringList{QStringLiteral("--do-not-contact")} + columns);
    for (const QJsonValue &v : dnc)
        QCOMPARE(v.toObject().value(QStringLiteral("do_not_contact")).toBool(), true);

    // --due-before DATE: a follow-up set, on or before that day.
    QStringList followUps;
    qsizetype dncCount = 0;
    for (const QJsonValue &v : all) {
        const QString at = v.toObject().value(QStringLiteral("next_follow_up_at")).toString();
        if (!at.isEmpty())
            followUps << at;
        dncCount += v.toObject().value(QStringLiteral("do_not_contact")).toBool() ? 1 : 0;
    }
    QCOMPARE(dnc.size(), dncCount);
    QVERIFY(followUps.size() > 2);
    followUps.sort();
    const QString day = followUps.at(followUps.size() / 2).left(10);
    qsizetype expected = 0;
    for (const QString &at : std::as_const(followUps))
        expected += at.left(10) <= day ? 1 : 0;
    const QJsonArray due = listJson(QStringList{QStringLiteral("--due-before"), day} + columns);
    QCOMPARE(due.size(), expected);

    const Result bad =
        runDb({QStringLiteral("count"), QStringLiteral("--grade"), QStringLiteral("E")});
    QCOMPARE(bad.exitCode, 2);
}

void TestCli::listUnknownStorefront() {
    QVERIFY(generateDemo(20));
    const Result r =
        runDb({QStringLiteral("list"), QStringLiteral("--storefront"), QStringLiteral("nowhere")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("leadbench-cli: error:"), qPrintable(r.describe()));
    QVERIFY2(r.err.contains("nowhere"), qPrintable(r.describe()));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
}

void TestCli::listOffsetPaging() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo());
    const QStringList columns = {QStringLiteral("--columns"), QStringLiteral("id,last_event_at")};
    const QJsonArray first = listJson(QStringList{QStringLiteral("--offset"), QStringLiteral("0"),
                                                  QStringLiteral("--limit"), QStringLiteral("10")} +
                                      columns);
    const QJsonArray second =
        listJson(QStringList{QStringLiteral("--offset"), QStringLiteral("10"),
                             QStringLiteral("--limit"), QStringLiteral("10")} +
                 columns);
    const QJsonArray both =
        listJson(QStringList{QStringLiteral("--limit"), QStringLiteral("20")} + columns);
    QCOMPARE(first.size(), 10);
    QCOMPARE(second.size(), 10);
    QCOMPARE(both.size(), 20);
    QCOMPARE(idsOf(first) + idsOf(second), idsOf(both));

    // The same with another order.
    const QStringList byCreation = {QStringLiteral("--sort"), QStringLiteral("created_at:asc")};
    QCOMPARE(
        idsOf(listJson(QStringList{QStringLiteral("--limit"), QStringLiteral("7")} + byCreation)) +
            idsOf(listJson(QStringList{QStringLiteral("--offset"), QStringLiteral("7"),
                                       QStringLiteral("--limit"), QStringLiteral("7")} +
                           byCreation)),
        idsOf(listJson(QStringList{QStringLiteral("--limit"), QStringLiteral("14")} + byCreation)));
}

void TestCli::listEverySortReturnsEveryLead_data() {
    QTest::addColumn<QString>("sort");
    for (const char *sort : {"last_event_at", "created_at", "id:desc", "email:desc", "stage",
                             "next_follow_up_at", "next_follow_up_at:desc", "do_not_contact"})
        QTest::newRow(sort) << QString::fromLatin1(sort);
}

void TestCli::listEverySortReturnsEveryLead() {
    // More leads than one page of output, many of them without a planned follow-up.
    QFETCH(QString, sort);
    QVERIFY(generateDemo(2500));
    const qint64 total =
        runDb({QStringLiteral("stats")}).json().object().value(QStringLiteral("total")).toInteger();
    QVERIFY(total > 2000);
    const Result r =
        runDb({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv"),
               QStringLiteral("--columns"), QStringLiteral("id"), QStringLiteral("--sort"), sort});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QStringList ids = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(ids.takeFirst(), QStringLiteral("id"));
    QCOMPARE(qint64(ids.size()), total);
    ids.removeDuplicates();
    QCOMPARE(qint64(ids.size()), total);
}

void TestCli::scoreRescoresAndShowExplains() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(300));
    // Generated leads are scored already: only --rescore-all goes through them again.
    Result r = runDb({QStringLiteral("score")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QJsonObject summary = r.json().object();
    QCOMPARE(summary.value(QStringLiteral("scored")).toInteger(), 0);
    QCOMPARE(summary.value(QStringLiteral("model_version")).toInteger(), 1);
    QVERIFY(summary.value(QStringLiteral("seconds")).isDouble());
    r = runDb({QStringLiteral("score"), QStringLiteral("--rescore-all")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    summary = r.json().object();
    QCOMPARE(summary.value(QStringLiteral("scored")).toInteger(), 300);

    // The best lead explains its score: lines of rule and points that add up to it.
    const QJsonArray top = listJson({QStringLiteral("--sort"), QStringLiteral("score:desc"),
                                     QStringLiteral("--limit"), QStringLiteral("1")});
    const qint64 id = top.first().toObject().value(QStringLiteral("id")).toInteger();
    r = runDb({QStringLiteral("show"), QString::number(id), QStringLiteral("--format"),
               QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject lead = r.json().object();
    const qint64 score = lead.value(QStringLiteral("score")).toInteger();
    QVERIFY(score > 0);
    QCOMPARE(lead.value(QStringLiteral("grade")).toString(), QStringLiteral("A"));
    const QJsonArray lines = lead.value(QStringLiteral("score_explanation")).toArray();
    QVERIFY(lines.size() > 2);
    qint64 sum = 0;
    for (const QJsonValue &v : lines) {
        QVERIFY(!v.toObject().value(QStringLiteral("rule")).toString().isEmpty());
        QVERIFY(!v.toObject().value(QStringLiteral("label")).toString().isEmpty());
        sum += v.toObject().value(QStringLiteral("points")).toInteger();
    }
    QCOMPARE(sum, score);
    QVERIFY(lead.value(QStringLiteral("win_drivers")).isArray());
}

void TestCli::scorePreviewChangesNothing() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(300));
    const QString gradeA = QStringLiteral("A");
    const auto countA = [&] {
        const Result c = runDb({QStringLiteral("count"), QStringLiteral("--grade"), gradeA});
        return c.exitCode == 0 ? c.json().object().value(QStringLiteral("count")).toInteger() : -1;
    };
    const qint64 before = countA();
    QVERIFY(before > 0 && before < 300);

    // The shipped model with the bands at 3, 2 and 1: nearly every lead would be an A.
    QJsonObject model = ScoringModel::defaultModel().toJson();
    model.insert(
        QStringLiteral("grades"),
        QJsonObject{{QStringLiteral("A"), 3}, {QStringLiteral("B"), 2}, {QStringLiteral("C"), 1}});
    const QString path = m_dir->filePath(QStringLiteral("generous.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(model).toJson());
    file.close();
    Result r = runDb({QStringLiteral("score"), QStringLiteral("--preview"), path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject preview = r.json().object();
    const qint64 scored = preview.value(QStringLiteral("scored")).toInteger();
    QVERIFY(scored > 250 && scored <= 300); // the generator's test leads are not graded
    const QJsonObject grades = preview.value(QStringLiteral("grades")).toObject();
    const qint64 a = grades.value(gradeA).toInteger();
    qint64 sum = 0;
    for (const QJsonValue &v : grades)
        sum += v.toInteger();
    QCOMPARE(sum, scored);
    QVERIFY(a > scored * 9 / 10);
    // Every lead that would become an A and is not one now changes grade.
    QVERIFY(preview.value(QStringLiteral("grade_changes")).toInteger() >= a - before);
    QCOMPARE(countA(), before); // nothing was stored

    file.open(QIODevice::WriteOnly);
    file.write("{\"rules\": 3}");
    file.close();
    r = runDb({QStringLiteral("score"), QStringLiteral("--preview"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("generous.json"), r.err.constData());
    r = runDb({QStringLiteral("score"), QStringLiteral("--preview"), path,
               QStringLiteral("--rescore-all")});
    QCOMPARE(r.exitCode, 2);
}

void TestCli::scoreEvaluateNeedsHistory() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(100));
    Result r = runDb({QStringLiteral("score"), QStringLiteral("--evaluate")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.out.count('\n'), 1); // one line
    const QJsonObject evaluation = r.json().object();
    QCOMPARE(evaluation.value(QStringLiteral("status")).toString(),
             QStringLiteral("not enough history"));
    const qint64 closed = evaluation.value(QStringLiteral("closed")).toInteger();
    QVERIFY(closed < 200);
    QVERIFY(!evaluation.contains(QStringLiteral("auc")));

    r = runDb({QStringLiteral("score")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject summary = r.json().object();
    QCOMPARE(summary.value(QStringLiteral("win_model")).toString(),
             QStringLiteral("not enough history"));
    QCOMPARE(summary.value(QStringLiteral("closed")).toInteger(), closed);
    // No number the history cannot back.
    for (const QJsonValue &v : listJson({QStringLiteral("--include-test")}))
        QCOMPARE(v.toObject().value(QStringLiteral("win_probability")).toDouble(), 0.0);

    r = runDb(
        {QStringLiteral("score"), QStringLiteral("--evaluate"), QStringLiteral("--rescore-all")});
    QCOMPARE(r.exitCode, 2);
}

void TestCli::scoreGivesOpenLeadsAWinProbability() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(3000));
    const qint64 id = openLead();
    QVERIFY(id > 0);
    auto showLead = [&] {
        const Result shown = runDb({QStringLiteral("show"), QString::number(id),
                                    QStringLiteral("--format"), QStringLiteral("json")});
        return shown.json().object();
    };
    const qint64 version = showLead().value(QStringLiteral("version")).toInteger();

    // Evaluating measures the model on the newest closed leads and changes nothing.
    Result r = runDb({QStringLiteral("score"), QStringLiteral("--evaluate")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject evaluation = r.json().object();
    QVERIFY2(evaluation.value(QStringLiteral("closed")).toInteger() >= 200, r.out.constData());
    // Generated outcomes follow the leads' features.
    QVERIFY2(evaluation.value(QStringLiteral("auc")).toDouble() > 0.6, r.out.constData());
    QVERIFY2(evaluation.value(QStringLiteral("rule_auc")).isDouble(), r.out.constData());
    QCOMPARE(evaluation.value(QStringLiteral("calibration")).toArray().size(), 10);
    QCOMPARE(showLead().value(QStringLiteral("win_probability")).toDouble(), 0.0);

    r = runDb({QStringLiteral("score")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject summary = r.json().object();
    QCOMPARE(summary.value(QStringLiteral("win_model")).toString(), QStringLiteral("trained"));
    QCOMPARE(summary.value(QStringLiteral("closed")).toInteger(),
             evaluation.value(QStringLiteral("closed")).toInteger());

    const QJsonObject lead = showLead();
    const double p = lead.value(QStringLiteral("win_probability")).toDouble();
    QVERIFY2(p > 0.0 && p < 1.0, qPrintable(QString::number(p)));
    QCOMPARE(lead.value(QStringLiteral("version")).toInteger(), version);
    const QJsonObject drivers = lead.value(QStringLiteral("win_drivers")).toObject();
    const QJsonArray up = drivers.value(QStringLiteral("up")).toArray();
    const QJsonArray down = drivers.value(QStringLiteral("down")).toArray();
    QVERIFY(up.size() <= 3 && down.size() <= 3 && up.size() + down.size() > 0);
    for (const QJsonArray &list : {up, down}) {
        for (const QJsonValue &v : list) {
            QVERIFY(!v.toObject().value(QStringLiteral("name")).toString().isEmpty());
            QVERIFY(v.toObject().value(QStringLiteral("effect")).isDouble());
        }
    }
    QCOMPARE(summary.value(QStringLiteral("win_model_retrained")).toBool(), true);

    // The same closed leads would train the same model: the stored one is used again, until
    // a closed lead changes.
    r = runDb({QStringLiteral("score")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(QStringLiteral("win_model_retrained")).toBool(), false);
    QCOMPARE(r.json().object().value(QStringLiteral("win_model")).toString(),
             QStringLiteral("trained"));
    QCOMPARE(showLead().value(QStringLiteral("win_probability")).toDouble(), p);
    const QJsonArray won = listJson({QStringLiteral("--stage"), QStringLiteral("won"),
                                     QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(won.size(), 1);
    r = runDb({QStringLiteral("set"),
               QString::number(won.first()[QStringLiteral("id")].toInteger()),
               QStringLiteral("--title"), QStringLiteral("Chief Executive Officer")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runDb({QStringLiteral("score")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(QStringLiteral("win_model_retrained")).toBool(), true);
}

void TestCli::showJson() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo());
    // The generated lead with the most marketplace touches.
    const QJsonArray top = listJson({QStringLiteral("--sort"), QStringLiteral("events:desc"),
                                     QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(top.size(), 1);
    const QJsonObject listed = top.first().toObject();
    const qint64 id = listed.value(QStringLiteral("id")).toInteger();
    const qint64 events = listed.value(QStringLiteral("events")).toInteger();
    QVERIFY2(events > 1, "the demo data has no lead with more than one event");

    Result r = runDb({QStringLiteral("show"), QString::number(id), QStringLiteral("--format"),
                      QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QJsonObject o = r.json().object();
    QCOMPARE(o.value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(o.value(QStringLiteral("email")), listed.value(QStringLiteral("email")));
    QCOMPARE(o.value(QStringLiteral("stage")), listed.value(QStringLiteral("stage")));
    for (const QString &column : canonicalColumns)
        QVERIFY2(o.contains(column), qPrintable(column));
    QCOMPARE(o.value(QStringLiteral("events")).toInteger(), events); // the count column
    QVERIFY(o.value(QStringLiteral("marketplace_events")).isArray());
    QVERIFY(o.value(QStringLiteral("activities")).isArray());
    const QJsonArray eventList = o.value(QStringLiteral("marketplace_events")).toArray();
    QCOMPARE(qint64(eventList.size()), events);
    for (const QJsonValue &e : eventList)
        QVERIFY(e.toObject()
                    .value(QStringLiteral("lead_source"))
                    .toString()
                    .contains(listed.value(QStringLiteral("offer_id")).toString()));

    // An imported lead that was merged: its history tells how.
    const QString csv = writeFile(QStringLiteral("merge.csv"),
                                  "LeadSource,FirstName,Email,Phone,CreatedTime\n"
                                  "AppSource-PLT|fabrikam.crm,Ana,ana@fabrikam.com,,"
                                  "2025-05-01T10:00:00Z\n"
                                  "AppSource-INS|fabrikam.crm,Ana,ana@fabrikam.com,+1 555 0100,"
                                  "2025-05-03T10:00:00Z\n");
    r = runDb({QStringLiteral("import"), csv});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    qint64 anaId = 0;
    for (const QJsonValue &v : listJson({QStringLiteral("--columns"), QStringLiteral("id,email")}))
        if (v.toObject().value(QStringLiteral("email")).toString() ==
            QLatin1String("ana@fabrikam.com"))
            anaId = v.toObject().value(QStringLiteral("id")).toInteger();
    QVERIFY(anaId > 0);
    r = runDb({QStringLiteral("show"), QString::number(anaId), QStringLiteral("--format"),
               QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    o = r.json().object();
    QCOMPARE(o.value(QStringLiteral("email")).toString(), QStringLiteral("ana@fabrikam.com"));
    QCOMPARE(o.value(QStringLiteral("phone")).toString(), QStringLiteral("+1 555 0100"));
    QCOMPARE(o.value(QStringLiteral("marketplace_events")).toArray().size(), 2);
    QStringList kinds;
    for (const QJsonValue &a : o.value(QStringLiteral("activities")).toArray())
        kinds << a.toObject().value(QStringLiteral("kind")).toString();
    QVERIFY2(kinds.contains(QLatin1String("created")) && kinds.contains(QLatin1String("merged")),
             qPrintable(kinds.join(QLatin1Char(','))));
}

void TestCli::showMissingLead() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(20));
    const Result r = runDb({QStringLiteral("show"), QStringLiteral("999999")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.errLines().size() == 1, qPrintable(r.describe()));
    QVERIFY2(r.err.startsWith("leadbench-cli: error:"), qPrintable(r.describe()));
    QVERIFY2(r.err.contains("999999"), qPrintable(r.describe()));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
}

void TestCli::importReportsEveryRow() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY2(runDb({QStringLiteral("init")}).exitCode == 0, "init failed");
    const QString csv = writeFile(
        QStringLiteral("leads.csv"),
        "LeadSource,ActionCode,OfferTitle,FirstName,LastName,Email,Phone,Country,Company,Title,"
        "Description,CreatedTime\n"
        "AppSource-PLT|contoso.crm-connector,PLT,CRM Connector,Ana,Silva,ana@fabrikam.com,,BR,"
        "Fabrikam,CTO,Contact me,2025-05-01T10:00:00Z\n"
        "AppSource-INS|contoso.crm-connector,INS,CRM Connector,Ana,Silva,ana@fabrikam.com,"
        "+55 11 5555 0100,BR,Fabrikam,CTO,,2025-05-03T10:00:00Z\n"
        "AppSource-PLT|contoso.crm-connector,PLT,CRM Connector,,,,+55 11 5555 0199,BR,,,,"
        "2025-05-04T10:00:00Z\n");
    const Result r = runDb({QStringLiteral("import"), csv});
    QCOMPARE(r.exitCode, 2);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    const QJsonDocument last = QJsonDocument::fromJson(lines.last());
    QVERIFY2(last.isObject(), qPrintable(r.describe()));
    const QJsonObject summary = last.object();
    QCOMPARE(
        sorted(summary.keys()),
        (QStringList{QStringLiteral("errors"), QStringLiteral("imported"), QStringLiteral("merged"),
                     QStringLiteral("read"), QStringLiteral("rejected"), QStringLiteral("skipped"),
                     QStringLiteral("unchanged"), QStringLiteral("warnings")}));
    QCOMPARE(summary.value(QStringLiteral("read")).toInteger(), 3);
    QCOMPARE(summary.value(QStringLiteral("imported")).toInteger(), 1);
    QCOMPARE(summary.value(QStringLiteral("merged")).toInteger(), 1);
    QCOMPARE(summary.value(QStringLiteral("rejected")).toInteger(), 1);
    const QJsonArray errors = summary.value(QStringLiteral("errors")).toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().toObject().value(QStringLiteral("line")).toInteger(), 4);
    QVERIFY(!errors.first().toObject().value(QStringLiteral("message")).toString().isEmpty());
    // The rejected row is named on stderr too.
    QVERIFY2(r.err.contains("line 4"), qPrintable(r.describe()));

    // The good rows landed: one lead with two events.
    const QJsonArray rows = listJson({});
    QCOMPARE(rows.size(), 1);
    const QJsonObject ana = rows.first().toObject();
    QCOMPARE(ana.value(QStringLiteral("email")).toString(), QStringLiteral("ana@fabrikam.com"));
    QCOMPARE(ana.value(QStringLiteral("storefront")).toString(), QStringLiteral("appsource"));
    QCOMPARE(ana.value(QStringLiteral("offer_id")).toString(),
             QStringLiteral("contoso.crm-connector"));
    QCOMPARE(ana.value(QStringLiteral("events")).toInteger(), 2);
    QCOMPARE(ana.value(QStringLiteral("phone")).toString(), QStringLiteral("+55 11 5555 0100"));
}

void TestCli::databaseFromEnvironment() {
    const QString envDb = m_dir->filePath(QStringLiteral("from-env.sqlite"));
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("LEADBENCH_DB"), envDb);

    Result r = run({QStringLiteral("init")}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(QFile::exists(envDb));
    r = run({QStringLiteral("generate"), QStringLiteral("--count"), QStringLiteral("25"),
             QStringLiteral("--end"), QStringLiteral("2026-01-01")},
            env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    // The same leads through --db, and nothing in the per-user default location.
    r = run(
        {QStringLiteral("--db"), envDb, QStringLiteral("stats"), QStringLiteral("--include-test")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(QStringLiteral("total")).toInteger(), 25);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("xdg-data/leadbench/leadbench.sqlite"))));
    QVERIFY(!QFile::exists(dbPath()));

    // --db wins over the environment; a read command never creates a database.
    r = run({QStringLiteral("--db"), dbPath(), QStringLiteral("stats")}, env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no Leadbench database at"), qPrintable(r.describe()));
    QVERIFY(!QFile::exists(dbPath()));
    r = run({QStringLiteral("--db"), dbPath(), QStringLiteral("init")}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = run({QStringLiteral("--db"), dbPath(), QStringLiteral("stats")}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(QStringLiteral("total")).toInteger(), 0);
}

void TestCli::newerSchemaRefused() {
    Result r = runDb({QStringLiteral("init")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst_cli_schema"));
        db.setDatabaseName(dbPath());
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        QVERIFY2(
            q.exec(QStringLiteral("UPDATE meta SET value = '99' WHERE key = 'schema_version'")),
            qPrintable(q.lastError().text()));
        QCOMPARE(q.numRowsAffected(), 1);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tst_cli_schema"));

    for (const QStringList &args :
         {QStringList{QStringLiteral("stats")}, QStringList{QStringLiteral("init")},
          QStringList{QStringLiteral("list"), QStringLiteral("--format"),
                      QStringLiteral("json")}}) {
        r = runDb(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errLines().size() == 1, qPrintable(r.describe()));
        QVERIFY2(r.err.startsWith("leadbench-cli: error:"), qPrintable(r.describe()));
        QVERIFY2(r.err.contains("newer"), qPrintable(r.describe()));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
    }

    // Left untouched.
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst_cli_schema"));
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("99"));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tst_cli_schema"));
}

namespace {
// The first generated lead of a list, as JSON.
QJsonObject firstLead(const QJsonArray &leads) {
    return leads.isEmpty() ? QJsonObject() : leads.first().toObject();
}
} // namespace

void TestCli::setChangesALead() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(40));
    const QJsonObject lead = firstLead(listJson({QStringLiteral("--stage"), QStringLiteral("new"),
                                                 QStringLiteral("--limit"), QStringLiteral("1")}));
    const QString id = QString::number(lead.value(QStringLiteral("id")).toInteger());
    Result r =
        runDb({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json")});
    const qint64 version = r.json().object().value(QStringLiteral("version")).toInteger();
    r = runDb({QStringLiteral("set"), id, QStringLiteral("--stage"), QStringLiteral("contacted"),
               QStringLiteral("--owner"), QStringLiteral("sam.patel"), QStringLiteral("--score"),
               QStringLiteral("64"), QStringLiteral("--next-follow-up-at"),
               QStringLiteral("2026-12-03T10:00:00+01:00"), QStringLiteral("--if-version"),
               QString::number(version)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject updated = r.json().object();
    QCOMPARE(updated.value(QStringLiteral("stage")).toString(), QStringLiteral("contacted"));
    QCOMPARE(updated.value(QStringLiteral("owner")).toString(), QStringLiteral("sam.patel"));
    QCOMPARE(updated.value(QStringLiteral("score")).toInteger(), 64);
    QCOMPARE(updated.value(QStringLiteral("next_follow_up_at")).toString(),
             QStringLiteral("2026-12-03T09:00:00Z"));
    QCOMPARE(updated.value(QStringLiteral("version")).toInteger(), version + 1);
    // What show says afterwards is what set printed.
    r = runDb({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.json().object().value(QStringLiteral("owner")).toString(),
             QStringLiteral("sam.patel"));
    // Clearing a follow-up.
    r = runDb({QStringLiteral("set"), id, QStringLiteral("--next-follow-up-at"), QString()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(r.json().object().value(QStringLiteral("next_follow_up_at")).isNull());
}

void TestCli::setKeepsTheStageRules() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(runDb({QStringLiteral("init")}).exitCode == 0);
    const qint64 id = TestDatabase::insertLead(m_backendDb->database(), [] {
        Lead l;
        l.storefront = Storefront::AppSource;
        l.action = QStringLiteral("PLT");
        l.email = QStringLiteral("ana@fabrikam.com");
        l.stage = Stage::Qualified;
        l.createdAt = QDateTime::currentDateTimeUtc();
        l.lastEventAt = l.createdAt;
        return l;
    }());
    const QString lead = QString::number(id);
    Result r = runDb(
        {QStringLiteral("set"), lead, QStringLiteral("--stage"), QStringLiteral("contacted")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("moving back from qualified to contacted needs a note"),
             qPrintable(r.describe()));
    r = runDb({QStringLiteral("set"), lead, QStringLiteral("--stage"), QStringLiteral("contacted"),
               QStringLiteral("--note"), QStringLiteral("budget frozen")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runDb({QStringLiteral("history"), lead, QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(r.out.contains("budget frozen"), qPrintable(r.describe()));
    // Taking back one's own latest move is an undo; someone else's needs its reason.
    r = runDb(
        {QStringLiteral("set"), lead, QStringLiteral("--stage"), QStringLiteral("nurturing")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runDb(
        {QStringLiteral("set"), lead, QStringLiteral("--stage"), QStringLiteral("contacted")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(LeadWriter(m_backendDb->database())
                 .update(id, 0,
                         LeadChanges().set(QStringLiteral("stage"), QStringLiteral("nurturing")),
                         QStringLiteral("alex.kim"))
                 .status,
             UpdateResult::Status::Updated);
    r = runDb(
        {QStringLiteral("set"), lead, QStringLiteral("--stage"), QStringLiteral("contacted")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("moving back from nurturing to contacted needs a note"),
             qPrintable(r.describe()));
    // Outreach to a do-not-contact lead is refused; a task is not outreach.
    r = runDb(
        {QStringLiteral("set"), lead, QStringLiteral("--do-not-contact"), QStringLiteral("true")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runDb({QStringLiteral("set"), lead, QStringLiteral("--next-follow-up"),
               QStringLiteral("2026-12-03T09:00:00Z"), QStringLiteral("--kind"),
               QStringLiteral("email")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("do-not-contact: no email can be scheduled"), qPrintable(r.describe()));
    r = runDb({QStringLiteral("set"), lead, QStringLiteral("--next-follow-up"),
               QStringLiteral("2026-12-03T09:00:00Z"), QStringLiteral("--kind"),
               QStringLiteral("task")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runDb({QStringLiteral("mailto"), lead});
    QCOMPARE(r.exitCode, 2);
    r = runDb({QStringLiteral("set"), lead, QStringLiteral("--kind"), QStringLiteral("fax")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("\"fax\" is not a follow-up kind"), qPrintable(r.describe()));
    r = runDb({QStringLiteral("set"), lead, QStringLiteral("--campaign"), QStringLiteral("nope")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no campaign named \"nope\""), qPrintable(r.describe()));
    // Closing clears the follow-up.
    r = runDb({QStringLiteral("set"), lead, QStringLiteral("--stage"), QStringLiteral("lost")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(r.json().object().value(QStringLiteral("next_follow_up_at")).isNull());
}

void TestCli::logDueAndCadence() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(runDb({QStringLiteral("init")}).exitCode == 0);
    QList<qint64> ids;
    for (const char *email : {"ana@fabrikam.com", "bo@fabrikam.com"})
        ids << TestDatabase::insertLead(m_backendDb->database(), [email] {
            Lead l;
            l.storefront = Storefront::AppSource;
            l.action = QStringLiteral("PLT");
            l.email = QLatin1String(email);
            l.firstName = QStringLiteral("Ana");
            l.owner = QStringLiteral("sam");
            l.createdAt = QDateTime::currentDateTimeUtc();
            l.lastEventAt = l.createdAt;
            return l;
        }());
    Result r = runDb({QStringLiteral("cadence"), QStringLiteral("list")});
    QVERIFY2(r.out.contains("Contact me  0 email, 2 call, 5 email"), qPrintable(r.describe()));
    // A cadence without a name is refused, not listed as a blank row.
    const QByteArray listed = r.out;
    r = runDb({QStringLiteral("cadence"), QStringLiteral("add"), QStringLiteral(" "),
               QStringLiteral("--touches"), QStringLiteral("0 call")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("needs the cadence's NAME"), qPrintable(r.describe()));
    QCOMPARE(runDb({QStringLiteral("cadence"), QStringLiteral("list")}).out, listed);
    r = runDb({QStringLiteral("cadence"), QStringLiteral("enroll"), QStringLiteral("Contact me"),
               QString::number(ids.at(0)), QString::number(ids.at(1))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // Both due now: the Due queue has them, oldest first, with their kind.
    r = runDb({QStringLiteral("due"), QStringLiteral("--owner"), QStringLiteral("sam"),
               QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonArray due = r.json().array();
    QCOMPARE(due.size(), 2);
    QCOMPARE(due.at(0).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("email"));
    QCOMPARE(due.at(0).toObject().value(QStringLiteral("cadence")).toString(),
             QStringLiteral("Contact me"));
    // Logging the email schedules the day-2 call: out of today's queue.
    r = runDb({QStringLiteral("log"), QString::number(ids.at(0)), QStringLiteral("--kind"),
               QStringLiteral("email"), QStringLiteral("--outcome"), QStringLiteral("sent"),
               QStringLiteral("--text"), QStringLiteral("intro and deck")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(QStringLiteral("follow_ups")).toInteger(), 1);
    QCOMPARE(r.json().object().value(QStringLiteral("stage")).toString(),
             QStringLiteral("contacted"));
    r = runDb({QStringLiteral("due"), QStringLiteral("--owner"), QStringLiteral("sam"),
               QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.json().array().size(), 1);
    r = runDb({QStringLiteral("history"), QString::number(ids.at(0)), QStringLiteral("--format"),
               QStringLiteral("csv")});
    QVERIFY2(r.out.contains("touch email"), qPrintable(r.describe()));
    QVERIFY2(r.out.contains("sent: intro and deck"), qPrintable(r.describe()));
    r = runDb({QStringLiteral("log"), QString::number(ids.at(0)), QStringLiteral("--kind"),
               QStringLiteral("fax"), QStringLiteral("--outcome"), QStringLiteral("sent")});
    QCOMPARE(r.exitCode, 2);
    r = runDb({QStringLiteral("mailto"), QString::number(ids.at(1))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.startsWith("mailto:bo@fabrikam.com?subject="), qPrintable(r.describe()));
}

void TestCli::campaignsAndSla() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(60));
    Result r =
        runDb({QStringLiteral("campaign"), QStringLiteral("add"), QStringLiteral("Ignite 2026"),
               QStringLiteral("--kind"), QStringLiteral("event"), QStringLiteral("--starts"),
               QStringLiteral("2026-11-18"), QStringLiteral("--budget"), QStringLiteral("12000")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runDb({QStringLiteral("campaign"), QStringLiteral("add"), QStringLiteral("X"),
               QStringLiteral("--kind"), QStringLiteral("party")});
    QCOMPARE(r.exitCode, 2);
    const QJsonObject lead = firstLead(listJson({QStringLiteral("--limit"), QStringLiteral("1")}));
    const QString id = QString::number(lead.value(QStringLiteral("id")).toInteger());
    r = runDb(
        {QStringLiteral("campaign"), QStringLiteral("link"), QStringLiteral("Ignite 2026"), id});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runDb({QStringLiteral("campaign"), QStringLiteral("list"), QStringLiteral("--format"),
               QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    qint64 linked = -1, total = 0;
    for (const QJsonValue &v : r.json().array()) {
        total += v.toObject().value(QStringLiteral("leads")).toInteger();
        if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Ignite 2026"))
            linked = v.toObject().value(QStringLiteral("leads")).toInteger();
    }
    QCOMPARE(linked, 1);
    QVERIFY(total > 30); // the demo leads' campaigns are campaigns
    // list and count take the campaign, origin and destination like any filter.
    const QJsonArray inCampaign =
        listJson({QStringLiteral("--campaign"), QStringLiteral("Ignite 2026")});
    QCOMPARE(inCampaign.size(), 1);
    QCOMPARE(inCampaign.first()[QStringLiteral("id")].toInteger(),
             lead.value(QStringLiteral("id")).toInteger());
    r = runDb({QStringLiteral("count"), QStringLiteral("--origin"), QStringLiteral("marketplace")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(r.json().object().value(QStringLiteral("count")).toInteger() > 0);
    r = runDb({QStringLiteral("count"), QStringLiteral("--origin"), QStringLiteral("fax")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--origin: \"fax\" is not an origin"), qPrintable(r.describe()));
    r = runDb(
        {QStringLiteral("count"), QStringLiteral("--destination"), QStringLiteral("co-sell")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runDb({QStringLiteral("list"), QStringLiteral("--destination"), QStringLiteral("email")});
    QCOMPARE(r.exitCode, 2);
    // Rules are edited and listed: every PLT lead on any storefront to the event.
    r = runDb({QStringLiteral("campaign"), QStringLiteral("rule"), QStringLiteral("any"),
               QStringLiteral("PLT"), QStringLiteral("Ignite 2026")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runDb({QStringLiteral("campaign"), QStringLiteral("rules"), QStringLiteral("--format"),
               QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().array().size(), 7);
    QCOMPARE(r.json().array().last().toObject().value(QStringLiteral("storefront")).toString(),
             QStringLiteral("any"));
    r = runDb({QStringLiteral("campaign"), QStringLiteral("rule"), QStringLiteral("any"),
               QStringLiteral("PLT"), QStringLiteral("Nope")});
    QCOMPARE(r.exitCode, 2);
    r = runDb({QStringLiteral("sla"), QStringLiteral("--format"), QStringLiteral("json"),
               QStringLiteral("--set-target"), QStringLiteral("12")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(!r.json().array().isEmpty());
    QCOMPARE(r.json().array().at(0).toObject().value(QStringLiteral("target_hours")).toInt(), 12);
}

void TestCli::setLosingTheRaceChangesNothing() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(20));
    const QJsonObject lead = firstLead(listJson({QStringLiteral("--limit"), QStringLiteral("1")}));
    const QString id = QString::number(lead.value(QStringLiteral("id")).toInteger());
    Result r =
        runDb({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json")});
    const qint64 version = r.json().object().value(QStringLiteral("version")).toInteger();
    const QStringList mine = {QStringLiteral("set"),          id,
                              QStringLiteral("--owner"),      QStringLiteral("sam"),
                              QStringLiteral("--if-version"), QString::number(version)};
    r = runDb({QStringLiteral("set"), id, QStringLiteral("--owner"), QStringLiteral("kim"),
               QStringLiteral("--if-version"), QString::number(version)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runDb(mine);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("version " + QByteArray::number(version + 1)),
             qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(QStringLiteral("owner")).toString(), QStringLiteral("kim"));
    r = runDb({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.json().object().value(QStringLiteral("owner")).toString(), QStringLiteral("kim"));
    QCOMPARE(r.json().object().value(QStringLiteral("version")).toInteger(), version + 1);
}

void TestCli::setRefusesBadValues_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown stage")
        << QStringList{QStringLiteral("1"), QStringLiteral("--stage"), QStringLiteral("sold")} << 2
        << QStringLiteral("\"sold\" is not a stage");
    QTest::newRow("bad date") << QStringList{QStringLiteral("1"),
                                             QStringLiteral("--next-follow-up-at"),
                                             QStringLiteral("next week")}
                              << 2 << QStringLiteral("not an ISO 8601 time");
    QTest::newRow("score out of range")
        << QStringList{QStringLiteral("1"), QStringLiteral("--score"), QStringLiteral("101")} << 2
        << QStringLiteral("between 0 and 100");
    QTest::newRow("a column Leadbench keeps")
        << QStringList{QStringLiteral("1"), QStringLiteral("--events"), QStringLiteral("3")} << 2
        << QStringLiteral("unknown option --events");
    QTest::newRow("unknown origin")
        << QStringList{QStringLiteral("1"), QStringLiteral("--origin"), QStringLiteral("banana")}
        << 2 << QStringLiteral("is not an origin");
    QTest::newRow("follow-ups beyond counting")
        << QStringList{QStringLiteral("1"), QStringLiteral("--follow-ups"),
                       QStringLiteral("99999999999")}
        << 2 << QStringLiteral("is not a count");
    QTest::newRow("nothing to change")
        << QStringList{QStringLiteral("1")} << 2 << QStringLiteral("needs a column to change");
    QTest::newRow("no such lead") << QStringList{QStringLiteral("99999"), QStringLiteral("--owner"),
                                                 QStringLiteral("sam")}
                                  << 1 << QStringLiteral("no lead with id 99999");
    QTest::newRow("not an id") << QStringList{QStringLiteral("first"), QStringLiteral("--owner"),
                                              QStringLiteral("sam")}
                               << 2 << QStringLiteral("\"first\" is not a lead id");
}

void TestCli::setRefusesBadValues() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QVERIFY(generateDemo(5));
    const QByteArray before = runDb({QStringLiteral("show"), QStringLiteral("1")}).out;
    const Result r = runDb(QStringList{QStringLiteral("set")} + arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message.toUtf8()), qPrintable(r.describe()));
    QVERIFY2(r.err.startsWith("leadbench-cli: error: "), qPrintable(r.describe()));
    QCOMPARE(runDb({QStringLiteral("show"), QStringLiteral("1")}).out, before);
}

void TestCli::deleteAndRestore() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(30));
    const QJsonArray leads = listJson({QStringLiteral("--sort"), QStringLiteral("id"),
                                       QStringLiteral("--limit"), QStringLiteral("2")});
    const QString a =
        QString::number(leads.at(0).toObject().value(QStringLiteral("id")).toInteger());
    const QString b =
        QString::number(leads.at(1).toObject().value(QStringLiteral("id")).toInteger());
    const QString email = leads.at(0).toObject().value(QStringLiteral("email")).toString();
    const QByteArray shownBefore =
        runDb({QStringLiteral("show"), a, QStringLiteral("--format"), QStringLiteral("json")}).out;
    const qint64 total =
        runDb({QStringLiteral("count")}).json().object().value(QStringLiteral("count")).toInteger();

    Result r = runDb({QStringLiteral("delete"), a, b, QStringLiteral("999999")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no lead with id 999999"), qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(QStringLiteral("deleted")).toArray().size(), 2);
    QCOMPARE(
        runDb({QStringLiteral("count")}).json().object().value(QStringLiteral("count")).toInteger(),
        total - 2);
    r = runDb({QStringLiteral("show"), a});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is in the trash; 'leadbench-cli restore " + a.toUtf8()),
             qPrintable(r.describe()));
    QCOMPARE(listJson({QStringLiteral("--search"), email}).size(), 0);
    // The trash lists them, newest first, with who deleted them.
    r = runDb({QStringLiteral("trash"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().array().size(), 2);
    QStringList trashed;
    for (const QJsonValue &v : r.json().array())
        trashed << QString::number(v.toObject().value(QStringLiteral("id")).toInteger());
    QCOMPARE(trashed.size(), 2);
    QVERIFY(trashed.contains(a) && trashed.contains(b));
    for (const QJsonValue &v : r.json().array()) {
        if (QString::number(v.toObject().value(QStringLiteral("id")).toInteger()) == a)
            QCOMPARE(v.toObject().value(QStringLiteral("email")).toString(), email);
    }
    const QStringList table =
        QString::fromUtf8(runDb({QStringLiteral("trash")}).out).split(QLatin1Char('\n'));
    QVERIFY2(std::any_of(table.cbegin(), table.cend(),
                         [&](const QString &line) {
                             return line.startsWith(a + QLatin1Char(' ')) &&
                                    line.contains(email.left(20));
                         }),
             qPrintable(table.join(QLatin1Char('\n'))));

    r = runDb({QStringLiteral("restore"), a, b});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(QStringLiteral("restored")).toArray().size(), 2);
    QCOMPARE(
        runDb({QStringLiteral("count")}).json().object().value(QStringLiteral("count")).toInteger(),
        total);
    QCOMPARE(listJson({QStringLiteral("--search"), email}).size(), 1);
    // The same lead, with its events and earlier activities, and the delete and restore after.
    QJsonObject before = QJsonDocument::fromJson(shownBefore).object();
    QJsonObject after =
        runDb({QStringLiteral("show"), a, QStringLiteral("--format"), QStringLiteral("json")})
            .json()
            .object();
    QJsonArray activities = after.take(QStringLiteral("activities")).toArray();
    const QJsonArray earlier = before.take(QStringLiteral("activities")).toArray();
    QCOMPARE(activities.size(), earlier.size() + 2);
    QCOMPARE(activities.at(earlier.size()).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("deleted"));
    QCOMPARE(activities.last().toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("restored"));
    auto withoutIds = [](QJsonObject o) {
        QJsonArray events;
        for (const QJsonValue &e : o.take(QStringLiteral("marketplace_events")).toArray()) {
            QJsonObject event = e.toObject();
            event.remove(QStringLiteral("id"));
            events.append(event);
        }
        o.insert(QStringLiteral("marketplace_events"), events);
        return o;
    };
    QCOMPARE(withoutIds(after), withoutIds(before));
    // Restoring what is not in the trash says so.
    r = runDb({QStringLiteral("restore"), a});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("not in the trash"), qPrintable(r.describe()));
}

void TestCli::historyInTimeOrder() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(20));
    const QJsonObject lead = firstLead(listJson({QStringLiteral("--limit"), QStringLiteral("1")}));
    const QString id = QString::number(lead.value(QStringLiteral("id")).toInteger());
    QCOMPARE(runDb({QStringLiteral("set"), id, QStringLiteral("--score"), QStringLiteral("55"),
                    QStringLiteral("--do-not-contact"), QStringLiteral("true")})
                 .exitCode,
             0);
    const Result r =
        runDb({QStringLiteral("history"), id, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonArray lines = r.json().array();
    QVERIFY(lines.size() >= 3);
    QCOMPARE(lines.first().toObject().value(QStringLiteral("type")).toString(),
             QStringLiteral("event"));
    QString previous;
    bool score = false, flag = false;
    for (const QJsonValue &v : lines) {
        const QJsonObject line = v.toObject();
        const QString at = line.value(QStringLiteral("at")).toString();
        QVERIFY2(previous <= at, qPrintable(previous + QStringLiteral(" after ") + at));
        previous = at;
        if (line.value(QStringLiteral("field")).toString() == QLatin1String("score")) {
            score = true;
            QVERIFY(line.value(QStringLiteral("new_value")).isDouble()); // a number, not text
            QCOMPARE(line.value(QStringLiteral("new_value")).toInteger(), 55);
        }
        if (line.value(QStringLiteral("field")).toString() == QLatin1String("do_not_contact")) {
            flag = true;
            QCOMPARE(line.value(QStringLiteral("new_value")), QJsonValue(true));
        }
    }
    QVERIFY(score && flag);
    const Result table = runDb({QStringLiteral("history"), id});
    QVERIFY2(table.out.contains("changed score") && table.out.contains("-> 55"),
             qPrintable(table.describe()));
    QCOMPARE(runDb({QStringLiteral("history"), QStringLiteral("99999")}).exitCode, 1);
}

void TestCli::listSortsByNameAsShown() {
    QVERIFY(generateDemo(60));
    const QJsonArray leads =
        listJson({QStringLiteral("--sort"), QStringLiteral("name"), QStringLiteral("--columns"),
                  QStringLiteral("first_name,last_name")});
    QStringList names;
    for (const QJsonValue &v : leads)
        names << (v.toObject().value(QStringLiteral("first_name")).toString() + QLatin1Char(' ') +
                  v.toObject().value(QStringLiteral("last_name")).toString())
                     .trimmed();
    QCOMPARE(names.size(), 60);
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(names, sorted);
}

void TestCli::timesWithoutOffsetAreUtc() {
    // 02:30 on 2024-03-31 does not exist in Berlin (clocks jump to 03:00); in UTC it does.
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Berlin"));
    const QString csv = writeFile(QStringLiteral("tz.csv"),
                                  "LeadSource,FirstName,Email,CreatedTime\n"
                                  "AppSource-PLT|a.b,Ana,ana@fabrikam.com,2024-03-31T02:30:00\n"
                                  "AppSource-PLT|a.b,Bo,bo@fabrikam.com,2024-07-01 09:15:00\n");
    Result r = run({QStringLiteral("--db"), dbPath(), QStringLiteral("import"), csv}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = run({QStringLiteral("--db"), dbPath(), QStringLiteral("list"), QStringLiteral("--format"),
             QStringLiteral("csv"), QStringLiteral("--columns"), QStringLiteral("email,created_at"),
             QStringLiteral("--sort"), QStringLiteral("created_at")},
            env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.out, QByteArray("email,created_at\n"
                               "ana@fabrikam.com,2024-03-31T02:30:00Z\n"
                               "bo@fabrikam.com,2024-07-01T09:15:00Z\n"));
}

void TestCli::concurrentWritersWaitTheirTurn() {
    // Two programs creating and filling the same new database at once: both succeed.
    QList<QProcess *> running;
    for (const char *seed : {"11", "12"}) {
        auto *p = new QProcess(this);
        p->setProcessEnvironment(environment());
        p->start(QStringLiteral(LEADBENCH_CLI_PATH),
                 {QStringLiteral("--db"), dbPath(), QStringLiteral("generate"),
                  QStringLiteral("--count"), QStringLiteral("3000"), QStringLiteral("--seed"),
                  QString::fromLatin1(seed)});
        running << p;
    }
    for (QProcess *p : running) {
        QVERIFY(p->waitForFinished(120000));
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        delete p;
    }
    const Result r = runDb({QStringLiteral("count"), QStringLiteral("--include-test")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(QStringLiteral("count")).toInteger(), 6000);
}

void TestCli::missingImportFileCreatesNothing() {
    const Result r = runDb({QStringLiteral("import"), m_dir->filePath(QStringLiteral("nope.csv"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("nope.csv"), qPrintable(r.describe()));
    QVERIFY(!QFile::exists(dbPath()));
}

void TestCli::reimportingAnExportChangesNothing() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(300));
    Result r = runDb({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const qint64 exported = r.out.count('\n') - 1;
    const QString csv = writeFile(QStringLiteral("export.csv"), r.out);
    r = runDb({QStringLiteral("import"), csv});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject summary =
        QJsonDocument::fromJson(r.out.trimmed().split('\n').last()).object();
    QCOMPARE(summary.value(QStringLiteral("read")).toInteger(), exported);
    QCOMPARE(summary.value(QStringLiteral("unchanged")).toInteger(), exported);
    QCOMPARE(summary.value(QStringLiteral("merged")).toInteger(), 0);
    QCOMPARE(summary.value(QStringLiteral("imported")).toInteger(), 0);
}

void TestCli::unknownHeaderColumnsAreReported() {
    const QString csv = writeFile(QStringLiteral("typo.csv"), "frist_name,email\nAna,ana@x.com\n");
    Result r = runDb({QStringLiteral("import"), csv});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("warning: ") && r.err.contains("line 1: column 1 \"frist_name\""),
             qPrintable(r.describe()));
    // Semicolons are detected; a comma given by hand leaves one column, and the error says why.
    const QString semi = writeFile(QStringLiteral("semi.csv"), "email;first_name\nana@x.com;Ana\n");
    r = runDb({QStringLiteral("import"), semi, QStringLiteral("--delimiter"), QStringLiteral(",")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("semicolons"), qPrintable(r.describe()));
    r = runDb({QStringLiteral("import"), semi});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
}

void TestCli::previewShowsTheFileAndWritesNothing() {
    const QString csv =
        writeFile(QStringLiteral("preview.csv"), "Voornaam;Achternaam;E-mail;Bedrijf\r\n"
                                                 "J\xFCrgen;M\xFCller;jm@contoso.de;Caf\xE9\r\n"
                                                 "Sanne;de Vries\r\n"
                                                 "Piet;Jansen;piet@contoso.nl;Contoso\r\n");
    const Result r =
        runDb({QStringLiteral("preview"), csv, QStringLiteral("--rows"), QStringLiteral("1")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject p = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(p.value(QStringLiteral("format")).toString(), QStringLiteral("csv"));
    QCOMPARE(p.value(QStringLiteral("encoding")).toString(), QStringLiteral("windows-1252"));
    QCOMPARE(p.value(QStringLiteral("delimiter")).toString(), QStringLiteral(";"));
    QCOMPARE(p.value(QStringLiteral("line_ending")).toString(), QStringLiteral("CRLF"));
    QCOMPARE(p.value(QStringLiteral("header")).toArray().at(1).toString(),
             QStringLiteral("Achternaam"));
    const QJsonArray records = p.value(QStringLiteral("records")).toArray();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().toArray().at(1).toString(), QStringLiteral("Müller"));
    QStringList targets;
    for (const QJsonValue &c :
         p.value(QStringLiteral("mapping")).toObject().value(QStringLiteral("columns")).toArray())
        targets << c.toObject().value(QStringLiteral("target")).toString();
    QCOMPARE(targets, (QStringList{QStringLiteral("first_name"), QStringLiteral("last_name"),
                                   QStringLiteral("email"), QStringLiteral("company")}));
    QVERIFY2(!QFile::exists(dbPath()), "preview created the database");

    // A value the import leaves out is named with its line, and the record still lands.
    const QString odd =
        writeFile(QStringLiteral("odd.csv"), "Email;Land\nana@fabrikam.com;Atlantis\n");
    const Result imported = runDb({QStringLiteral("import"), odd});
    QVERIFY2(imported.exitCode == 0 && imported.out.contains("\"warnings\":1"),
             qPrintable(imported.describe()));
    QVERIFY2(imported.err.contains("odd.csv: line 2: ") && imported.err.contains("Atlantis"),
             qPrintable(imported.describe()));

    const Result missing =
        runDb({QStringLiteral("preview"), m_dir->filePath(QStringLiteral("nope.csv"))});
    QCOMPARE(missing.exitCode, 1); // as import says it
    QVERIFY2(missing.err.contains("nope.csv"), qPrintable(missing.describe()));
}

void TestCli::importOptions() {
    const QString first =
        writeFile(QStringLiteral("first.csv"), "LeadSource,Email,Company\n"
                                               "AppSource-PLT|contoso.crm,ana@fabrikam.com,\n");
    const QString second = writeFile(QStringLiteral("second.json"),
                                     "[{\"UserDetails\":{\"Email\":\"ana@fabrikam.com\","
                                     "\"Company\":\"Fabrikam\"},\"LeadSource\":"
                                     "\"AppSource-INS|contoso.crm\"},{\"UserDetails\":"
                                     "{\"Email\":\"bo@contoso.com\"},\"LeadSource\":"
                                     "\"AppSource-PLT|contoso.crm\"}]");
    // A dry run counts and stores nothing.
    Result r = runDb({QStringLiteral("import"), first, second, QStringLiteral("--dry-run")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains("\"dry_run\":true") && r.out.contains("\"imported\":2") &&
                 r.out.contains("\"merged\":1"),
             qPrintable(r.describe()));
    QCOMPARE(listJson({}).size(), 0);
    // Skipping duplicates leaves the stored lead alone.
    r = runDb({QStringLiteral("import"), first});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runDb({QStringLiteral("import"), second, QStringLiteral("--on-duplicate"),
               QStringLiteral("skip")});
    QVERIFY2(r.exitCode == 0 && r.out.contains("\"skipped\":1") && r.out.contains("\"imported\":1"),
             qPrintable(r.describe()));
    QJsonArray leads = listJson({QStringLiteral("--columns"), QStringLiteral("email,company"),
                                 QStringLiteral("--sort"), QStringLiteral("email")});
    QCOMPARE(leads.size(), 2);
    QCOMPARE(leads.first().toObject().value(QStringLiteral("company")).toString(), QString());
    r = runDb({QStringLiteral("import"), second, QStringLiteral("--on-duplicate"),
               QStringLiteral("ignore")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--on-duplicate"), qPrintable(r.describe()));

    // A mapping saved by name applies to the next file with the same header.
    const QString crm =
        writeFile(QStringLiteral("crm.csv"), "Kontakt,Mail\nJan de Vries,jan@fabrikam.nl\n");
    const QString profile = writeFile(QStringLiteral("profile.json"),
                                      "{\"name\":\"Our CRM\",\"columns\":[{\"header\":\"Kontakt\","
                                      "\"target\":\"full_name\"},{\"header\":\"Mail\",\"target\":"
                                      "\"email\"}]}");
    r = runDb({QStringLiteral("import"), crm, QStringLiteral("--mapping"), profile,
               QStringLiteral("--save-mapping"), QStringLiteral("Our CRM")});
    QVERIFY2(r.exitCode == 0 && r.out.contains("\"imported\":1"), qPrintable(r.describe()));
    const QString next =
        writeFile(QStringLiteral("crm2.csv"), "Kontakt,Mail\nBo Berg,bo@contoso.se\n");
    r = runDb(
        {QStringLiteral("import"), next, QStringLiteral("--mapping"), QStringLiteral("Our CRM")});
    QVERIFY2(r.exitCode == 0 && r.out.contains("\"imported\":1"), qPrintable(r.describe()));
    leads = listJson({QStringLiteral("--columns"), QStringLiteral("first_name,last_name,email"),
                      QStringLiteral("--search"), QStringLiteral("contoso.se")});
    QCOMPARE(leads.size(), 1);
    QCOMPARE(leads.first().toObject().value(QStringLiteral("last_name")).toString(),
             QStringLiteral("Berg"));
    r = runDb(
        {QStringLiteral("import"), next, QStringLiteral("--mapping"), QStringLiteral("Nobody's")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("Our CRM"), qPrintable(r.describe())); // names the profiles there are
}

void TestCli::importsADutchExcelFile() {
    // Semicolons and Windows-1252, as Dutch Excel saves CSV: detected, or named by hand.
    const QString csv = writeFile(QStringLiteral("nl.csv"),
                                  "FirstName;LastName;Email;Company\r\n"
                                  "J\xFCrgen;M\xFCller;jurgen@mueller.de;Caf\xE9 \x80uro\r\n");
    Result r = runDb({QStringLiteral("import"), csv});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QJsonArray leads =
        listJson({QStringLiteral("--columns"), QStringLiteral("first_name,last_name,company")});
    QCOMPARE(leads.size(), 1);
    QCOMPARE(leads.first().toObject().value(QStringLiteral("last_name")).toString(),
             QStringLiteral("Müller"));
    QCOMPARE(leads.first().toObject().value(QStringLiteral("company")).toString(),
             QStringLiteral("Café €uro"));

    // Told it is UTF-8, the same row is rejected for its bytes, with its line.
    r = runDb({QStringLiteral("import"), csv, QStringLiteral("--encoding"), QStringLiteral("utf-8"),
               QStringLiteral("--delimiter"), QStringLiteral(";")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("nl.csv: line 2: is not valid UTF-8"), qPrintable(r.describe()));

    r = runDb({QStringLiteral("import"), csv, QStringLiteral("--encoding"),
               QStringLiteral("windows-1252"), QStringLiteral("--delimiter"), QStringLiteral(";")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains("\"rejected\":0"), qPrintable(r.describe()));
    leads = listJson({QStringLiteral("--columns"), QStringLiteral("last_name")});
    QCOMPARE(leads.size(), 1); // the same person again, not a second lead spelt "MÃ¼ller"
    QCOMPARE(leads.first().toObject().value(QStringLiteral("last_name")).toString(),
             QStringLiteral("Müller"));

    r = runDb(
        {QStringLiteral("import"), csv, QStringLiteral("--encoding"), QStringLiteral("ebcdic")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--encoding"), qPrintable(r.describe()));
    r = runDb({QStringLiteral("import"), csv, QStringLiteral("--delimiter"), QStringLiteral(";;")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--delimiter"), qPrintable(r.describe()));

    // A workbook saved under a .csv name is refused as a whole.
    const QString xlsx =
        writeFile(QStringLiteral("book.csv"),
                  QByteArrayLiteral("PK\x03\x04\x14\x00\x06\x00[Content_Types].xml"));
    r = runDb({QStringLiteral("import"), xlsx});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("error: ") && r.err.contains("ZIP"), qPrintable(r.describe()));
}

namespace {

// The commands the CLI has, in the order its help lists them.
const QStringList commandNames = {
    QStringLiteral("init"),       QStringLiteral("generate"),      QStringLiteral("preview"),
    QStringLiteral("import"),     QStringLiteral("list"),          QStringLiteral("export"),
    QStringLiteral("show"),       QStringLiteral("stats"),         QStringLiteral("count"),
    QStringLiteral("report"),     QStringLiteral("set"),           QStringLiteral("score"),
    QStringLiteral("delete"),     QStringLiteral("restore"),       QStringLiteral("trash"),
    QStringLiteral("history"),    QStringLiteral("qualify"),       QStringLiteral("convert"),
    QStringLiteral("disqualify"), QStringLiteral("prerequisites"), QStringLiteral("log"),
    QStringLiteral("due"),        QStringLiteral("cadence"),       QStringLiteral("campaign"),
    QStringLiteral("sla"),        QStringLiteral("mailto"),        QStringLiteral("help")};

const QStringList filterOptions = {
    QStringLiteral("--storefront"),     QStringLiteral("--stage"),
    QStringLiteral("--owner"),          QStringLiteral("--offer"),
    QStringLiteral("--action"),         QStringLiteral("--search"),
    QStringLiteral("--min-score"),      QStringLiteral("--grade"),
    QStringLiteral("--do-not-contact"), QStringLiteral("--due-before"),
    QStringLiteral("--since"),          QStringLiteral("--until"),
    QStringLiteral("--include-test"),   QStringLiteral("--campaign"),
    QStringLiteral("--origin"),         QStringLiteral("--destination")};

// The lines of a help text under `heading` ("options:"), up to the next blank line.
QStringList section(const QString &help, const QString &heading) {
    const QStringList lines = help.split(QLatin1Char('\n'));
    const qsizetype start = lines.indexOf(heading);
    if (start < 0)
        return {};
    QStringList out;
    for (qsizetype i = start + 1; i < lines.size() && !lines.at(i).isEmpty(); ++i)
        out << lines.at(i);
    return out;
}

// Every record of a CSV text, read as the importer reads it.
QList<QStringList> csvRecords(QByteArray text) {
    QBuffer buffer(&text);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QList<QStringList> records;
    while (reader.next())
        records << reader.fields();
    return records;
}

} // namespace

void TestCli::helpListsEveryCommand() {
    const Result dashed = run({QStringLiteral("--help")});
    const Result worded = run({QStringLiteral("help")});
    QVERIFY2(dashed.exitCode == 0, qPrintable(dashed.describe()));
    QVERIFY2(worded.exitCode == 0, qPrintable(worded.describe()));
    QCOMPARE(worded.out, dashed.out);
    QVERIFY2(dashed.err.isEmpty(), qPrintable(dashed.describe()));
    const QString help = QString::fromUtf8(dashed.out);
    QVERIFY(help.startsWith(QLatin1String("usage: leadbench-cli ")));
    // Each command on a line of its own with a description, in the table's order.
    QStringList listed;
    static const QRegularExpression commandLine(QStringLiteral("^  ([a-z]+)  +\\S"));
    for (const QString &line : section(help, QStringLiteral("commands:"))) {
        const QRegularExpressionMatch m = commandLine.match(line);
        if (m.hasMatch())
            listed << m.captured(1);
    }
    QCOMPARE(listed, commandNames);
    QVERIFY(help.contains(QLatin1String("help COMMAND")));
}

void TestCli::commandHelp_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("options");   // every option the help must list, no more
    QTest::addColumn<QStringList>("arguments"); // positional arguments, as help names them
    QTest::newRow("init") << QStringLiteral("init") << QStringList() << QStringList();
    QTest::newRow("generate") << QStringLiteral("generate")
                              << QStringList{QStringLiteral("--count"), QStringLiteral("--seed"),
                                             QStringLiteral("--end")}
                              << QStringList();
    const QStringList readOptions = {QStringLiteral("--format"), QStringLiteral("--delimiter"),
                                     QStringLiteral("--encoding"), QStringLiteral("--sheet"),
                                     QStringLiteral("--mapping")};
    QTest::newRow("preview") << QStringLiteral("preview")
                             << QStringList{QStringLiteral("--rows")} + readOptions
                             << QStringList{QStringLiteral("FILE")};
    QTest::newRow("import") << QStringLiteral("import")
                            << readOptions + QStringList{QStringLiteral("--on-duplicate"),
                                                         QStringLiteral("--dry-run"),
                                                         QStringLiteral("--save-mapping")}
                            << QStringList{QStringLiteral("FILE...")};
    QTest::newRow("list") << QStringLiteral("list")
                          << filterOptions +
                                 QStringList{QStringLiteral("--format"),
                                             QStringLiteral("--columns"), QStringLiteral("--sort"),
                                             QStringLiteral("--limit"), QStringLiteral("--offset")}
                          << QStringList();
    QTest::newRow("export") << QStringLiteral("export")
                            << QStringList{QStringLiteral("--format")} + filterOptions +
                                   QStringList{
                                       QStringLiteral("--sort"), QStringLiteral("--columns"),
                                       QStringLiteral("--no-bom"), QStringLiteral("--delimiter")}
                            << QStringList{QStringLiteral("OUT")};
    QTest::newRow("show") << QStringLiteral("show") << QStringList{QStringLiteral("--format")}
                          << QStringList{QStringLiteral("ID")};
    QTest::newRow("stats") << QStringLiteral("stats")
                           << filterOptions + QStringList{QStringLiteral("--format")}
                           << QStringList();
    QTest::newRow("count") << QStringLiteral("count") << filterOptions << QStringList();
    QTest::newRow("set") << QStringLiteral("set")
                         << QStringList{QStringLiteral("--storefront"),
                                        QStringLiteral("--action"),
                                        QStringLiteral("--offer-id"),
                                        QStringLiteral("--offer-title"),
                                        QStringLiteral("--first-name"),
                                        QStringLiteral("--last-name"),
                                        QStringLiteral("--email"),
                                        QStringLiteral("--phone"),
                                        QStringLiteral("--country"),
                                        QStringLiteral("--company"),
                                        QStringLiteral("--title"),
                                        QStringLiteral("--description"),
                                        QStringLiteral("--stage"),
                                        QStringLiteral("--owner"),
                                        QStringLiteral("--score"),
                                        QStringLiteral("--grade"),
                                        QStringLiteral("--win-probability"),
                                        QStringLiteral("--next-follow-up-at"),
                                        QStringLiteral("--follow-ups"),
                                        QStringLiteral("--do-not-contact"),
                                        QStringLiteral("--is-test"),
                                        QStringLiteral("--campaign"),
                                        QStringLiteral("--origin"),
                                        QStringLiteral("--qualification"),
                                        QStringLiteral("--opportunity-value"),
                                        QStringLiteral("--opportunity-currency"),
                                        QStringLiteral("--expected-close-at"),
                                        QStringLiteral("--destination"),
                                        QStringLiteral("--disqualify-reason"),
                                        QStringLiteral("--disqualify-note"),
                                        QStringLiteral("--next-follow-up"),
                                        QStringLiteral("--kind"),
                                        QStringLiteral("--note"),
                                        QStringLiteral("--if-version")}
                         << QStringList{QStringLiteral("ID")};
    QTest::newRow("log") << QStringLiteral("log") << QStringList{QStringLiteral("--kind"),
                                                                 QStringLiteral("--outcome"),
                                                                 QStringLiteral("--text"),
                                                                 QStringLiteral("--next-follow-up"),
                                                                 QStringLiteral("--next-kind"),
                                                                 QStringLiteral("--if-version")}
                         << QStringList{QStringLiteral("ID")};
    QTest::newRow("due") << QStringLiteral("due")
                         << QStringList{QStringLiteral("--owner"), QStringLiteral("--format"),
                                        QStringLiteral("--at"), QStringLiteral("--limit")}
                         << QStringList();
    QTest::newRow("cadence") << QStringLiteral("cadence")
                             << QStringList{QStringLiteral("--touches"),
                                            QStringLiteral("--description")}
                             << QStringList{QStringLiteral("ACTION...")};
    QTest::newRow("sla") << QStringLiteral("sla")
                         << QStringList{QStringLiteral("--owner"), QStringLiteral("--breached"),
                                        QStringLiteral("--set-target"), QStringLiteral("--format")}
                         << QStringList();
    QTest::newRow("delete") << QStringLiteral("delete") << QStringList()
                            << QStringList{QStringLiteral("ID...")};
    QTest::newRow("restore") << QStringLiteral("restore") << QStringList()
                             << QStringList{QStringLiteral("ID...")};
    QTest::newRow("trash") << QStringLiteral("trash") << QStringList{QStringLiteral("--format")}
                           << QStringList();
    QTest::newRow("history") << QStringLiteral("history") << QStringList{QStringLiteral("--format")}
                             << QStringList{QStringLiteral("ID")};
    QTest::newRow("qualify") << QStringLiteral("qualify")
                             << QStringList{QStringLiteral("--check"),
                                            QStringLiteral("--check-only"),
                                            QStringLiteral("--if-version")}
                             << QStringList{QStringLiteral("ID")};
    QTest::newRow("convert") << QStringLiteral("convert")
                             << QStringList{QStringLiteral("--value"), QStringLiteral("--currency"),
                                            QStringLiteral("--close-date"),
                                            QStringLiteral("--destination"),
                                            QStringLiteral("--if-version")}
                             << QStringList{QStringLiteral("ID")};
    QTest::newRow("disqualify") << QStringLiteral("disqualify")
                                << QStringList{QStringLiteral("--reason"), QStringLiteral("--text"),
                                               QStringLiteral("--if-version")}
                                << QStringList{QStringLiteral("ID")};
    QTest::newRow("help") << QStringLiteral("help") << QStringList()
                          << QStringList{QStringLiteral("COMMAND")};
}

void TestCli::commandHelp() {
    QFETCH(QString, command);
    QFETCH(QStringList, options);
    QFETCH(QStringList, arguments);

    const Result dashed = run({command, QStringLiteral("--help")});
    const Result worded = run({QStringLiteral("help"), command});
    QVERIFY2(dashed.exitCode == 0, qPrintable(dashed.describe()));
    QVERIFY2(worded.exitCode == 0, qPrintable(worded.describe()));
    QVERIFY2(dashed.err.isEmpty(), qPrintable(dashed.describe()));
    QCOMPARE(worded.out, dashed.out);
    // Asking for help needs no database and creates none.
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("xdg-data/leadbench/leadbench.sqlite"))));

    const QString help = QString::fromUtf8(dashed.out);
    const QString usage = help.section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(usage.startsWith(QLatin1String("usage: leadbench-cli ")), qPrintable(help));
    QVERIFY2(usage.contains(QLatin1Char(' ') + command + QLatin1Char(' ')) ||
                 usage.endsWith(QLatin1Char(' ') + command),
             qPrintable(usage));
    // A one-line summary under the usage.
    QVERIFY2(!help.section(QLatin1Char('\n'), 2, 2).isEmpty(), qPrintable(help));

    // Every option once, each with a description on its line.
    QStringList listed;
    static const QRegularExpression optionLine(QStringLiteral("^  (--[a-z-]+)( \\S+)?  +\\S"));
    for (const QString &line : section(help, QStringLiteral("options:"))) {
        if (!line.startsWith(QLatin1String("  --")))
            continue;
        const QRegularExpressionMatch m = optionLine.match(line);
        QVERIFY2(m.hasMatch(), qPrintable(QStringLiteral("no description: ") + line));
        listed << m.captured(1);
    }
    QCOMPARE(sorted(listed), sorted(options));
    for (const QString &argument : arguments) {
        QVERIFY2(usage.contains(argument), qPrintable(usage));
        bool described = false;
        for (const QString &line : section(help, QStringLiteral("arguments:")))
            described = described ||
                        QRegularExpression(
                            QStringLiteral("^  %1  +\\S").arg(QRegularExpression::escape(argument)))
                            .match(line)
                            .hasMatch();
        QVERIFY2(described, qPrintable(help));
    }
    // An example of the command itself.
    const QStringList example = section(help, QStringLiteral("example:"));
    QCOMPARE(example.size(), 1);
    QVERIFY2(example.first().startsWith(QStringLiteral("  leadbench-cli ")) &&
                 example.first().contains(QLatin1Char(' ') + command),
             qPrintable(example.first()));
}

void TestCli::helpForAnUnknownCommand_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("help frobnicate")
        << QStringList{QStringLiteral("help"), QStringLiteral("frobnicate")};
    QTest::newRow("frobnicate --help")
        << QStringList{QStringLiteral("frobnicate"), QStringLiteral("--help")};
}

void TestCli::helpForAnUnknownCommand() {
    QFETCH(QStringList, arguments);
    const Result r = run(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("leadbench-cli: error:"), qPrintable(r.describe()));
    QVERIFY2(r.err.contains("frobnicate"), qPrintable(r.describe()));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
}

void TestCli::countMatchesList() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo());
    const QList<QStringList> filters = {
        {},
        {QStringLiteral("--storefront"), QStringLiteral("appsource")},
        {QStringLiteral("--stage"), QStringLiteral("new"), QStringLiteral("--include-test")},
        {QStringLiteral("--since"), QStringLiteral("2025-06-01"), QStringLiteral("--until"),
         QStringLiteral("2025-09-30")},
    };
    for (const QStringList &filter : filters) {
        const Result r = runDb(QStringList{QStringLiteral("count")} + filter);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.json().object().keys(), QStringList{QStringLiteral("count")});
        const qint64 n = r.json().object().value(QStringLiteral("count")).toInteger();
        QCOMPARE(n, qint64(listJson(QStringList{QStringLiteral("--columns"), QStringLiteral("id")} +
                                    filter)
                               .size()));
        if (filter.isEmpty())
            QVERIFY(n > 400);
    }
}

void TestCli::untilAMomentIncludesTheLeadsOfThatSecond() {
    QVERIFY(generateDemo(200));
    const QJsonArray newest = listJson(
        {QStringLiteral("--columns"), QStringLiteral("id,created_at"), QStringLiteral("--sort"),
         QStringLiteral("created_at:asc"), QStringLiteral("--limit"), QStringLiteral("2")});
    QCOMPARE(newest.size(), 2);
    const qint64 id = newest.at(1).toObject().value(QStringLiteral("id")).toInteger();
    const QDateTime at = QDateTime::fromString(
        newest.at(1).toObject().value(QStringLiteral("created_at")).toString(), Qt::ISODate);
    QVERIFY(at.isValid());
    const auto idsUntil = [&](const QDateTime &until) {
        QList<qint64> ids;
        for (const QJsonValue &v :
             listJson({QStringLiteral("--columns"), QStringLiteral("id"), QStringLiteral("--until"),
                       until.toUTC().toString(Qt::ISODate)}))
            ids << v.toObject().value(QStringLiteral("id")).toInteger();
        return ids;
    };
    QVERIFY(idsUntil(at).contains(id));
    QVERIFY(!idsUntil(at.addSecs(-1)).contains(id));
    // The same moment written in another time zone names the same second.
    const Result r = runDb({QStringLiteral("count"), QStringLiteral("--until"),
                            at.toOffsetFromUtc(3600).toString(Qt::ISODate)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(QStringLiteral("count")).toInteger(),
             qint64(idsUntil(at).size()));
}

void TestCli::aMissingFileOrLeadIsAFailure_data() {
    QTest::addColumn<QStringList>("arguments");
    // Every command says the same of a file or lead that is not there: exit 1 (runtime).
    QTest::newRow("import") << QStringList{QStringLiteral("import"), QStringLiteral("nope.csv")};
    QTest::newRow("preview") << QStringList{QStringLiteral("preview"), QStringLiteral("nope.csv")};
    QTest::newRow("score --preview") << QStringList{
        QStringLiteral("score"), QStringLiteral("--preview"), QStringLiteral("nope.json")};
    QTest::newRow("show") << QStringList{QStringLiteral("show"), QStringLiteral("99999")};
    QTest::newRow("set") << QStringList{QStringLiteral("set"), QStringLiteral("99999"),
                                        QStringLiteral("--owner"), QStringLiteral("sam")};
    QTest::newRow("cadence enroll")
        << QStringList{QStringLiteral("cadence"), QStringLiteral("enroll"),
                       QStringLiteral("Contact me"), QStringLiteral("99999")};
}

void TestCli::aMissingFileOrLeadIsAFailure() {
    QFETCH(QStringList, arguments);
    QVERIFY(runDb({QStringLiteral("init")}).exitCode == 0);
    const Result r = runDb(arguments);
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("nope.") || r.err.contains("99999"), qPrintable(r.describe()));
}

void TestCli::importFromStandardInput_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("file");
    for (const char *backend : {"sqlite", "postgresql"})
        for (const char *file : {"-", "/dev/stdin"})
            QTest::addRow("%s: import %s", backend, file)
                << QString::fromLatin1(backend) << QString::fromLatin1(file);
}

void TestCli::importFromStandardInput() {
    QFETCH(QString, backend);
    QFETCH(QString, file);
    LB_CLI_BACKEND(backend);

    // More than one read's worth, through a pipe: the program cannot size or seek it.
    QByteArray csv = "LeadSource,FirstName,LastName,Email,Company,CreatedTime\n";
    for (int i = 0; i < 3000; ++i)
        csv += QStringLiteral("AppSource-PLT|contoso.crm-connector,Person,Number %1,"
                              "person%1@fabrikam.com,Fabrikam,2025-05-01T10:00:00Z\n")
                   .arg(i)
                   .toUtf8();
    const Result r = runDb({QStringLiteral("import"), file}, csv);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject summary =
        QJsonDocument::fromJson(r.out.trimmed().split('\n').last()).object();
    QCOMPARE(summary.value(QStringLiteral("read")).toInteger(), 3000);
    QCOMPARE(summary.value(QStringLiteral("imported")).toInteger(), 3000);
    QCOMPARE(summary.value(QStringLiteral("rejected")).toInteger(), 0);
    const Result count = runDb({QStringLiteral("count")});
    QCOMPARE(count.json().object().value(QStringLiteral("count")).toInteger(), 3000);
    const QJsonArray last =
        listJson({QStringLiteral("--search"), QStringLiteral("person2999"),
                  QStringLiteral("--columns"), QStringLiteral("email,storefront")});
    QCOMPARE(last.size(), 1);
    QCOMPARE(last.first().toObject().value(QStringLiteral("storefront")).toString(),
             QStringLiteral("appsource"));
}

void TestCli::emptyStandardInputIsRejected() {
    const Result r = runDb({QStringLiteral("import"), QStringLiteral("-")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("error: stdin: is empty: there is no header line"),
             qPrintable(r.describe()));
}

void TestCli::rejectedRowsNameTheirLineOnce() {
    const QString csv = writeFile(
        QStringLiteral("mixed.csv"),
        "LeadSource,ActionCode,OfferTitle,FirstName,LastName,Email,Phone,Country,Company,Title,"
        "Description\n"
        "AppSource-PLT|a.b,PLT,x,Ana,Silva,ana@fabrikam.com\n"
        "AppSource-PLT|a.b,PLT,x,\"Bo\" Jr,Berg,bo@fabrikam.com,,,,,\n"
        "\"AppSource-PLT|a.b\" ,PLT,x,\"Cy\"  ,Chan,cy@fabrikam.com,,,Fabrikam,,\n");
    const Result r = runDb({QStringLiteral("import"), csv});
    QCOMPARE(r.exitCode, 2);
    const QStringList errLines = r.errLines();
    QVERIFY2(errLines.contains(QStringLiteral("leadbench-cli: %1: line 2: has 6 fields, the "
                                              "header has 11")
                                   .arg(csv)),
             qPrintable(r.describe()));
    QVERIFY2(
        errLines.contains(
            QStringLiteral("leadbench-cli: %1: line 3: has text after a closing quote").arg(csv)),
        qPrintable(r.describe()));
    for (const QString &line : errLines)
        QVERIFY2(line.count(QLatin1String("line ")) == 1, qPrintable(line));
    const QJsonObject summary =
        QJsonDocument::fromJson(r.out.trimmed().split('\n').last()).object();
    QCOMPARE(summary.value(QStringLiteral("imported")).toInteger(), 1); // Cy: blanks are fine
    for (const QJsonValue &e : summary.value(QStringLiteral("errors")).toArray())
        QVERIFY(!e.toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .contains(QLatin1String("line")));
}

void TestCli::columnsNamingNothingAreBadUsage_data() {
    QTest::addColumn<QString>("columns");
    QTest::addColumn<QString>("format");
    QTest::newRow("empty, table") << QString() << QStringLiteral("table");
    QTest::newRow("empty, json") << QString() << QStringLiteral("json");
    QTest::newRow("a comma") << QStringLiteral(",") << QStringLiteral("csv");
    QTest::newRow("blanks and commas") << QStringLiteral(" , ,\t") << QStringLiteral("csv");
}

void TestCli::columnsNamingNothingAreBadUsage() {
    QFETCH(QString, columns);
    QFETCH(QString, format);
    QVERIFY(generateDemo(20));
    const Result r = runDb({QStringLiteral("list"), QStringLiteral("--format"), format,
                            QStringLiteral("--columns"), columns});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("leadbench-cli: error: --columns"), qPrintable(r.describe()));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
}

void TestCli::listJsonStreamsValidJson() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    // Several pages of output, test leads included.
    QVERIFY(generateDemo(3500));
    Result r = runDb({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json"),
                      QStringLiteral("--include-test")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError,
             qPrintable(error.errorString() + QStringLiteral(" at byte ") +
                        QString::number(error.offset)));
    QVERIFY(doc.isArray());
    const QJsonArray all = doc.array();
    QCOMPARE(all.size(), 3500);
    QSet<qint64> ids;
    for (const QJsonValue &v : all) {
        QVERIFY(v.isObject());
        QCOMPARE(sorted(v.toObject().keys()), sorted(canonicalColumns));
        ids.insert(v.toObject().value(QStringLiteral("id")).toInteger());
    }
    QCOMPARE(ids.size(), 3500);
    // The same leads in the same order as CSV.
    r = runDb({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv"),
               QStringLiteral("--include-test"), QStringLiteral("--columns"),
               QStringLiteral("id")});
    QStringList csvIds = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    csvIds.removeFirst();
    QList<qint64> expected;
    for (const QString &id : csvIds)
        expected << id.toLongLong();
    QCOMPARE(idsOf(all), expected);

    // Nothing matching is an empty array, still JSON.
    r = runDb({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json"),
               QStringLiteral("--search"), QStringLiteral("zzqqxxnothing")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.json().isArray() && r.json().array().isEmpty(), qPrintable(r.describe()));
}

void TestCli::listTableKeepsItsLook() {
    // A company name longer than a table column may be: it is cut to 40 characters.
    const QString longCompany =
        QStringLiteral("Northwind Traders International Holdings of the Pacific Rim");
    const QString csv = writeFile(QStringLiteral("long.csv"),
                                  "email,first_name,company,created_at\n"
                                  "ana@northwind.com,Ana," +
                                      longCompany.toUtf8() +
                                      ",2025-01-02T00:00:00Z\n"
                                      "bo@fabrikam.com,Bo,Fabrikam,2025-01-01T00:00:00Z\n");
    Result r = runDb({QStringLiteral("import"), csv});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runDb({QStringLiteral("list")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.first().split(QLatin1Char(' '), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("id"), QStringLiteral("storefront"),
                          QStringLiteral("stage"), QStringLiteral("score"),
                          QStringLiteral("first_name"), QStringLiteral("last_name"),
                          QStringLiteral("company"), QStringLiteral("email"),
                          QStringLiteral("offer_id"), QStringLiteral("created_at")}));
    // Columns line up under their headings; no line ends in blanks.
    const qsizetype companyAt = lines.first().indexOf(QLatin1String("company"));
    const qsizetype emailAt = lines.first().indexOf(QLatin1String("email"));
    QCOMPARE(emailAt - companyAt, 41); // 40 characters and a space
    for (const QString &line : lines) {
        QVERIFY2(!line.endsWith(QLatin1Char(' ')), qPrintable(line));
        QCOMPARE(line.at(emailAt - 1), QLatin1Char(' '));
        QVERIFY2(line.at(emailAt) != QLatin1Char(' '), qPrintable(line));
    }
    QCOMPARE(lines.at(1).mid(companyAt, 40), longCompany.left(39) + QChar(0x2026));
    QCOMPARE(lines.at(2).mid(companyAt, 9), QStringLiteral("Fabrikam "));
    QVERIFY(lines.at(2).endsWith(QLatin1String("2025-01-01T00:00:00Z")));
}

void TestCli::exportImportRoundTrip() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(400));

    // Leads with every column set, as people leave them after working them.
    {
        const Database &db = m_backendDb->database();
        Transaction tx(db);
        LeadWriter writer(db);
        Lead worked;
        worked.storefront = Storefront::AzureMarketplace;
        worked.action = QStringLiteral("StartTestDrive");
        worked.offerId = QStringLiteral("contoso.hardened-sql-vm");
        worked.offerTitle = QStringLiteral("Hardened SQL VM");
        worked.firstName = QStringLiteral("Inês");
        worked.lastName = QStringLiteral("Duarte");
        worked.email = QStringLiteral("ines@adventure-works.com");
        worked.phone = QStringLiteral("+351 21 555 0100");
        worked.country = QStringLiteral("PT");
        worked.company = QStringLiteral("Adventure Works, Lda.");
        worked.title = QStringLiteral("DBA");
        worked.description = QStringLiteral("Said \"call me\", then:\nnothing");
        worked.createdAt = LeadColumns::parseIsoUtc(QStringLiteral("2025-02-01T08:00:00Z"));
        worked.lastEventAt = LeadColumns::parseIsoUtc(QStringLiteral("2025-03-15T12:30:00Z"));
        worked.events = 4;
        worked.stage = Stage::Opportunity;
        worked.owner = QStringLiteral("sam.patel");
        worked.score = 87;
        worked.grade = QStringLiteral("A");
        worked.winProbability = 0.35;
        worked.nextFollowUpAt = LeadColumns::parseIsoUtc(QStringLiteral("2025-04-01T09:00:00Z"));
        worked.followUps = 6;
        worked.doNotContact = true;
        worked.isTest = true; // marked by hand: no MSFT_TEST_ marker says so
        worked.campaign = QStringLiteral("azure-test-drive");
        worked.origin = QStringLiteral("co-sell");
        LeadEvent event;
        event.occurredAt = worked.createdAt;
        event.storefront = worked.storefront;
        event.action = worked.action;
        event.channel = QStringLiteral("manual");
        QVERIFY2(writer.insert(tx, worked, {event}, {}) > 0, qPrintable(writer.lastError()));

        Lead companyOnly;
        companyOnly.company = QStringLiteral("Tailspin Toys");
        companyOnly.offerId = QStringLiteral("contoso.crm-connector");
        companyOnly.createdAt = LeadColumns::parseIsoUtc(QStringLiteral("2024-12-24T00:00:00Z"));
        companyOnly.lastEventAt = companyOnly.createdAt;
        companyOnly.stage = Stage::Lost;
        companyOnly.origin = QStringLiteral("manual");
        event.occurredAt = companyOnly.createdAt;
        // Scored as the writer scores leads it takes in, so that the import keeps its score.
        QVERIFY2(writer.insert(tx, companyOnly, {event}, {}, LeadWriter::Scoring::Current) > 0,
                 qPrintable(writer.lastError()));
        QVERIFY(tx.commit());
    }

    const QStringList exportArguments = {
        QStringLiteral("list"),      QStringLiteral("--format"),
        QStringLiteral("csv"),       QStringLiteral("--include-test"),
        QStringLiteral("--sort"),    QStringLiteral("id"),
        QStringLiteral("--columns"), canonicalColumns.join(QLatin1Char(','))};
    Result r = runDb(exportArguments);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QByteArray exported = r.out;
    const QString file = writeFile(QStringLiteral("export.csv"), exported);
    const Result sourceStats = runDb({QStringLiteral("stats"), QStringLiteral("--include-test")});

    // Into an empty database on the same backend.
    const std::unique_ptr<TestDatabase> target = TestDatabase::create(backend);
    QVERIFY2(target->ok(), qPrintable(target->problem()));
    m_location = target->database().location();
    r = runDb({QStringLiteral("import"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject summary =
        QJsonDocument::fromJson(r.out.trimmed().split('\n').last()).object();
    QCOMPARE(summary.value(QStringLiteral("read")).toInteger(), 402);
    QCOMPARE(summary.value(QStringLiteral("imported")).toInteger(), 402);
    // The id column is not read, and the import says so.
    QVERIFY2(r.err.contains("warning: ") && r.err.contains("column 1 \"id\" is ignored"),
             qPrintable(r.describe()));
    r = runDb(exportArguments);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QByteArray reexported = r.out;

    // The same leads, column by column; only the ids are the new database's own. Rows are
    // matched by columns that identify a lead.
    const QStringList columns = canonicalColumns.mid(1);
    auto rowsOf = [&columns](const QByteArray &text) {
        QList<QStringList> rows = csvRecords(text);
        rows.removeFirst(); // the header
        for (QStringList &row : rows)
            row.removeFirst(); // id
        auto identity = [&columns](const QStringList &row) {
            QStringList key;
            for (const char *c :
                 {"email", "offer_id", "first_name", "last_name", "company", "created_at"})
                key << row.at(columns.indexOf(QLatin1String(c)));
            return key.join(QChar(0x1f));
        };
        std::sort(rows.begin(), rows.end(), [&](const QStringList &x, const QStringList &y) {
            return identity(x) < identity(y);
        });
        return rows;
    };
    const QList<QStringList> a = rowsOf(exported);
    const QList<QStringList> b = rowsOf(reexported);
    QCOMPARE(a.size(), 402);
    QCOMPARE(b.size(), a.size());
    for (qsizetype c = 0; c < columns.size(); ++c) {
        QStringList was, is;
        for (qsizetype i = 0; i < a.size(); ++i) {
            was << a.at(i).at(c);
            is << b.at(i).at(c);
        }
        QVERIFY2(was == is, qPrintable(QStringLiteral("column %1 differs").arg(columns.at(c))));
    }
    // Counted alike per storefront, stage and action.
    const Result targetStats = runDb({QStringLiteral("stats"), QStringLiteral("--include-test")});
    QCOMPARE(targetStats.json().object(), sourceStats.json().object());
    m_location.clear(); // the target database goes when this test ends
}

void TestCli::exportWritesCsvAndXlsx() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(300));
    const QStringList filter = {QStringLiteral("--storefront"), QStringLiteral("appsource"),
                                QStringLiteral("--sort"),       QStringLiteral("score:desc"),
                                QStringLiteral("--columns"),    QStringLiteral("id,score,email")};
    const Result listed = runDb(
        QStringList{QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv")} +
        filter);
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));

    // To standard output: the same leads in the same order as list, but as a spreadsheet
    // wants them (BOM, CRLF) and with nothing else on stdout.
    const Result piped = runDb(QStringList{QStringLiteral("export"), QStringLiteral("-")} + filter);
    QVERIFY2(piped.exitCode == 0, qPrintable(piped.describe()));
    QVERIFY(piped.out.startsWith("\xEF\xBB\xBF"
                                 "id,score,email\r\n"));
    QCOMPARE(piped.out.mid(3).replace("\r\n", "\n"), listed.out);

    // To a file, with a semicolon and no BOM; the summary names it.
    const QString csvPath = m_dir->filePath(QStringLiteral("leads.csv"));
    const Result toFile =
        runDb(QStringList{QStringLiteral("export"), csvPath, QStringLiteral("--no-bom"),
                          QStringLiteral("--delimiter"), QStringLiteral(";")} +
              filter);
    QVERIFY2(toFile.exitCode == 0, qPrintable(toFile.describe()));
    const qint64 rows = listed.out.count('\n') - 1;
    QVERIFY(rows > 0);
    const QJsonObject summary = toFile.json().object();
    QCOMPARE(summary.value(QStringLiteral("exported")).toInteger(), rows);
    QCOMPARE(summary.value(QStringLiteral("file")).toString(), csvPath);
    QCOMPARE(summary.value(QStringLiteral("format")).toString(), QStringLiteral("csv"));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll(), QByteArray(listed.out).replace(',', ';').replace("\n", "\r\n"));

    // .xlsx is chosen by the extension; the file is a zip (an xlsx), and only it is left.
    const QString xlsxPath = m_dir->filePath(QStringLiteral("leads.xlsx"));
    const Result book = runDb(QStringList{QStringLiteral("export"), xlsxPath} + filter);
    QVERIFY2(book.exitCode == 0, qPrintable(book.describe()));
    QCOMPARE(book.json().object().value(QStringLiteral("format")).toString(),
             QStringLiteral("xlsx"));
    QCOMPARE(book.json().object().value(QStringLiteral("exported")).toInteger(), rows);
    QFile xlsx(xlsxPath);
    QVERIFY(xlsx.open(QIODevice::ReadOnly));
    QCOMPARE(xlsx.read(2), QByteArray("PK"));
    QVERIFY(QDir(m_dir->path())
                .entryList({QStringLiteral("*.part")}, QDir::Files | QDir::Hidden)
                .isEmpty());
}

void TestCli::exportBadUsage_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("xlsx to stdout")
        << QStringList{QStringLiteral("-"), QStringLiteral("--format"), QStringLiteral("xlsx")}
        << 2;
    QTest::newRow("unknown format")
        << QStringList{QStringLiteral("out.pdf"), QStringLiteral("--format"), QStringLiteral("pdf")}
        << 2;
    QTest::newRow("long delimiter")
        << QStringList{QStringLiteral("-"), QStringLiteral("--delimiter"), QStringLiteral(";;")}
        << 2;
    QTest::newRow("unknown column") << QStringList{QStringLiteral("-"), QStringLiteral("--columns"),
                                                   QStringLiteral("id,shoe_size")}
                                    << 2;
    QTest::newRow("no such folder") << QStringList{QStringLiteral("no-such-folder/leads.csv")} << 1;
    QTest::newRow("unknown crm") << QStringList{QStringLiteral("-"), QStringLiteral("--format"),
                                                QStringLiteral("hubspot")}
                                 << 2;
}

void TestCli::exportBadUsage() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QVERIFY(generateDemo(20));
    const Result r = runDb(QStringList{QStringLiteral("export")} + arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
    QVERIFY2(r.err.startsWith("leadbench-cli: error: "), qPrintable(r.describe()));
}

void TestCli::exportToCrmLayouts() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(200));
    const QStringList filter = {QStringLiteral("--storefront"), QStringLiteral("appsource"),
                                QStringLiteral("--sort"), QStringLiteral("score:desc")};
    const Result listed = runDb(QStringList{QStringLiteral("list"), QStringLiteral("--format"),
                                            QStringLiteral("csv"), QStringLiteral("--columns"),
                                            QStringLiteral("first_name,stage,storefront")} +
                                filter);
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
    const QList<QByteArray> leads = listed.out.trimmed().split('\n').mid(1);
    QVERIFY(!leads.isEmpty());

    // A Salesforce file: its import's column names, the same leads in the same order, every
    // lead's source "AppSource" and its status in Salesforce's words.
    const QString sfPath = m_dir->filePath(QStringLiteral("salesforce.csv"));
    const Result sf =
        runDb(QStringList{QStringLiteral("export"), sfPath, QStringLiteral("--format"),
                          QStringLiteral("salesforce"), QStringLiteral("--no-bom")} +
              filter);
    QVERIFY2(sf.exitCode == 0, qPrintable(sf.describe()));
    QCOMPARE(sf.json().object().value(QStringLiteral("format")).toString(),
             QStringLiteral("salesforce"));
    QCOMPARE(sf.json().object().value(QStringLiteral("exported")).toInteger(), leads.size());
    QFile file(sfPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("First Name,Last Name,Title,Company,Email,Phone,Country,"
                                       "Lead Source,Lead Status,Rating,Email Opt Out,"
                                       "Do Not Call,Description\r"));
    QCOMPARE(lines.size(), leads.size() + 2); // the header and a final line end
    const QStringList statuses = {
        QStringLiteral("Open - Not Contacted"), QStringLiteral("Working - Contacted"),
        QStringLiteral("Closed - Converted"), QStringLiteral("Closed - Not Converted")};
    for (qsizetype i = 0; i < leads.size(); ++i) {
        const QByteArray &line = lines.at(i + 1);
        QVERIFY2(line.startsWith(leads.at(i).split(',').first() + ','), line.constData());
        QVERIFY2(line.contains(",AppSource,"), line.constData());
        bool known = false;
        for (const QString &status : statuses)
            known = known || line.contains(',' + status.toUtf8() + ',');
        QVERIFY2(known, line.constData());
    }

    // Dynamics 365 to standard output, with a BOM as a spreadsheet wants it.
    const Result dyn = runDb(QStringList{QStringLiteral("export"), QStringLiteral("-"),
                                         QStringLiteral("--format"), QStringLiteral("dynamics")} +
                             filter);
    QVERIFY2(dyn.exitCode == 0, qPrintable(dyn.describe()));
    QVERIFY(dyn.out.startsWith("\xEF\xBB\xBF"
                               "First Name,Last Name,Job Title,Company Name,Email,Business Phone,"
                               "Country/Region,Topic,Lead Source,Status Reason,Rating,"
                               "Do not allow Emails,Do not allow Phone Calls,Description\r\n"));
    QCOMPARE(dyn.out.count("\r\n"), leads.size() + 1);

    // The help names the formats.
    const Result help = run({QStringLiteral("export"), QStringLiteral("--help")});
    QVERIFY2(help.out.contains("csv, xlsx, salesforce or dynamics"), qPrintable(help.describe()));
}

void TestCli::exportCrmLayoutRefusesColumns_data() {
    QTest::addColumn<QString>("format");
    QTest::newRow("salesforce") << QStringLiteral("salesforce");
    QTest::newRow("dynamics") << QStringLiteral("dynamics");
}

void TestCli::exportCrmLayoutRefusesColumns() {
    QFETCH(QString, format);
    QVERIFY(generateDemo(20));
    const QString path = m_dir->filePath(QStringLiteral("crm.csv"));
    const Result r = runDb({QStringLiteral("export"), path, QStringLiteral("--format"), format,
                            QStringLiteral("--columns"), QStringLiteral("email")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
    // The message says which option cannot go with which format, and what to use instead.
    QVERIFY2(r.err.contains("--columns") && r.err.contains(format.toUtf8()) &&
                 r.err.contains("--format csv"),
             qPrintable(r.describe()));
    QVERIFY(!QFile::exists(path));
}

void TestCli::qualifyThenConvert() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(40));
    const QString id = QString::number(openLead());
    QVERIFY(id != QLatin1String("0"));
    Result r =
        runDb({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json")});
    const qint64 version = r.json().object().value(QStringLiteral("version")).toInteger();

    // Two prerequisites ticked only: the stage stays, the ticks are kept.
    r = runDb({QStringLiteral("qualify"), id, QStringLiteral("--check"),
               QStringLiteral("budget,need"), QStringLiteral("--check-only")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QJsonObject lead = r.json().object();
    QCOMPARE(lead.value(QStringLiteral("version")).toInteger(), version + 1);
    const QString checklist = lead.value(QStringLiteral("qualification")).toString();
    QVERIFY2(checklist.contains(QLatin1String("\"budget\":{\"at\":\"")), qPrintable(checklist));
    QVERIFY2(!checklist.contains(QLatin1String("authority")), qPrintable(checklist));
    r = runDb({QStringLiteral("qualify"), id});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("authority and timeline are not ticked (--check authority,timeline)"),
             qPrintable(r.describe()));
    r = runDb({QStringLiteral("qualify"), id, QStringLiteral("--check"),
               QStringLiteral("authority, timeline"), QStringLiteral("--if-version"),
               QString::number(version + 1)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    lead = r.json().object();
    QCOMPARE(lead.value(QStringLiteral("stage")).toString(), QStringLiteral("qualified"));

    r = runDb({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(r.json().object().value(QStringLiteral("handed_over_at")).isNull());
    const QDateTime beforeConvert = QDateTime::currentDateTimeUtc().addSecs(-1);
    r = runDb({QStringLiteral("convert"), id, QStringLiteral("--value"), QStringLiteral("25000"),
               QStringLiteral("--currency"), QStringLiteral("eur"), QStringLiteral("--close-date"),
               QStringLiteral("2027-03-31"), QStringLiteral("--destination"),
               QStringLiteral("co-sell")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // show prints what convert stored.
    r = runDb({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json")});
    lead = r.json().object();
    QCOMPARE(lead.value(QStringLiteral("stage")).toString(), QStringLiteral("opportunity"));
    QCOMPARE(lead.value(QStringLiteral("opportunity_value")).toDouble(), 25000.0);
    QCOMPARE(lead.value(QStringLiteral("opportunity_currency")).toString(), QStringLiteral("EUR"));
    QCOMPARE(lead.value(QStringLiteral("expected_close_at")).toString(),
             QStringLiteral("2027-03-31T00:00:00Z"));
    QCOMPARE(lead.value(QStringLiteral("destination")).toString(), QStringLiteral("co-sell"));
    // Handed over to the field seller's CRM when it was converted.
    const QDateTime handedOver =
        QDateTime::fromString(lead.value(QStringLiteral("handed_over_at")).toString(), Qt::ISODate);
    QVERIFY2(handedOver >= beforeConvert && handedOver <= QDateTime::currentDateTimeUtc(),
             qPrintable(lead.value(QStringLiteral("handed_over_at")).toString()));
    QCOMPARE(lead.value(QStringLiteral("version")).toInteger(), version + 3);
    // Each step in the timeline, with who took it.
    QStringList steps;
    for (const QJsonValue &a : lead.value(QStringLiteral("activities")).toArray()) {
        const QJsonObject o = a.toObject();
        if (o.value(QStringLiteral("field")).toString() == QLatin1String("stage"))
            steps << o.value(QStringLiteral("new_value")).toString();
        if (o.value(QStringLiteral("kind")).toString() == QLatin1String("changed"))
            QVERIFY(!o.value(QStringLiteral("actor")).toString().isEmpty());
    }
    // The demo lead's own history comes first.
    QVERIFY(steps.size() >= 2);
    QCOMPARE(steps.mid(steps.size() - 2),
             (QStringList{QStringLiteral("qualified"), QStringLiteral("opportunity")}));
    // And in the exports, as columns.
    r = runDb({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv"),
               QStringLiteral("--columns"),
               QStringLiteral("id,opportunity_value,opportunity_currency,destination"),
               QStringLiteral("--stage"), QStringLiteral("opportunity")});
    QVERIFY2(r.out.contains(id.toUtf8() + ",25000,EUR,co-sell"), qPrintable(r.describe()));
}

void TestCli::disqualifyWithAReason() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(40));
    const QString id = QString::number(openLead());
    // A stage alone does not say why: set refuses, and the lead stays open.
    Result r =
        runDb({QStringLiteral("set"), id, QStringLiteral("--stage"), QStringLiteral("disqualified"),
               QStringLiteral("--note"), QStringLiteral("not for us")});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("needs a reason to be disqualified"), qPrintable(r.describe()));
    r = runDb({QStringLiteral("show"), id});
    QVERIFY(r.json().object().value(QStringLiteral("stage")).toString() !=
            QLatin1String("disqualified"));
    r = runDb({QStringLiteral("disqualify"), id, QStringLiteral("--reason"),
               QStringLiteral("other"), QStringLiteral("--text"),
               QStringLiteral("a reseller, not an end customer")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject lead = r.json().object();
    QCOMPARE(lead.value(QStringLiteral("stage")).toString(), QStringLiteral("disqualified"));
    QCOMPARE(lead.value(QStringLiteral("disqualify_reason")).toString(), QStringLiteral("other"));
    QCOMPARE(lead.value(QStringLiteral("disqualify_note")).toString(),
             QStringLiteral("a reseller, not an end customer"));
    QVERIFY(lead.value(QStringLiteral("next_follow_up_at")).isNull());
    r = runDb({QStringLiteral("history"), id, QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(r.out.contains("changed disqualify_reason"), qPrintable(r.describe()));
}

void TestCli::qualificationRefusals_data() {
    QTest::addColumn<QStringList>("arguments"); // ID stands for an open lead's id
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString id = QStringLiteral("ID");
    QTest::newRow("disqualify without a reason")
        << QStringList{QStringLiteral("disqualify"), id} << 2
        << QStringLiteral("disqualify needs --reason R");
    QTest::newRow("disqualify with an empty reason")
        << QStringList{QStringLiteral("disqualify"), id, QStringLiteral("--reason"), QString()} << 2
        << QStringLiteral("needs a reason to be disqualified: no-budget, no-need");
    QTest::newRow("disqualify with an unknown reason")
        << QStringList{QStringLiteral("disqualify"), id, QStringLiteral("--reason"),
                       QStringLiteral("rude")}
        << 2 << QStringLiteral("\"rude\" is not a reason to disqualify");
    QTest::newRow("other without a text")
        << QStringList{QStringLiteral("disqualify"), id, QStringLiteral("--reason"),
                       QStringLiteral("other")}
        << 2 << QStringLiteral("reason \"other\" needs a text");
    const QStringList convert = {QStringLiteral("convert"),       id,
                                 QStringLiteral("--value"),       QStringLiteral("100"),
                                 QStringLiteral("--close-date"),  QStringLiteral("2027-01-31"),
                                 QStringLiteral("--destination"), QStringLiteral("own-crm")};
    QTest::newRow("convert without a currency")
        << convert << 2 << QStringLiteral("convert needs --currency C");
    QTest::newRow("convert a lead not qualified")
        << convert + QStringList{QStringLiteral("--currency"), QStringLiteral("USD")} << 2
        << QStringLiteral("qualify it before converting it to an opportunity");
    QTest::newRow("convert with a made-up currency")
        << convert + QStringList{QStringLiteral("--currency"), QStringLiteral("EURO")} << 2
        << QStringLiteral("currency: \"EURO\" is not an ISO 4217 currency code");
    QTest::newRow("convert with no value")
        << QStringList{QStringLiteral("convert"),       id,
                       QStringLiteral("--value"),       QStringLiteral("-3"),
                       QStringLiteral("--currency"),    QStringLiteral("USD"),
                       QStringLiteral("--close-date"),  QStringLiteral("soon"),
                       QStringLiteral("--destination"), QStringLiteral("salesforce")}
        << 2
        << QStringLiteral("value: -3 is not an amount above 0; close date: \"soon\" is not a "
                          "date (YYYY-MM-DD) or an ISO 8601 time; destination: \"salesforce\" is "
                          "not own-crm, co-sell, marketplace");
    QTest::newRow("unknown prerequisite")
        << QStringList{QStringLiteral("qualify"), id, QStringLiteral("--check"),
                       QStringLiteral("budget,money")}
        << 2
        << QStringLiteral("\"money\" is not a qualification prerequisite (budget, authority, "
                          "need, timeline)");
    QTest::newRow("check-only without items")
        << QStringList{QStringLiteral("qualify"), id, QStringLiteral("--check-only")} << 2
        << QStringLiteral("--check-only needs --check");
    QTest::newRow("not a version")
        << QStringList{QStringLiteral("qualify"), id, QStringLiteral("--if-version"),
                       QStringLiteral("latest")}
        << 2 << QStringLiteral("--if-version: \"latest\" is not a version");
    QTest::newRow("no such lead") << QStringList{QStringLiteral("disqualify"),
                                                 QStringLiteral("99999"),
                                                 QStringLiteral("--reason"),
                                                 QStringLiteral("no-need")}
                                  << 1 << QStringLiteral("no lead with id 99999");
}

void TestCli::qualificationRefusals() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QVERIFY(generateDemo(20));
    const QString id = QString::number(openLead());
    arguments.replaceInStrings(QRegularExpression(QStringLiteral("^ID$")), id);
    const QByteArray before = runDb({QStringLiteral("show"), id}).out;
    const Result r = runDb(arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.startsWith("leadbench-cli: error: "), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(message.toUtf8()), qPrintable(r.describe()));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(runDb({QStringLiteral("show"), id}).out, before);
}

void TestCli::prerequisitesAreTheTeams() {
    QVERIFY(generateDemo(20));
    Result r = runDb({QStringLiteral("prerequisites")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().array().size(), 4); // BANT
    r = runDb({QStringLiteral("prerequisites"), QStringLiteral("--set"),
               QStringLiteral("budget=Budget;Champion=Has a champion")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("\"Champion\" is not a prerequisite name"), qPrintable(r.describe()));
    r = runDb({QStringLiteral("prerequisites"), QStringLiteral("--set"),
               QStringLiteral("budget=Budget; champion=Has a champion")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonArray list = r.json().array();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(1)[QStringLiteral("item")].toString(), QStringLiteral("champion"));
    QCOMPARE(list.at(1)[QStringLiteral("label")].toString(), QStringLiteral("Has a champion"));

    // Everyone qualifies against it from now on.
    const QString id = QString::number(openLead());
    r = runDb({QStringLiteral("qualify"), id, QStringLiteral("--check"), QStringLiteral("budget")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("champion is not ticked"), qPrintable(r.describe()));
    r = runDb({QStringLiteral("qualify"), id, QStringLiteral("--check"),
               QStringLiteral("budget,champion")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(QStringLiteral("stage")).toString(),
             QStringLiteral("qualified"));
    r = runDb({QStringLiteral("prerequisites"), QStringLiteral("--reset")});
    QCOMPARE(r.json().array().size(), 4);
}

void TestCli::qualifyLosingTheRaceChangesNothing() {
    QVERIFY(generateDemo(20));
    const QString id = QString::number(openLead());
    Result r =
        runDb({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json")});
    const qint64 version = r.json().object().value(QStringLiteral("version")).toInteger();
    r = runDb({QStringLiteral("set"), id, QStringLiteral("--owner"), QStringLiteral("kim")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = runDb({QStringLiteral("qualify"), id, QStringLiteral("--check"),
               QStringLiteral("budget,authority,need,timeline"), QStringLiteral("--if-version"),
               QString::number(version)});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("version " + QByteArray::number(version + 1)),
             qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(QStringLiteral("owner")).toString(), QStringLiteral("kim"));
    r = runDb({QStringLiteral("disqualify"), id, QStringLiteral("--reason"),
               QStringLiteral("no-need"), QStringLiteral("--if-version"),
               QString::number(version)});
    QCOMPARE(r.exitCode, 3);
    r = runDb({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(r.json().object().value(QStringLiteral("qualification")).toString().isEmpty());
    QCOMPARE(r.json().object().value(QStringLiteral("version")).toInteger(), version + 1);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

void TestCli::reportFunnelJson() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(300));
    Result r = runDb({QStringLiteral("report"), QStringLiteral("funnel")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject funnel = r.json().object();
    const QJsonObject storefronts = funnel.value(QStringLiteral("storefronts")).toObject();
    QCOMPARE(sorted(storefronts.keys()),
             (QStringList{QStringLiteral("appsource"), QStringLiteral("azure-marketplace"),
                          QStringLiteral("azure-portal"), QStringLiteral("other")}));
    const QStringList steps = {QStringLiteral("new"), QStringLiteral("contacted"),
                               QStringLiteral("qualified"), QStringLiteral("opportunity"),
                               QStringLiteral("won")};
    const QJsonObject all = funnel.value(QStringLiteral("all")).toObject();
    for (const QString &step : steps) {
        qint64 sum = 0;
        for (const QJsonValue &v : storefronts)
            sum += v.toObject().value(step).toInteger();
        QCOMPARE(sum, all.value(step).toInteger());
    }
    // Cumulative: no step holds more leads than the one before.
    for (qsizetype i = 1; i < steps.size(); ++i)
        QVERIFY(all.value(steps.at(i)).toInteger() <= all.value(steps.at(i - 1)).toInteger());
    // Every lead is new; the count of leads that are qualified or beyond now is a floor for
    // the leads that reached qualified.
    r = runDb({QStringLiteral("count")});
    QCOMPARE(all.value(QStringLiteral("new")).toInteger(),
             r.json().object().value(QStringLiteral("count")).toInteger());
    r = runDb({QStringLiteral("count"), QStringLiteral("--stage"), QStringLiteral("won")});
    QVERIFY(all.value(QStringLiteral("won")).toInteger() >=
            r.json().object().value(QStringLiteral("count")).toInteger());
    const double overall = funnel.value(QStringLiteral("conversion"))
                               .toObject()
                               .value(QStringLiteral("all"))
                               .toObject()
                               .value(QStringLiteral("overall"))
                               .toDouble();
    QCOMPARE(qRound(overall * 1000), qRound(1000.0 * all.value(QStringLiteral("won")).toInteger() /
                                            all.value(QStringLiteral("new")).toInteger()));

    // The filters of list and count narrow a report alike.
    r = runDb({QStringLiteral("report"), QStringLiteral("funnel"), QStringLiteral("--storefront"),
               QStringLiteral("appsource")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json()
                 .object()
                 .value(QStringLiteral("all"))
                 .toObject()
                 .value(QStringLiteral("new"))
                 .toInteger(),
             storefronts.value(QStringLiteral("appsource"))
                 .toObject()
                 .value(QStringLiteral("new"))
                 .toInteger());
}

void TestCli::reportTablesAndImages() {
    QVERIFY(generateDemo(300));
    Result r = runDb({QStringLiteral("report"), QStringLiteral("offers"),
                      QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(r.out.startsWith("offer_id,leads,INS,PLT,StartTestDrive,Create,DNC,other,qualified,"));
    r = runDb({QStringLiteral("report"), QStringLiteral("trend"), QStringLiteral("--interval"),
               QStringLiteral("week"), QStringLiteral("--by"), QStringLiteral("action")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonArray buckets = r.json().object().value(QStringLiteral("buckets")).toArray();
    QVERIFY(!buckets.isEmpty());
    qint64 total = 0;
    for (const QJsonValue &b : buckets) {
        QCOMPARE(
            QDate::fromString(b.toObject().value(QStringLiteral("start")).toString(), Qt::ISODate)
                .dayOfWeek(),
            1);
        total += b.toObject().value(QStringLiteral("total")).toInteger();
    }
    r = runDb({QStringLiteral("count")});
    QCOMPARE(total, r.json().object().value(QStringLiteral("count")).toInteger());

    for (const char *kind : {"funnel", "scores", "first-touch"}) {
        const QString png = m_dir->filePath(QLatin1String(kind) + QStringLiteral(".png"));
        r = runDb({QStringLiteral("report"), QLatin1String(kind), QStringLiteral("--format"),
                   QStringLiteral("png"), QStringLiteral("--out"), png, QStringLiteral("--width"),
                   QStringLiteral("640"), QStringLiteral("--height"), QStringLiteral("400")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QFile image(png);
        QVERIFY(image.open(QIODevice::ReadOnly));
        const QByteArray head = image.read(24);
        QVERIFY(head.startsWith("\x89PNG"));
        // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
        auto be32 = [&](int at) {
            return (quint32(quint8(head[at])) << 24) | (quint32(quint8(head[at + 1])) << 16) |
                   (quint32(quint8(head[at + 2])) << 8) | quint32(quint8(head[at + 3]));
        };
        QCOMPARE(be32(16), 640u);
        QCOMPARE(be32(20), 400u);
    }
    // Without --format the file's ending says it, as for export.
    const QString named = m_dir->filePath(QStringLiteral("named.PNG"));
    r = runDb({QStringLiteral("report"), QStringLiteral("funnel"), QStringLiteral("--out"), named});
    QVERIFY2(r.exitCode == 0 && r.out.contains("\"format\":\"png\""), qPrintable(r.describe()));
    QFile namedImage(named);
    QVERIFY(namedImage.open(QIODevice::ReadOnly));
    QVERIFY(namedImage.read(4).startsWith("\x89PNG"));
    const QString table = m_dir->filePath(QStringLiteral("funnel.csv"));
    r = runDb({QStringLiteral("report"), QStringLiteral("funnel"), QStringLiteral("--out"), table});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QFile tableFile(table);
    QVERIFY(tableFile.open(QIODevice::ReadOnly));
    QVERIFY(tableFile.readAll().startsWith("storefront,step,leads,"));
    const QString svg = m_dir->filePath(QStringLiteral("trend.svg"));
    r = runDb({QStringLiteral("report"), QStringLiteral("trend"), QStringLiteral("--format"),
               QStringLiteral("svg"), QStringLiteral("--out"), svg});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    QVERIFY(svgFile.readAll().contains("<svg"));
    const QString pdf = m_dir->filePath(QStringLiteral("campaigns.pdf"));
    r = runDb({QStringLiteral("report"), QStringLiteral("campaigns"), QStringLiteral("--format"),
               QStringLiteral("pdf"), QStringLiteral("--out"), pdf});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");
}

void TestCli::reportFirstTouch() {
    QFETCH(QString, backend);
    LB_CLI_BACKEND(backend);
    QVERIFY(generateDemo(300));
    Result r = runDb({QStringLiteral("report"), QStringLiteral("first-touch")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject report = r.json().object();
    QCOMPARE(report.value(QStringLiteral("target_hours")).toInt(), 24);
    // The buckets add up to the touched leads; the last is open-ended.
    const QJsonArray buckets = report.value(QStringLiteral("buckets")).toArray();
    QCOMPARE(buckets.size(), 7);
    qint64 touched = 0;
    for (const QJsonValue &b : buckets)
        touched += b.toObject().value(QStringLiteral("leads")).toInteger();
    QCOMPARE(touched, report.value(QStringLiteral("touched")).toInteger());
    QCOMPARE(buckets.first().toObject().value(QStringLiteral("up_to_hours")).toInt(), 1);
    QVERIFY(!buckets.last().toObject().contains(QStringLiteral("up_to_hours")));
    // Waiting: the open leads with no touch at all, as the list shows them.
    const QJsonArray leads =
        listJson({QStringLiteral("--columns"), QStringLiteral("stage,follow_ups")});
    qint64 waiting = 0;
    for (const QJsonValue &v : leads) {
        const QJsonObject lead = v.toObject();
        const QString stage = lead.value(QStringLiteral("stage")).toString();
        waiting += lead.value(QStringLiteral("follow_ups")).toInt() == 0 &&
                           stage != QLatin1String("won") && stage != QLatin1String("lost") &&
                           stage != QLatin1String("disqualified")
                       ? 1
                       : 0;
    }
    QVERIFY(waiting > 0);
    QCOMPARE(report.value(QStringLiteral("waiting")).toInteger(), waiting);

    // The same as CSV: a row per bucket, then the leads still waiting.
    r = runDb({QStringLiteral("report"), QStringLiteral("first-touch"), QStringLiteral("--format"),
               QStringLiteral("csv")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QStringLiteral("first_touch,up_to_hours,leads"));
    QCOMPARE(lines.size(), 1 + 7 + 1);
    QCOMPARE(lines.last(), QStringLiteral("waiting,,%1").arg(waiting));
}

void TestCli::reportBadUsage_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown report") << QStringList{QStringLiteral("report"), QStringLiteral("pie")}
                                    << QStringLiteral("\"pie\" is not a report");
    QTest::newRow("image without a file")
        << QStringList{QStringLiteral("report"), QStringLiteral("funnel"),
                       QStringLiteral("--format"), QStringLiteral("png")}
        << QStringLiteral("--out");
    QTest::newRow("interval") << QStringList{QStringLiteral("report"), QStringLiteral("trend"),
                                             QStringLiteral("--interval"), QStringLiteral("year")}
                              << QStringLiteral("--interval: \"year\"");
    QTest::newRow("size") << QStringList{QStringLiteral("report"), QStringLiteral("funnel"),
                                         QStringLiteral("--width"), QStringLiteral("9")}
                          << QStringLiteral("--width");
}

void TestCli::reportBadUsage() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QVERIFY(generateDemo(20));
    const Result r = runDb(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), qPrintable(r.describe()));
}
