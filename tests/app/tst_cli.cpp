#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// leadbench-cli end to end: the built program, its exit status, stdout and stderr, each test
// with a database of its own in a temporary folder.
class TestCli : public QObject {
    Q_OBJECT
private slots:
    void init();

    void noArguments();
    void badUsage_data();
    void badUsage();
    void unopenableDatabase_data();
    void unopenableDatabase();
    void initCreatesTheDatabase();
    void generate();
    void statsJson();
    void listJsonSorted();
    void listCsvColumns();
    void listFilteredByStorefront();
    void listUnknownStorefront();
    void listOffsetPaging();
    void listEverySortReturnsEveryLead_data();
    void listEverySortReturnsEveryLead();
    void showJson();
    void showMissingLead();
    void importReportsEveryRow();
    void databaseFromEnvironment();
    void newerSchemaRefused();
    void timesWithoutOffsetAreUtc();
    void concurrentWritersWaitTheirTurn();
    void missingImportFileCreatesNothing();
    void reimportingAnExportChangesNothing();
    void unknownHeaderColumnsAreReported();

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

    Result run(const QStringList &arguments, const QProcessEnvironment &env) const;
    Result run(const QStringList &arguments) const { return run(arguments, environment()); }
    // With --db pointing at this test's database.
    Result runDb(const QStringList &arguments) const {
        return run(QStringList{QStringLiteral("--db"), dbPath()} + arguments);
    }
    QProcessEnvironment environment() const;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("leads.sqlite")); }
    QString writeFile(const QString &name, const QByteArray &content) const;
    bool generateDemo(int count = 500);
    QJsonArray listJson(const QStringList &extra);

    std::unique_ptr<QTemporaryDir> m_dir;
};

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
                                      QStringLiteral("origin")};

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
}

QProcessEnvironment TestCli::environment() const {
    // Nothing reaches the real per-user database: the default location is inside the test folder.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LEADBENCH_DB"));
    env.insert(QStringLiteral("HOME"), m_dir->path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg-data")));
    return env;
}

TestCli::Result TestCli::run(const QStringList &arguments, const QProcessEnvironment &env) const {
    Result r;
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir->path());
    p.start(QStringLiteral(LEADBENCH_CLI_PATH), arguments);
    if (!p.waitForStarted(30000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
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

void TestCli::showJson() {
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
    QVERIFY(generateDemo(20));
    const Result r = runDb({QStringLiteral("show"), QStringLiteral("999999")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.errLines().size() == 1, qPrintable(r.describe()));
    QVERIFY2(r.err.startsWith("leadbench-cli: error:"), qPrintable(r.describe()));
    QVERIFY2(r.err.contains("999999"), qPrintable(r.describe()));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
}

void TestCli::importReportsEveryRow() {
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
    QCOMPARE(sorted(summary.keys()),
             (QStringList{QStringLiteral("errors"), QStringLiteral("imported"),
                          QStringLiteral("merged"), QStringLiteral("read"),
                          QStringLiteral("rejected"), QStringLiteral("unchanged")}));
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

QTEST_GUILESS_MAIN(TestCli)

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
    const QString semi = writeFile(QStringLiteral("semi.csv"), "email;first_name\nana@x.com;Ana\n");
    r = runDb({QStringLiteral("import"), semi});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("semicolons"), qPrintable(r.describe()));
}

#include "tst_cli.moc"
