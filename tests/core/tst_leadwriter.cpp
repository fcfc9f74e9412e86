#include "core/domain/leadcolumns.h"
#include "core/io/leadimporter.h"
#include "core/scoring/scoreexplanation.h"
#include "core/scoring/scoringmodel.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadtrash.h"
#include "core/storage/leadwriter.h"
#include "core/storage/transaction.h"
#include "testdatabase.h"

#include <QBuffer>

#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <algorithm>

// Every way a lead changes, against SQLite and PostgreSQL: marketplace records merging into
// leads, edits and bulk edits with their versions, deletes and restores, each with its history.
class TestLeadWriter : public QObject {
    Q_OBJECT
private slots:
    void intakeMergesSamePerson_data() { TestDatabase::addBackendRows(); }
    void intakeMergesSamePerson();
    void intakeJoinsRecordsWithAndWithoutEmail_data() { TestDatabase::addBackendRows(); }
    void intakeJoinsRecordsWithAndWithoutEmail();
    void mergeRecordsEveryChangedColumn_data() { TestDatabase::addBackendRows(); }
    void mergeRecordsEveryChangedColumn();
    void dncRecordMarksLeadButKeepsStage_data() { TestDatabase::addBackendRows(); }
    void dncRecordMarksLeadButKeepsStage();
    void intakeNeedsTransaction();
    void editRecordsEveryColumn_data();
    void editRecordsEveryColumn();
    void lostRaceChangesNothing_data() { TestDatabase::addBackendRows(); }
    void lostRaceChangesNothing();
    void invalidEditChangesNothing_data();
    void invalidEditChangesNothing();
    void bulkEditReportsEachLead_data() { TestDatabase::addBackendRows(); }
    void bulkEditReportsEachLead();
    void bulkEditKeepsTheStageRules_data() { TestDatabase::addBackendRows(); }
    void bulkEditKeepsTheStageRules();
    void deleteAndRestoreGiveBackTheLead_data() { TestDatabase::addBackendRows(); }
    void deleteAndRestoreGiveBackTheLead();
    void restoreRefusedWhenPersonCameBack_data() { TestDatabase::addBackendRows(); }
    void restoreRefusedWhenPersonCameBack();
    void concurrentImportersBothSucceed_data() { TestDatabase::addBackendRows(); }
    void concurrentImportersBothSucceed();
    void noteIsOneActivity_data() { TestDatabase::addBackendRows(); }
    void noteIsOneActivity();
    void everyWriteScoresTheLead_data() { TestDatabase::addBackendRows(); }
    void everyWriteScoresTheLead();
    void aPersonsScoreIsKept_data() { TestDatabase::addBackendRows(); }
    void aPersonsScoreIsKept();
};

namespace {

QDateTime at(int day, int hour = 12) {
    return QDateTime(QDate(2026, 3, 1).addDays(day), QTime(hour, 0), QTimeZone::utc());
}

// Takes in one record in a transaction of its own, as an import of one line would.
class Intake {
public:
    explicit Intake(const Database &db)
        : m_db(db) {}
    IntakeResult operator()(const Lead &lead, const LeadEvent &event, const QString &actor) {
        Transaction tx(m_db);
        LeadWriter writer(m_db);
        const IntakeResult r = writer.intake(tx, lead, event, actor);
        if (r.outcome != IntakeResult::Outcome::Rejected && !tx.commit())
            return IntakeResult{};
        return r;
    }

private:
    Database m_db;
};

Lead person(const QString &email = QStringLiteral("ana.silva@fabrikam.com")) {
    Lead l;
    l.storefront = Storefront::AzureMarketplace;
    l.action = QStringLiteral("PLT");
    l.offerId = QStringLiteral("contoso.analytics");
    l.offerTitle = QStringLiteral("Contoso Analytics");
    l.firstName = QStringLiteral("Ana");
    l.lastName = QStringLiteral("Silva");
    l.email = email;
    l.company = QStringLiteral("Fabrikam");
    return l;
}

LeadEvent record(int day, const QString &action = QStringLiteral("PLT")) {
    LeadEvent e;
    e.occurredAt = at(day);
    e.action = action;
    e.leadSource = QStringLiteral("AzureMarketplace-%1|contoso.analytics").arg(action);
    e.channel = QStringLiteral("test");
    return e;
}

QStringList changedFields(const QList<Activity> &activities) {
    QStringList fields;
    for (const Activity &a : activities) {
        if (a.kind == ActivityKind::Changed)
            fields << a.field;
    }
    return fields;
}

} // namespace

void TestLeadWriter::intakeMergesSamePerson() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    LeadRepository repo(t->database());
    Intake intake(t->database());

    Lead contactMe;
    contactMe.storefront = Storefront::AppSource;
    contactMe.action = QStringLiteral("PLT");
    contactMe.offerId = QStringLiteral("contoso.analytics");
    contactMe.email = QStringLiteral("Mei.Wang@Fabrikam.com");
    contactMe.firstName = QStringLiteral("Mei");
    LeadEvent first;
    first.occurredAt = at(0);
    first.leadSource = QStringLiteral("AppSource-PLT|contoso.analytics");
    first.action = contactMe.action;
    const IntakeResult a = intake(contactMe, first, QStringLiteral("tester"));
    QCOMPARE(a.outcome, IntakeResult::Outcome::Inserted);

    // The same person installs a week later, this time with a phone and company.
    Lead install = contactMe;
    install.email = QStringLiteral(" mei.wang@fabrikam.com");
    install.action = QStringLiteral("INS");
    install.phone = QStringLiteral("+86 10 5555 0100");
    install.company = QStringLiteral("Fabrikam");
    LeadEvent second = first;
    second.occurredAt = at(7);
    second.leadSource = QStringLiteral("AppSource-INS|contoso.analytics");
    second.action = install.action;
    const IntakeResult b = intake(install, second, QStringLiteral("tester"));
    QCOMPARE(b.outcome, IntakeResult::Outcome::Merged);
    QCOMPARE(b.leadId, a.leadId);

    QCOMPARE(repo.count(LeadFilter()), 1);
    const Lead merged = *repo.lead(a.leadId);
    QCOMPARE(merged.events, 2);
    QCOMPARE(merged.phone, QStringLiteral("+86 10 5555 0100"));
    QCOMPARE(merged.company, QStringLiteral("Fabrikam"));
    QCOMPARE(merged.email, QStringLiteral("Mei.Wang@Fabrikam.com")); // kept, not overwritten
    QCOMPARE(merged.action, QStringLiteral("INS"));                  // where the customer is now
    for (const Activity &act : LeadHistory(t->database()).activities(a.leadId))
        QVERIFY2(act.at.secsTo(QDateTime::currentDateTimeUtc()) < 600,
                 "the audit trail records when Leadbench made the change");
    QCOMPARE(merged.createdAt, at(0));
    QCOMPARE(merged.lastEventAt, at(7));
    QVERIFY(merged.version >= 2);

    const QList<LeadEvent> events = LeadHistory(t->database()).events(a.leadId);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).leadSource, QStringLiteral("AppSource-PLT|contoso.analytics"));
    QCOMPARE(events.at(1).leadSource, QStringLiteral("AppSource-INS|contoso.analytics"));
    const QList<Activity> activities = LeadHistory(t->database()).activities(a.leadId);
    QStringList kinds;
    for (const Activity &act : activities)
        kinds << ActivityKinds::canonicalName(act.kind) + QLatin1Char(':') + act.field;
    QVERIFY2(kinds.contains(QStringLiteral("created:")), qPrintable(kinds.join(u' ')));
    QVERIFY2(kinds.contains(QStringLiteral("merged:")), qPrintable(kinds.join(u' ')));
    QVERIFY2(kinds.contains(QStringLiteral("changed:phone")), qPrintable(kinds.join(u' ')));

    // Another offer is another lead; a record with nothing identifying is refused.
    Lead otherOffer = install;
    otherOffer.offerId = QStringLiteral("contoso.vm");
    QCOMPARE(intake(otherOffer, second, QStringLiteral("tester")).outcome,
             IntakeResult::Outcome::Inserted);
    Lead nobody;
    nobody.phone = QStringLiteral("+1 555");
    const IntakeResult refused = intake(nobody, second, QStringLiteral("tester"));
    QCOMPARE(refused.outcome, IntakeResult::Outcome::Rejected);
    QVERIFY(!refused.error.isEmpty());
    QCOMPARE(repo.count(LeadFilter()), 2);
}

void TestLeadWriter::intakeJoinsRecordsWithAndWithoutEmail() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    LeadRepository repo(t->database());
    Intake intake(t->database());
    auto record = [](const QString &email, const QString &action) {
        Lead l;
        l.storefront = Storefront::AppSource;
        l.offerId = QStringLiteral("contoso.crm");
        l.firstName = QStringLiteral("Bob");
        l.lastName = QStringLiteral("Novak");
        l.company = QStringLiteral("Fabrikam");
        l.email = email;
        l.action = action;
        return l;
    };
    auto eventAt = [](int day) {
        LeadEvent e;
        e.occurredAt = at(day);
        e.leadSource = QStringLiteral("AppSource-x|contoso.crm");
        return e;
    };
    // Contact me without an email, then the test drive with one: one lead, email filled.
    const IntakeResult first = intake(record({}, QStringLiteral("PLT")), eventAt(0), {});
    const IntakeResult second =
        intake(record(QStringLiteral("bob@fabrikam.com"), QStringLiteral("StartTestDrive")),
               eventAt(1), {});
    QCOMPARE(second.outcome, IntakeResult::Outcome::Merged);
    QCOMPARE(second.leadId, first.leadId);
    QCOMPARE(repo.lead(first.leadId)->email, QStringLiteral("bob@fabrikam.com"));
    // The install by email finds it by email now; a later record without one still joins it.
    QCOMPARE(
        intake(record(QStringLiteral("BOB@fabrikam.com"), QStringLiteral("INS")), eventAt(2), {})
            .leadId,
        first.leadId);
    QCOMPARE(intake(record({}, QStringLiteral("PLT")), eventAt(3), {}).leadId, first.leadId);
    QCOMPARE(repo.lead(first.leadId)->events, 4);
    QCOMPARE(repo.count(LeadFilter()), 1);

    // Two different Bob Novaks at Fabrikam with their own emails: a record without an email
    // cannot tell which one it is, so it stays a lead of its own.
    intake(record(QStringLiteral("bob.novak@fabrikam.com"), QStringLiteral("INS")), eventAt(4), {});
    QCOMPARE(repo.count(LeadFilter()), 2);
    const IntakeResult ambiguous = intake(record({}, QStringLiteral("PLT")), eventAt(5), {});
    QCOMPARE(ambiguous.outcome, IntakeResult::Outcome::Inserted);
    QCOMPARE(repo.count(LeadFilter()), 3);
    QCOMPARE(repo.lead(first.leadId)->events, 4);
    // The same name on another offer is another lead.
    Lead otherOffer = record(QStringLiteral("bob@fabrikam.com"), QStringLiteral("INS"));
    otherOffer.offerId = QStringLiteral("contoso.vm");
    QCOMPARE(intake(otherOffer, eventAt(6), {}).outcome, IntakeResult::Outcome::Inserted);
}

void TestLeadWriter::mergeRecordsEveryChangedColumn() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    Intake intake(t->database());
    // A "Contact me" without an email or a title.
    Lead first = person(QString());
    first.title.clear();
    const IntakeResult a = intake(first, record(5), QStringLiteral("import"));
    QCOMPARE(a.outcome, IntakeResult::Outcome::Inserted);
    // An earlier record from a university test address, with a title, and DNC: every derived
    // flag and the creation time change with it.
    Lead second = person(QStringLiteral("MSFT_TEST_0042@campus.edu"));
    second.title = QStringLiteral("Lecturer");
    second.action = QStringLiteral("DNC");
    const IntakeResult b =
        intake(second, record(2, QStringLiteral("DNC")), QStringLiteral("import"));
    QCOMPARE(b.outcome, IntakeResult::Outcome::Merged);
    QCOMPARE(b.leadId, a.leadId);

    const Lead lead = *LeadRepository(t->database()).lead(a.leadId);
    QCOMPARE(lead.createdAt, at(2));
    QVERIFY(lead.doNotContact);
    QVERIFY(lead.isTest);
    QVERIFY(lead.privacyRestricted);
    const QList<Activity> history = LeadHistory(t->database()).activities(a.leadId);
    const QStringList fields = changedFields(history);
    for (const char *column : {"email", "title", "created_at", "events", "do_not_contact",
                               "is_test", "privacy_restricted"})
        QVERIFY2(fields.contains(QLatin1String(column)),
                 qPrintable(QStringLiteral("no line for %1 in %2")
                                .arg(QLatin1String(column), fields.join(u' '))));
    // An older record does not say where the customer is now.
    QVERIFY(!fields.contains(QStringLiteral("action")));
    // Values keep their type.
    for (const Activity &act : history) {
        if (act.field == QLatin1String("events")) {
            QCOMPARE(act.oldValue, QVariant(1));
            QCOMPARE(act.newValue, QVariant(2));
        }
        if (act.field == QLatin1String("do_not_contact")) {
            QCOMPARE(act.oldValue, QVariant(false));
            QCOMPARE(act.newValue, QVariant(true));
        }
    }
}

void TestLeadWriter::dncRecordMarksLeadButKeepsStage() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    Intake intake(t->database());
    const IntakeResult a = intake(person(), record(0), QStringLiteral("import"));
    LeadWriter writer(t->database());
    const UpdateResult moved = writer.update(
        a.leadId, 0, LeadChanges().set(QStringLiteral("stage"), QStringLiteral("nurturing")),
        QStringLiteral("sam"));
    QVERIFY2(moved.ok(), qPrintable(moved.error));

    Lead dnc = person();
    dnc.action = QStringLiteral("DNC");
    QCOMPARE(intake(dnc, record(3, QStringLiteral("DNC")), QStringLiteral("import")).outcome,
             IntakeResult::Outcome::Merged);
    const Lead lead = *LeadRepository(t->database()).lead(a.leadId);
    QVERIFY(lead.doNotContact);
    QCOMPARE(lead.stage, Stage::Nurturing);
    bool said = false;
    for (const Activity &act : LeadHistory(t->database()).activities(a.leadId)) {
        QVERIFY(act.field != QLatin1String("stage") || act.actor == QLatin1String("sam"));
        if (act.field == QLatin1String("do_not_contact"))
            said = act.note.contains(QLatin1String("do not contact"));
    }
    QVERIFY2(said, "the timeline says why the lead is do-not-contact");
}

void TestLeadWriter::intakeNeedsTransaction() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    LeadWriter writer(t->database());
    Transaction tx(t->database());
    tx.rollback();
    const IntakeResult r = writer.intake(tx, person(), record(0), {});
    QCOMPARE(r.outcome, IntakeResult::Outcome::Rejected);
    QVERIFY2(r.error.contains(QLatin1String("transaction")), qPrintable(r.error));
    QCOMPARE(LeadRepository(t->database()).count(LeadFilter()), 0);
}

void TestLeadWriter::editRecordsEveryColumn_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("expected");
    const QList<std::tuple<const char *, const char *, QVariant>> cases = {
        {"storefront", "appsource", QStringLiteral("appsource")},
        {"action", "INS", QStringLiteral("INS")},
        {"offer_id", "contoso.vm", QStringLiteral("contoso.vm")},
        {"offer_title", "Contoso VM", QStringLiteral("Contoso VM")},
        {"first_name", "Anabela", QStringLiteral("Anabela")},
        {"last_name", "Silva Costa", QStringLiteral("Silva Costa")},
        {"email", "ana@contoso.edu", QStringLiteral("ana@contoso.edu")},
        {"phone", "+351 21 555 0100", QStringLiteral("+351 21 555 0100")},
        {"country", "pt", QStringLiteral("PT")},
        {"company", "Contoso", QStringLiteral("Contoso")},
        {"title", "CFO", QStringLiteral("CFO")},
        {"description", "Wants a demo", QStringLiteral("Wants a demo")},
        {"stage", "qualified", QStringLiteral("qualified")},
        {"owner", "sam", QStringLiteral("sam")},
        {"score", "87", QVariant(87)},
        {"grade", "a", QStringLiteral("A")},
        {"win_probability", "0.35", QVariant(0.35)},
        {"next_follow_up_at", "2026-04-02T09:30:00+02:00", QStringLiteral("2026-04-02T07:30:00Z")},
        {"follow_ups", "3", QVariant(3)},
        {"do_not_contact", "true", QVariant(true)},
        {"is_test", "yes", QVariant(true)},
        {"campaign", "spring-trial", QStringLiteral("spring-trial")},
        {"origin", "co-sell", QStringLiteral("co-sell")},
        {"qualification", R"({"need": {"by": "rep", "at": "2026-03-02T11:00:00+01:00"}})",
         QStringLiteral(R"({"need":{"at":"2026-03-02T10:00:00Z","by":"rep"}})")},
        {"opportunity_value", "48000.5", QVariant(48000.5)},
        {"opportunity_currency", "eur", QStringLiteral("EUR")},
        {"expected_close_at", "2027-03-31", QStringLiteral("2027-03-31T00:00:00Z")},
        {"destination", "marketplace", QStringLiteral("marketplace")},
        {"disqualify_reason", "no budget", QStringLiteral("no-budget")},
        {"disqualify_note", "Next fiscal year", QStringLiteral("Next fiscal year")},
    };
    for (const char *backend : {"sqlite", "postgresql"}) {
        for (const auto &[column, text, expected] : cases)
            QTest::addRow("%s/%s", backend, column)
                << QString::fromLatin1(backend) << QString::fromLatin1(column)
                << QString::fromUtf8(text) << expected;
    }
}

void TestLeadWriter::editRecordsEveryColumn() {
    QFETCH(QString, backend);
    QFETCH(QString, column);
    QFETCH(QString, text);
    QFETCH(QVariant, expected);
    LB_TEST_DATABASE(t, backend);
    const IntakeResult a = Intake(t->database())(person(), record(0), QStringLiteral("import"));
    const Lead before = *LeadRepository(t->database()).lead(a.leadId);
    const QVariant old = LeadColumns::value(before, column);

    LeadWriter writer(t->database());
    const UpdateResult r = writer.update(a.leadId, before.version, LeadChanges().set(column, text),
                                         QStringLiteral("rep"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.lead->version, before.version + 1);
    const Lead after = *LeadRepository(t->database()).lead(a.leadId);
    QCOMPARE(after.version, before.version + 1);
    QCOMPARE(LeadColumns::value(after, column), expected);

    // One line for the column, with both values in their type; .edu also flips its flag.
    const QList<Activity> history = LeadHistory(t->database()).activities(a.leadId);
    QList<Activity> lines;
    for (const Activity &act : history) {
        // What scores the lead (action, phone, title, ...) may move its grade: the rescore's
        // own line, by "system".
        if (act.kind == ActivityKind::Changed && act.actor == QLatin1String("system"))
            QCOMPARE(act.field, QStringLiteral("grade"));
        else if (act.kind == ActivityKind::Changed)
            lines << act;
    }
    QVERIFY(!lines.isEmpty());
    const Activity &line = lines.first();
    QCOMPARE(line.field, column);
    QCOMPARE(line.actor, QStringLiteral("rep"));
    QCOMPARE(line.oldValue, old);
    QCOMPARE(line.newValue, expected);
    if (column == QLatin1String("score")) {
        // A score by hand takes its grade from the model's bands: the grade's line is the rep's.
        QCOMPARE(lines.size(), after.grade == before.grade ? 1 : 2);
        if (lines.size() == 2)
            QCOMPARE(lines.at(1).field, QStringLiteral("grade"));
    } else {
        QCOMPARE(lines.size(), column == QLatin1String("email") ? 2 : 1);
    }

    // Setting the same value again is no change: no new version, no new line.
    const UpdateResult again =
        writer.update(a.leadId, 0, LeadChanges().set(column, text), QStringLiteral("rep"));
    QVERIFY(again.ok());
    QCOMPARE(again.lead->version, after.version);
    QCOMPARE(LeadHistory(t->database()).activities(a.leadId).size(), history.size());

    // The same change as a bulk edit of two other leads: each gets its line.
    if (column == QLatin1String("email") || column == QLatin1String("offer_id"))
        return; // two leads cannot both become the same person and offer
    Intake intake(t->database());
    const qint64 b = intake(person(QStringLiteral("b@fabrikam.com")), record(1), {}).leadId;
    const qint64 c = intake(person(QStringLiteral("c@fabrikam.com")), record(1), {}).leadId;
    const QList<UpdateResult> bulk = writer.updateMany(
        {{b, 0}, {c, 0}}, LeadChanges().set(column, text), QStringLiteral("lead"));
    for (const UpdateResult &r : bulk) {
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(LeadColumns::value(*LeadRepository(t->database()).lead(r.id), column), expected);
        QList<Activity> lines = LeadHistory(t->database()).activities(r.id);
        // The grade moved with the change (by the rescore, or with a score by hand).
        if (lines.last().field == QLatin1String("grade") && column != QLatin1String("grade"))
            lines.removeLast();
        QCOMPARE(lines.last().kind, ActivityKind::Changed);
        QCOMPARE(lines.last().field, column);
        QCOMPARE(lines.last().newValue, expected);
        QCOMPARE(lines.last().actor, QStringLiteral("lead"));
    }
}

void TestLeadWriter::lostRaceChangesNothing() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const IntakeResult a = Intake(t->database())(person(), record(0), {});
    const qint64 version = LeadRepository(t->database()).lead(a.leadId)->version;
    LeadWriter mine(t->database());
    LeadWriter theirs(t->database());
    QVERIFY(theirs
                .update(a.leadId, version,
                        LeadChanges().set(QStringLiteral("owner"), QStringLiteral("kim")),
                        QStringLiteral("kim"))
                .ok());
    const qint64 activities = LeadHistory(t->database()).activities(a.leadId).size();
    const UpdateResult r = mine.update(
        a.leadId, version, LeadChanges().set(QStringLiteral("owner"), QStringLiteral("sam")),
        QStringLiteral("sam"));
    QCOMPARE(r.status, UpdateResult::Status::Conflict);
    QVERIFY(r.lead);
    QCOMPARE(r.lead->owner, QStringLiteral("kim")); // theirs, to show beside mine
    QCOMPARE(r.lead->version, version + 1);
    const Lead now = *LeadRepository(t->database()).lead(a.leadId);
    QCOMPARE(now.owner, QStringLiteral("kim"));
    QCOMPARE(now.version, version + 1);
    QCOMPARE(LeadHistory(t->database()).activities(a.leadId).size(), activities);
    // Not found is its own answer.
    QCOMPARE(mine.update(a.leadId + 1000, 0,
                         LeadChanges().set(QStringLiteral("owner"), QStringLiteral("sam")), {})
                 .status,
             UpdateResult::Status::NotFound);
}

void TestLeadWriter::invalidEditChangesNothing_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    const QList<std::tuple<const char *, const char *, const char *>> cases = {
        {"stage", "maybe", "not a stage"},
        {"next_follow_up_at", "tomorrow", "not an ISO 8601 time"},
        {"score", "150", "between 0 and 100"},
        {"score", "high", "not a whole number"},
        {"win_probability", "2", "between 0 and 1"},
        {"do_not_contact", "perhaps", "not true or false"},
        {"country", "Portugal", "two-letter"},
        {"storefront", "amazon", "not a storefront"},
        {"grade", "E", "not A, B, C or D"},
        {"id", "7", "cannot be changed"},
        {"events", "9", "cannot be changed"},
        {"colour", "red", "no such column"},
        {"email", "bo@fabrikam.com", "already this person's lead"},
    };
    for (const char *backend : {"sqlite", "postgresql"}) {
        for (const auto &[column, text, reason] : cases)
            QTest::addRow("%s/%s=%s", backend, column, text)
                << QString::fromLatin1(backend) << QString::fromLatin1(column)
                << QString::fromUtf8(text) << QString::fromUtf8(reason);
    }
}

void TestLeadWriter::invalidEditChangesNothing() {
    QFETCH(QString, backend);
    QFETCH(QString, column);
    QFETCH(QString, text);
    QFETCH(QString, reason);
    LB_TEST_DATABASE(t, backend);
    Intake intake(t->database());
    const IntakeResult a = intake(person(), record(0), {});
    intake(person(QStringLiteral("bo@fabrikam.com")), record(0), {});
    const Lead before = *LeadRepository(t->database()).lead(a.leadId);
    const qint64 lines = LeadHistory(t->database()).activities(a.leadId).size();
    const UpdateResult r =
        LeadWriter(t->database())
            .update(
                a.leadId, before.version,
                LeadChanges().set(QStringLiteral("owner"), QStringLiteral("sam")).set(column, text),
                QStringLiteral("rep"));
    QCOMPARE(r.status, UpdateResult::Status::Invalid);
    QVERIFY2(r.error.contains(reason), qPrintable(r.error));
    const Lead after = *LeadRepository(t->database()).lead(a.leadId);
    QCOMPARE(after.version, before.version);
    QCOMPARE(after.owner, QString()); // the valid part of the edit did not land either
    QCOMPARE(LeadHistory(t->database()).activities(a.leadId).size(), lines);
}

void TestLeadWriter::bulkEditReportsEachLead() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    Intake intake(t->database());
    QList<qint64> ids;
    for (const char *email : {"a@fabrikam.com", "b@fabrikam.com", "c@fabrikam.com"})
        ids << intake(person(QString::fromLatin1(email)), record(0), {}).leadId;
    LeadWriter writer(t->database());
    // Someone else moves the second lead on meanwhile.
    QVERIFY(writer
                .update(ids.at(1), 0,
                        LeadChanges().set(QStringLiteral("stage"), QStringLiteral("contacted")),
                        QStringLiteral("kim"))
                .ok());
    const LeadChanges assign = LeadChanges()
                                   .set(QStringLiteral("owner"), QStringLiteral("sam"))
                                   .set(QStringLiteral("campaign"), QStringLiteral("q3-push"));
    const QList<UpdateResult> results =
        writer.updateMany({{ids.at(0), 1}, {ids.at(1), 1}, {ids.at(2), 0}, {ids.at(2) + 1000, 0}},
                          assign, QStringLiteral("sam"));
    QCOMPARE(results.size(), 4);
    QCOMPARE(results.at(0).status, UpdateResult::Status::Updated);
    QCOMPARE(results.at(1).status, UpdateResult::Status::Conflict);
    QCOMPARE(results.at(2).status, UpdateResult::Status::Updated);
    QCOMPARE(results.at(3).status, UpdateResult::Status::NotFound);
    const LeadRepository repo(t->database());
    QCOMPARE(repo.lead(ids.at(0))->owner, QStringLiteral("sam"));
    QCOMPARE(repo.lead(ids.at(1))->owner, QString());
    QCOMPARE(repo.lead(ids.at(2))->campaign, QStringLiteral("q3-push"));
    for (qint64 id : {ids.at(0), ids.at(2)}) {
        const QStringList fields = changedFields(LeadHistory(t->database()).activities(id));
        QCOMPARE(fields, (QStringList{QStringLiteral("owner"), QStringLiteral("campaign")}));
    }
    // The previous lead of each update is what an undo puts back.
    QCOMPARE(results.at(0).previous->owner, QString());
}

void TestLeadWriter::bulkEditKeepsTheStageRules() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    Intake intake(t->database());
    QList<qint64> ids;
    for (const char *email : {"a@fabrikam.com", "b@fabrikam.com", "c@fabrikam.com"})
        ids << intake(person(QString::fromLatin1(email)), record(0), {}).leadId;
    LeadWriter writer(t->database());
    const QDateTime monday(QDate(2026, 12, 7), QTime(9, 0), QTimeZone::utc());
    QVERIFY(writer
                .update(ids.at(1), 0,
                        LeadChanges().set(QStringLiteral("do_not_contact"), QStringLiteral("true")),
                        QStringLiteral("kim"))
                .ok());
    // Nurturing a selection: the do-not-contact lead is refused with its reason, the others move.
    const QList<UpdateResult> nurtured =
        writer.updateMany({{ids.at(0), 0}, {ids.at(1), 0}, {ids.at(2), 0}},
                          LeadChanges()
                              .set(QStringLiteral("stage"), QStringLiteral("nurturing"))
                              .set(QStringLiteral("next_follow_up_at"), monday)
                              .setFollowUpKind(QStringLiteral("email")),
                          QStringLiteral("sam"));
    QCOMPARE(nurtured.at(0).status, UpdateResult::Status::Updated);
    QCOMPARE(nurtured.at(1).status, UpdateResult::Status::Invalid);
    QCOMPARE(
        nurtured.at(1).error,
        QStringLiteral("lead %1 is do-not-contact: it cannot move to nurturing").arg(ids.at(1)));
    QCOMPARE(nurtured.at(2).lead->nextFollowUpAt, monday);
    const LeadRepository repo(t->database());
    QCOMPARE(repo.lead(ids.at(1))->stage, Stage::New);
    // Closing them clears each one's follow-up, with a line for it in the timeline.
    const QList<UpdateResult> lost = writer.updateMany(
        {{ids.at(0), 0}, {ids.at(2), 0}},
        LeadChanges().set(QStringLiteral("stage"), QStringLiteral("lost")), QStringLiteral("sam"));
    for (const UpdateResult &r : lost) {
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(!repo.lead(r.id)->nextFollowUpAt.isValid());
        const QStringList fields = changedFields(LeadHistory(t->database()).activities(r.id));
        QCOMPARE(fields.mid(fields.size() - 3),
                 (QStringList{QStringLiteral("stage"), QStringLiteral("next_follow_up_at"),
                              QStringLiteral("next_follow_up_kind")}));
    }
    // Reopening one elsewhere than where it was needs a note (taking the close back is an undo);
    // with one, it is in the timeline.
    const UpdateResult reopened = writer.update(
        ids.at(0), 0, LeadChanges().set(QStringLiteral("stage"), QStringLiteral("contacted")),
        QStringLiteral("sam"));
    QCOMPARE(reopened.status, UpdateResult::Status::Invalid);
    QVERIFY(writer
                .update(ids.at(0), 0,
                        LeadChanges()
                            .set(QStringLiteral("stage"), QStringLiteral("contacted"))
                            .setNote(QStringLiteral("new budget after all")),
                        QStringLiteral("sam"))
                .ok());
    const QList<Activity> lines = LeadHistory(t->database()).activities(ids.at(0));
    QCOMPARE(lines.last().kind, ActivityKind::Note);
    QCOMPARE(lines.last().note, QStringLiteral("new budget after all"));
}

void TestLeadWriter::deleteAndRestoreGiveBackTheLead() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    Intake intake(t->database());
    const IntakeResult a = intake(person(), record(0), QStringLiteral("import"));
    Lead install = person();
    install.action = QStringLiteral("INS");
    install.phone = QStringLiteral("+1 555 0100");
    intake(install, record(4, QStringLiteral("INS")), QStringLiteral("import"));
    const IntakeResult other = intake(person(QStringLiteral("bo@fabrikam.com")), record(1), {});
    LeadWriter writer(t->database());
    QVERIFY(writer
                .update(a.leadId, 0,
                        LeadChanges()
                            .set(QStringLiteral("stage"), QStringLiteral("qualified"))
                            .set(QStringLiteral("score"), 72)
                            .set(QStringLiteral("next_follow_up_at"), at(9)),
                        QStringLiteral("sam"))
                .ok());
    const LeadRepository repo(t->database());
    const LeadHistory history(t->database());
    const Lead before = *repo.lead(a.leadId);
    const QList<LeadEvent> eventsBefore = history.events(a.leadId);
    const QList<Activity> activitiesBefore = history.activities(a.leadId);

    LeadTrash trash(t->database());
    const QList<UpdateResult> removed = trash.remove({a.leadId, 999999}, QStringLiteral("sam"));
    QCOMPARE(removed.at(0).status, UpdateResult::Status::Updated);
    QCOMPARE(removed.at(1).status, UpdateResult::Status::NotFound);
    // Gone from every list, count and search.
    QVERIFY(!repo.lead(a.leadId));
    QCOMPARE(repo.count(LeadFilter()), 1);
    LeadFilter search;
    search.search = QStringLiteral("ana.silva");
    QCOMPARE(repo.count(search), 0);
    QCOMPARE(repo.list(LeadFilter(), LeadSort(), 10).size(), 1);
    QVERIFY(history.events(a.leadId).isEmpty());
    QCOMPARE(trash.ids(), QList<qint64>{a.leadId});

    // A new lead meanwhile never takes the deleted lead's id.
    const IntakeResult newcomer = intake(person(QStringLiteral("cy@fabrikam.com")), record(2), {});
    QVERIFY(newcomer.leadId != a.leadId);
    QVERIFY(newcomer.leadId > other.leadId);

    const QList<UpdateResult> restored = trash.restore({a.leadId}, QStringLiteral("kim"));
    QCOMPARE(restored.at(0).status, UpdateResult::Status::Updated);
    const Lead back = *repo.lead(a.leadId);
    for (const QString &column : LeadColumns::tracked())
        QCOMPARE(LeadColumns::value(back, column), LeadColumns::value(before, column));
    QCOMPARE(back.version, before.version);
    QCOMPARE(repo.count(search), 1);
    const QList<LeadEvent> eventsBack = history.events(a.leadId);
    QCOMPARE(eventsBack.size(), eventsBefore.size());
    for (qsizetype i = 0; i < eventsBack.size(); ++i) {
        QCOMPARE(eventsBack.at(i).leadSource, eventsBefore.at(i).leadSource);
        QCOMPARE(eventsBack.at(i).occurredAt, eventsBefore.at(i).occurredAt);
    }
    const QList<Activity> activitiesBack = history.activities(a.leadId);
    QCOMPARE(activitiesBack.size(), activitiesBefore.size() + 2);
    for (qsizetype i = 0; i < activitiesBefore.size(); ++i) {
        QCOMPARE(activitiesBack.at(i).kind, activitiesBefore.at(i).kind);
        QCOMPARE(activitiesBack.at(i).field, activitiesBefore.at(i).field);
        QCOMPARE(activitiesBack.at(i).oldValue, activitiesBefore.at(i).oldValue);
        QCOMPARE(activitiesBack.at(i).newValue, activitiesBefore.at(i).newValue);
        QCOMPARE(activitiesBack.at(i).at, activitiesBefore.at(i).at);
    }
    QCOMPARE(activitiesBack.at(activitiesBefore.size()).kind, ActivityKind::Deleted);
    QCOMPARE(activitiesBack.at(activitiesBefore.size()).actor, QStringLiteral("sam"));
    QCOMPARE(activitiesBack.last().kind, ActivityKind::Restored);
    QCOMPARE(activitiesBack.last().actor, QStringLiteral("kim"));
    QVERIFY(trash.ids().isEmpty());
    // Restoring twice finds nothing in the trash.
    QCOMPARE(trash.restore({a.leadId}, {}).at(0).status, UpdateResult::Status::NotFound);
}

void TestLeadWriter::restoreRefusedWhenPersonCameBack() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    Intake intake(t->database());
    const IntakeResult a = intake(person(), record(0), {});
    LeadTrash trash(t->database());
    QVERIFY(trash.remove({a.leadId}, {}).at(0).ok());
    const IntakeResult again = intake(person(), record(3), {});
    QCOMPARE(again.outcome, IntakeResult::Outcome::Inserted);
    const UpdateResult r = trash.restore({a.leadId}, {}).at(0);
    QCOMPARE(r.status, UpdateResult::Status::Conflict);
    QVERIFY2(r.error.contains(QString::number(again.leadId)), qPrintable(r.error));
    QCOMPARE(trash.ids(), QList<qint64>{a.leadId}); // still there to restore later
    QCOMPARE(LeadRepository(t->database()).count(LeadFilter()), 1);
}

void TestLeadWriter::concurrentImportersBothSucceed() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    // Two files sharing 150 of their 300 people, imported at the same time in opposite orders.
    auto csv = [](int from, int to, bool reversed) {
        QByteArray data =
            "LeadSource,ActionCode,OfferTitle,FirstName,LastName,Email,Company,CreatedTime\n";
        QList<int> people;
        for (int i = from; i < to; ++i)
            people << i;
        if (reversed)
            std::reverse(people.begin(), people.end());
        for (int i : people)
            data += QStringLiteral("AzureMarketplace-INS|contoso.analytics,INS,Analytics,P%1,Q%1,"
                                   "p%1@fabrikam.com,Fabrikam,2026-03-%2T10:00:00Z\n")
                        .arg(i)
                        .arg(reversed ? 20 : 10)
                        .toUtf8();
        return data;
    };
    const QByteArray one = csv(0, 300, false);
    const QByteArray two = csv(150, 450, true);
    ImportSummary first, second;
    auto run = [&](const QByteArray &data, ImportSummary *out) {
        return QThread::create([&, data, out] {
            QBuffer buffer;
            buffer.setData(data);
            buffer.open(QIODevice::ReadOnly);
            *out = LeadImporter(t->database(), QStringLiteral("importer"))
                       .importDevice(&buffer, QStringLiteral("leads.csv"));
            t->database().closeThreadConnection();
        });
    };
    std::unique_ptr<QThread> a(run(one, &first));
    std::unique_ptr<QThread> b(run(two, &second));
    a->start();
    b->start();
    QVERIFY(a->wait(120000));
    QVERIFY(b->wait(120000));
    QVERIFY2(first.ok(), qPrintable(first.fatal));
    QVERIFY2(second.ok(), qPrintable(second.fatal));
    QCOMPARE(first.rejected + second.rejected, 0);
    QCOMPARE(first.imported + second.imported, 450);
    QCOMPARE(first.merged + second.merged, 150);
    const LeadRepository repo(t->database());
    QCOMPARE(repo.count(LeadFilter()), 450);
    LeadFilter shared;
    shared.search = QStringLiteral("p200@fabrikam.com");
    const QList<Lead> both = repo.list(shared, LeadSort(), 10);
    QCOMPARE(both.size(), 1);
    QCOMPARE(both.first().events, 2);
}

void TestLeadWriter::noteIsOneActivity() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const IntakeResult a = Intake(t->database())(person(), record(0), {});
    const LeadRepository repo(t->database());
    const LeadHistory history(t->database());
    const Lead before = *repo.lead(a.leadId);
    const qsizetype lines = history.activities(a.leadId).size();
    LeadWriter writer(t->database());

    const UpdateResult r = writer.addNote(
        a.leadId, QStringLiteral("Called, wants a demo on Friday"), QStringLiteral("sam"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.lead);
    QCOMPARE(r.lead->id, a.leadId);
    const QList<Activity> after = history.activities(a.leadId);
    QCOMPARE(after.size(), lines + 1);
    QCOMPARE(after.last().kind, ActivityKind::Note);
    QCOMPARE(after.last().note, QStringLiteral("Called, wants a demo on Friday"));
    QCOMPARE(after.last().actor, QStringLiteral("sam"));
    QVERIFY(after.last().at.isValid());
    // A note is history: the lead itself, and so its version, stay as they were.
    QCOMPARE(repo.lead(a.leadId)->version, before.version);

    QCOMPARE(writer.addNote(a.leadId + 1000, QStringLiteral("hello"), {}).status,
             UpdateResult::Status::NotFound);
    QCOMPARE(writer.addNote(a.leadId, QStringLiteral("   "), {}).status,
             UpdateResult::Status::Invalid);
    QCOMPARE(history.activities(a.leadId).size(), lines + 1);
}

void TestLeadWriter::everyWriteScoresTheLead() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    Intake intake(db);
    LeadRepository repo(db);
    auto gradeLines = [&](qint64 id) {
        QList<Activity> lines;
        for (const Activity &a : LeadHistory(db).activities(id))
            if (a.field == QLatin1String("grade"))
                lines << a;
        return lines;
    };
    // A new lead: Azure Marketplace 3, contact me 10, work address 10, company 5.
    const IntakeResult a = intake(person(), record(0), QStringLiteral("import"));
    Lead lead = *repo.lead(a.leadId);
    QCOMPARE(lead.score, 28);
    QCOMPARE(lead.grade, QStringLiteral("D"));
    QCOMPARE(lead.scoreModelVersion, 1);
    QCOMPARE(ScoreExplanation::sum(ScoreExplanation::fromText(lead.scoreExplanation)), 28);
    QVERIFY(gradeLines(a.leadId).isEmpty()); // born with its grade: no line

    // The same person installs: installed 25 instead of 10, and came back 15.
    Lead installed = person();
    installed.action = QStringLiteral("INS");
    QCOMPARE(intake(installed, record(2, QStringLiteral("INS")), QStringLiteral("import")).outcome,
             IntakeResult::Outcome::Merged);
    const Lead merged = *repo.lead(a.leadId);
    QCOMPARE(merged.score, 58);
    QCOMPARE(merged.grade, QStringLiteral("B"));
    QCOMPARE(merged.version, lead.version + 1); // the merge's version; the score adds none
    QList<Activity> grades = gradeLines(a.leadId);
    QCOMPARE(grades.size(), 1);
    QCOMPARE(grades.first().actor, QStringLiteral("system"));
    QCOMPARE(grades.first().newValue, QVariant(QStringLiteral("B")));
    for (const Activity &act : LeadHistory(db).activities(a.leadId))
        QVERIFY2(act.field != QLatin1String("score"), "a score is no timeline line");

    // A rep's edit to what scores: a CEO is worth 20 more, in the edit's one version.
    const UpdateResult edit = LeadWriter(db).update(
        a.leadId, merged.version,
        LeadChanges().set(QStringLiteral("title"), QStringLiteral("Chief Executive Officer")),
        QStringLiteral("rep"));
    QVERIFY2(edit.ok(), qPrintable(edit.error));
    QCOMPARE(edit.lead->score, 78);
    QCOMPARE(repo.lead(a.leadId)->score, 78);
    QCOMPARE(repo.lead(a.leadId)->version, merged.version + 1);
    grades = gradeLines(a.leadId);
    QCOMPARE(grades.size(), 2);
    QCOMPARE(grades.last().actor, QStringLiteral("system"));

    // Do not contact: 0, whatever else it has.
    Lead dnc = person();
    dnc.action = QStringLiteral("DNC");
    QCOMPARE(intake(dnc, record(3, QStringLiteral("DNC")), QStringLiteral("import")).outcome,
             IntakeResult::Outcome::Merged);
    lead = *repo.lead(a.leadId);
    QCOMPARE(lead.score, 0);
    QCOMPARE(lead.grade, QStringLiteral("D"));
    const QList<ScoreLine> lines = ScoreExplanation::fromText(lead.scoreExplanation);
    QCOMPARE(lines.last().rule, QStringLiteral("do-not-contact"));
    QCOMPARE(ScoreExplanation::sum(lines), 0);

    // A test lead is not scored.
    Lead test = person(QStringLiteral("msft_test_123456@microsoft.com"));
    test.firstName = QStringLiteral("MSFT_TEST_123456");
    const IntakeResult tr = intake(test, record(4), QStringLiteral("import"));
    const Lead testLead = *repo.lead(tr.leadId);
    QVERIFY(testLead.isTest);
    QCOMPARE(testLead.score, 0);
    QVERIFY(testLead.grade.isEmpty());
    QVERIFY(testLead.scoreExplanation.isEmpty());
}

void TestLeadWriter::aPersonsScoreIsKept() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    const IntakeResult a = Intake(db)(person(), record(0), QStringLiteral("import"));
    LeadWriter writer(db);
    UpdateResult r =
        writer.update(a.leadId, 0, LeadChanges().set(QStringLiteral("score"), QStringLiteral("90")),
                      QStringLiteral("manager"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.lead->score, 90);
    QCOMPARE(r.lead->scoreModelVersion, 0);
    // Graded by the model's bands, with its line in the timeline.
    QCOMPARE(r.lead->grade, ScoringModel::defaultModel().gradeFor(90));
    QCOMPARE(r.lead->grade, QStringLiteral("A"));
    const QList<Activity> lines = LeadHistory(db).activities(a.leadId);
    QVERIFY(std::any_of(lines.cbegin(), lines.cend(), [](const Activity &line) {
        return line.field == QLatin1String("grade") &&
               line.newValue.toString() == QLatin1String("A");
    }));
    // A grade that the score's band contradicts is refused, and nothing changes.
    r = writer.update(a.leadId, 0,
                      LeadChanges()
                          .set(QStringLiteral("score"), QStringLiteral("20"))
                          .set(QStringLiteral("grade"), QStringLiteral("A")),
                      QStringLiteral("manager"));
    QCOMPARE(r.status, UpdateResult::Status::Invalid);
    QVERIFY2(r.error.contains(QLatin1String("grade A does not go with score 20, which is grade D")),
             qPrintable(r.error));
    QCOMPARE(LeadRepository(db).lead(a.leadId)->score, 90);
    // A later edit leaves the manager's score alone.
    r = writer.update(a.leadId, 0,
                      LeadChanges().set(QStringLiteral("title"), QStringLiteral("Developer")),
                      QStringLiteral("rep"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(LeadRepository(db).lead(a.leadId)->score, 90);
    QVERIFY(LeadWriter::isHandScored(*LeadRepository(db).lead(a.leadId)));
}

QTEST_GUILESS_MAIN(TestLeadWriter)
#include "tst_leadwriter.moc"
