#include "core/domain/disqualifyreason.h"
#include "core/domain/followupdestination.h"
#include "core/domain/lead.h"
#include "core/domain/leadchanges.h"
#include "core/domain/leadcolumns.h"
#include "core/domain/opportunitydetails.h"
#include "core/domain/qualification.h"

#include <QTest>
#include <QTimeZone>

// The qualification values without a database: the checklist and its stored text, the
// disqualify reasons, the opportunity details, and how the lead's new columns read their text.
class TestQualification : public QObject {
    Q_OBJECT
private slots:
    void checklistKeepsWhoAndWhen();
    void checklistTextRoundTrips();
    void badChecklistTextRefused_data();
    void badChecklistTextRefused();
    void reasonsByName_data();
    void reasonsByName();
    void opportunityDetails_data();
    void opportunityDetails();
    void columnValues_data();
    void columnValues();
    void otherReasonNeedsText();
};

namespace {

QDateTime at(int hour) {
    return QDateTime(QDate(2026, 11, 30), QTime(hour, 15), QTimeZone::utc());
}

Lead lead() {
    Lead l;
    l.id = 12;
    l.email = QStringLiteral("ana@fabrikam.com");
    l.offerId = QStringLiteral("contoso.crm");
    return l;
}

} // namespace

void TestQualification::checklistKeepsWhoAndWhen() {
    Qualification q;
    QVERIFY(q.isEmpty());
    q.tick(QStringLiteral("budget"), QStringLiteral("sam"), at(9));
    q.tick(QStringLiteral("need"), QStringLiteral("kim"), at(10));
    // Ticking again keeps the first tick: who confirmed it and when.
    q.tick(QStringLiteral("budget"), QStringLiteral("kim"), at(11));
    QCOMPARE(q.items(), (QStringList{QStringLiteral("budget"), QStringLiteral("need")}));
    QCOMPARE(q.tickOf(QStringLiteral("budget")).by, QStringLiteral("sam"));
    QCOMPARE(q.tickOf(QStringLiteral("budget")).at, at(9));
    QVERIFY(!q.isTicked(QStringLiteral("authority")));
    q.untick(QStringLiteral("budget"));
    QCOMPARE(q.items(), QStringList{QStringLiteral("need")});
}

void TestQualification::checklistTextRoundTrips() {
    Qualification q;
    QCOMPARE(q.toText(), QString());
    q.tick(QStringLiteral("timeline"), QStringLiteral("sam"), at(9));
    q.tick(QStringLiteral("budget"), QStringLiteral("Ana Lópes"), at(10));
    const QString text = q.toText();
    QCOMPARE(text, QStringLiteral("{\"budget\":{\"at\":\"2026-11-30T10:15:00Z\",\"by\":\"Ana "
                                  "Lópes\"},\"timeline\":{\"at\":\"2026-11-30T09:15:00Z\",\"by\":"
                                  "\"sam\"}}"));
    Qualification back;
    QString error;
    QVERIFY2(Qualification::fromText(text, &back, &error), qPrintable(error));
    QCOMPARE(back, q);
    QVERIFY(Qualification::fromText(QString(), &back, &error));
    QVERIFY(back.isEmpty());
}

void TestQualification::badChecklistTextRefused_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QStringLiteral("budget,need") << QStringLiteral("not a checklist");
    QTest::newRow("an array") << QStringLiteral("[\"budget\"]")
                              << QStringLiteral("not a checklist");
    QTest::newRow("item name") << QStringLiteral("{\"Budget!\":{\"by\":\"sam\",\"at\":\"2026-01-"
                                                 "01T00:00:00Z\"}}")
                               << QStringLiteral("\"Budget!\" is not a checklist item name");
    QTest::newRow("no time") << QStringLiteral("{\"budget\":{\"by\":\"sam\"}}")
                             << QStringLiteral("checklist item \"budget\"");
    QTest::newRow("not a tick") << QStringLiteral("{\"budget\":true}")
                                << QStringLiteral("checklist item \"budget\"");
}

void TestQualification::badChecklistTextRefused() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    Qualification q;
    q.tick(QStringLiteral("need"), QStringLiteral("sam"), at(9));
    const Qualification before = q;
    QString error;
    QVERIFY(!Qualification::fromText(text, &q, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(q, before);
}

void TestQualification::reasonsByName_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("canonical") << QStringLiteral("no-budget") << QStringLiteral("no-budget");
    QTest::newRow("as a person writes it")
        << QStringLiteral("No budget") << QStringLiteral("no-budget");
    QTest::newRow("underscores") << QStringLiteral("bad_data") << QStringLiteral("bad-data");
    QTest::newRow("dnc") << QStringLiteral("DNC") << QStringLiteral("dnc");
    QTest::newRow("unknown") << QStringLiteral("too expensive") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestQualification::reasonsByName() {
    QFETCH(QString, name);
    QFETCH(QString, canonical);
    DisqualifyReason r = DisqualifyReason::Other;
    QCOMPARE(DisqualifyReasons::fromCanonicalName(name, &r), !canonical.isEmpty());
    if (!canonical.isEmpty())
        QCOMPARE(DisqualifyReasons::canonicalName(r), canonical);
    QCOMPARE(DisqualifyReasons::all().size(), 8);
    for (DisqualifyReason each : DisqualifyReasons::all())
        QCOMPARE(DisqualifyReasons::needsText(each), each == DisqualifyReason::Other);
}

void TestQualification::opportunityDetails_data() {
    QTest::addColumn<QStringList>("fields"); // value, currency, close date, destination
    QTest::addColumn<QStringList>("problems");
    const auto row = [](const char *name, QStringList fields, QStringList problems) {
        QTest::newRow(name) << fields << problems;
    };
    const QString ok = QStringLiteral("2027-03-31");
    row("complete", {QStringLiteral("25000"), QStringLiteral("eur"), ok, QStringLiteral("co-sell")},
        {});
    row("cents", {QStringLiteral("1250.50"), QStringLiteral("USD"), ok, QStringLiteral("own-crm")},
        {});
    row("zero", {QStringLiteral("0"), QStringLiteral("USD"), ok, QStringLiteral("marketplace")},
        {QStringLiteral("value: 0 is not an amount above 0")});
    row("negative", {QStringLiteral("-5"), QStringLiteral("USD"), ok, QStringLiteral("own-crm")},
        {QStringLiteral("value: -5 is not an amount above 0")});
    row("words", {QStringLiteral("lots"), QStringLiteral("USD"), ok, QStringLiteral("own-crm")},
        {QStringLiteral("value: \"lots\" is not a number")});
    row("made-up currency",
        {QStringLiteral("10"), QStringLiteral("ABC"), ok, QStringLiteral("own-crm")},
        {QStringLiteral("currency: \"ABC\" is not an ISO 4217 currency code")});
    row("gold is no deal's currency",
        {QStringLiteral("10"), QStringLiteral("XAU"), ok, QStringLiteral("own-crm")},
        {QStringLiteral("currency: \"XAU\" is not an ISO 4217 currency code")});
    row("symbol", {QStringLiteral("10"), QStringLiteral("$"), ok, QStringLiteral("own-crm")},
        {QStringLiteral("currency: \"$\" is not an ISO 4217 currency code")});
    row("bad date",
        {QStringLiteral("10"), QStringLiteral("USD"), QStringLiteral("31/03/2027"),
         QStringLiteral("own-crm")},
        {QStringLiteral("close date: \"31/03/2027\" is not a date (YYYY-MM-DD) or an ISO 8601 "
                        "time")});
    row("unknown destination",
        {QStringLiteral("10"), QStringLiteral("USD"), ok, QStringLiteral("salesforce")},
        {QStringLiteral("destination: \"salesforce\" is not own-crm, co-sell, marketplace")});
    row("nothing", {QString(), QString(), QString(), QString()},
        {QStringLiteral("value: an estimated value above 0 is needed"),
         QStringLiteral("currency: an ISO 4217 code such as USD or EUR is needed"),
         QStringLiteral("close date: an expected close date is needed"),
         QStringLiteral("destination: one of own-crm, co-sell, marketplace is needed")});
}

void TestQualification::opportunityDetails() {
    QFETCH(QStringList, fields);
    QFETCH(QStringList, problems);
    QStringList found;
    const OpportunityDetails d = OpportunityDetails::fromText(fields.at(0), fields.at(1),
                                                              fields.at(2), fields.at(3), &found);
    QCOMPARE(found, problems);
    if (problems.isEmpty()) {
        QCOMPARE(d.currency, fields.at(1).toUpper());
        QCOMPARE(d.value, fields.at(0).toDouble());
        QCOMPARE(LeadColumns::isoUtc(d.expectedCloseAt), QStringLiteral("2027-03-31T00:00:00Z"));
        QCOMPARE(d.destination, fields.at(3));
        QVERIFY(d.problems().isEmpty());
    }
}

void TestQualification::columnValues_data() {
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("stored"); // as LeadColumns::text gives it back; "" if refused
    QTest::addColumn<QString>("problem");
    QTest::newRow("currency upper-cased")
        << QStringLiteral("opportunity_currency") << QStringLiteral("gbp") << QStringLiteral("GBP")
        << QString();
    QTest::newRow("currency cleared")
        << QStringLiteral("opportunity_currency") << QString() << QString() << QString();
    QTest::newRow("bad currency") << QStringLiteral("opportunity_currency")
                                  << QStringLiteral("EURO") << QString()
                                  << QStringLiteral("\"EURO\" is not an ISO 4217 currency code");
    QTest::newRow("value") << QStringLiteral("opportunity_value") << QStringLiteral("1250.5")
                           << QStringLiteral("1250.5") << QString();
    QTest::newRow("value unset") << QStringLiteral("opportunity_value") << QStringLiteral("0")
                                 << QStringLiteral("0") << QString();
    QTest::newRow("negative value") << QStringLiteral("opportunity_value") << QStringLiteral("-1")
                                    << QString() << QStringLiteral("-1 is not an amount");
    QTest::newRow("close date") << QStringLiteral("expected_close_at")
                                << QStringLiteral("2027-03-31")
                                << QStringLiteral("2027-03-31T00:00:00Z") << QString();
    QTest::newRow("destination") << QStringLiteral("destination") << QStringLiteral("Co-Sell")
                                 << QStringLiteral("co-sell") << QString();
    QTest::newRow("bad destination")
        << QStringLiteral("destination") << QStringLiteral("dynamics") << QString()
        << QStringLiteral("\"dynamics\" is not a destination (own-crm, co-sell, marketplace)");
    QTest::newRow("reason") << QStringLiteral("disqualify_reason") << QStringLiteral("no budget")
                            << QStringLiteral("no-budget") << QString();
    QTest::newRow("bad reason") << QStringLiteral("disqualify_reason") << QStringLiteral("rude")
                                << QString()
                                << QStringLiteral("\"rude\" is not a reason to disqualify");
    QTest::newRow("checklist")
        << QStringLiteral("qualification")
        << QStringLiteral("{ \"need\": {\"by\": \"sam\", \"at\": \"2026-11-30T09:15:00+01:00\"} }")
        << QStringLiteral("{\"need\":{\"at\":\"2026-11-30T08:15:00Z\",\"by\":\"sam\"}}")
        << QString();
    QTest::newRow("bad checklist") << QStringLiteral("qualification") << QStringLiteral("budget")
                                   << QString() << QStringLiteral("is not a checklist");
}

void TestQualification::columnValues() {
    QFETCH(QString, column);
    QFETCH(QString, text);
    QFETCH(QString, stored);
    QFETCH(QString, problem);
    QVERIFY(LeadColumns::all().contains(column));
    QVERIFY(LeadChanges::isEditable(column));
    Lead l = lead();
    const QString found = LeadChanges().set(column, text).applyTo(l);
    if (!problem.isEmpty()) {
        QVERIFY2(found.contains(problem), qPrintable(found));
        QVERIFY2(found.startsWith(column + QStringLiteral(": ")), qPrintable(found));
        QCOMPARE(LeadColumns::text(l, column), LeadColumns::text(lead(), column));
        return;
    }
    QVERIFY2(found.isEmpty(), qPrintable(found));
    QCOMPARE(LeadColumns::text(l, column), stored);
}

void TestQualification::otherReasonNeedsText() {
    Lead l = lead();
    QString problem =
        LeadChanges().set(QStringLiteral("disqualify_reason"), QStringLiteral("other")).applyTo(l);
    QVERIFY2(problem.contains(QLatin1String("reason \"other\" needs a text")), qPrintable(problem));
    QVERIFY(l.disqualifyReason.isEmpty());
    problem = LeadChanges()
                  .set(QStringLiteral("disqualify_reason"), QStringLiteral("other"))
                  .set(QStringLiteral("disqualify_note"), QStringLiteral("a reseller"))
                  .applyTo(l);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(l.disqualifyReason, QStringLiteral("other"));
    // Undoing writes both back: no reason and no text.
    problem = LeadChanges()
                  .set(QStringLiteral("disqualify_reason"), QString())
                  .set(QStringLiteral("disqualify_note"), QString())
                  .applyTo(l);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(l.disqualifyReason.isEmpty());
}

QTEST_GUILESS_MAIN(TestQualification)
#include "tst_qualification.moc"
