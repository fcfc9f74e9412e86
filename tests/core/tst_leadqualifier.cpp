#include "core/domain/leadcolumns.h"
#include "core/domain/leaddiff.h"
#include "core/domain/opportunitydetails.h"
#include "core/scoring/leadrescorer.h"
#include "core/storage/leadhistory.h"
#include "core/storage/leadqualifier.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "core/storage/prerequisitestore.h"
#include "testdatabase.h"

#include <QTest>
#include <QTimeZone>

// From lead to opportunity against SQLite and PostgreSQL: each step stored as a versioned edit
// with its activities naming who, a refused step storing nothing, a lost race a conflict, and
// each step undone by writing the previous values back.
class TestLeadQualifier : public QObject {
    Q_OBJECT
private slots:
    void qualifyThenConvert_data() { TestDatabase::addBackendRows(); }
    void qualifyThenConvert();
    void disqualifyWithoutReasonStoresNothing_data() { TestDatabase::addBackendRows(); }
    void disqualifyWithoutReasonStoresNothing();
    void disqualifyRecordsTheReason_data() { TestDatabase::addBackendRows(); }
    void disqualifyRecordsTheReason();
    void staleVersionIsAConflict_data() { TestDatabase::addBackendRows(); }
    void staleVersionIsAConflict();
    void ticksAreKeptPerPerson_data() { TestDatabase::addBackendRows(); }
    void ticksAreKeptPerPerson();
    void stepsUndoByWritingBack_data() { TestDatabase::addBackendRows(); }
    void stepsUndoByWritingBack();
    void missingLead_data() { TestDatabase::addBackendRows(); }
    void missingLead();
    void teamChecklistIsTheOneQualifiedAgainst_data() { TestDatabase::addBackendRows(); }
    void teamChecklistIsTheOneQualifiedAgainst();
};

namespace {

const QStringList bant = {QStringLiteral("budget"), QStringLiteral("authority"),
                          QStringLiteral("need"), QStringLiteral("timeline")};

Lead person(Stage stage = Stage::Contacted) {
    Lead l;
    l.storefront = Storefront::AppSource;
    l.action = QStringLiteral("PLT");
    l.offerId = QStringLiteral("contoso.analytics");
    l.firstName = QStringLiteral("Ana");
    l.lastName = QStringLiteral("Silva");
    l.email = QStringLiteral("ana.silva@fabrikam.com");
    l.company = QStringLiteral("Fabrikam");
    l.stage = stage;
    l.createdAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0), QTimeZone::utc());
    l.lastEventAt = l.createdAt;
    l.nextFollowUpAt = QDateTime(QDate(2026, 12, 3), QTime(9, 0), QTimeZone::utc());
    return l;
}

OpportunityDetails details() {
    OpportunityDetails d;
    d.value = 48000.5;
    d.currency = QStringLiteral("EUR");
    d.expectedCloseAt = QDateTime(QDate(2027, 3, 31), QTime(0, 0), QTimeZone::utc());
    d.destination = QStringLiteral("co-sell");
    return d;
}

// The changed activities of a lead: "actor field old -> new", in order.
// The changes people made: a grade the rescoring moved (by "system") is not a step.
QStringList changes(const Database &db, qint64 id) {
    QStringList out;
    for (const Activity &a : LeadHistory(db).activities(id))
        if (a.kind == ActivityKind::Changed && a.actor != QLatin1String("system"))
            out << QStringLiteral("%1 %2 %3 -> %4")
                       .arg(a.actor, a.field, LeadColumns::valueText(a.oldValue),
                            LeadColumns::valueText(a.newValue));
    return out;
}

} // namespace

void TestLeadQualifier::qualifyThenConvert() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const qint64 id = TestDatabase::insertLead(t->database(), person());
    QVERIFY(id > 0);
    LeadQualifier qualifier(t->database());

    UpdateResult r = qualifier.qualify(id, 1, bant, QStringLiteral("sam"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.lead->stage, Stage::Qualified);
    QCOMPARE(r.lead->version, 2);
    r = qualifier.convert(id, 2, details(), QStringLiteral("kim"));
    QVERIFY2(r.ok(), qPrintable(r.error));

    // What is stored, read back as anyone would.
    const Lead stored = *LeadRepository(t->database()).lead(id);
    QCOMPARE(stored.stage, Stage::Opportunity);
    QCOMPARE(stored.opportunityValue, 48000.5);
    QCOMPARE(stored.opportunityCurrency, QStringLiteral("EUR"));
    QCOMPARE(LeadColumns::text(stored, QStringLiteral("expected_close_at")),
             QStringLiteral("2027-03-31T00:00:00Z"));
    QCOMPARE(stored.destination, QStringLiteral("co-sell"));
    QCOMPARE(stored.qualification.items().size(), 4);
    QCOMPARE(stored.qualification.tickOf(QStringLiteral("authority")).by, QStringLiteral("sam"));
    QVERIFY(stored.qualification.tickOf(QStringLiteral("authority")).at.isValid());
    QCOMPARE(stored.version, 3);

    // The timeline: every step, who took it, old and new values.
    const QStringList timeline = changes(t->database(), id);
    QCOMPARE(timeline.size(), 7);
    QCOMPARE(timeline.at(0), QStringLiteral("sam stage contacted -> qualified"));
    QVERIFY2(timeline.at(1).startsWith(QLatin1String("sam qualification  -> {\"authority\":")),
             qPrintable(timeline.at(1)));
    QCOMPARE(timeline.mid(2), (QStringList{
                                  QStringLiteral("kim stage qualified -> opportunity"),
                                  QStringLiteral("kim opportunity_value 0 -> 48000.5"),
                                  QStringLiteral("kim opportunity_currency  -> EUR"),
                                  QStringLiteral("kim expected_close_at  -> 2027-03-31T00:00:00Z"),
                                  QStringLiteral("kim destination  -> co-sell"),
                              }));
}

void TestLeadQualifier::disqualifyWithoutReasonStoresNothing() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const qint64 id = TestDatabase::insertLead(t->database(), person());
    LeadQualifier qualifier(t->database());
    for (const QString &reason : {QString(), QStringLiteral("   "), QStringLiteral("rude")}) {
        const UpdateResult r =
            qualifier.disqualify(id, 0, reason, QString(), QStringLiteral("sam"));
        QCOMPARE(r.status, UpdateResult::Status::Invalid);
        QVERIFY2(r.error.contains(QLatin1String("no-budget, no-need")), qPrintable(r.error));
    }
    const UpdateResult other =
        qualifier.disqualify(id, 0, QStringLiteral("other"), QString(), QStringLiteral("sam"));
    QCOMPARE(other.status, UpdateResult::Status::Invalid);
    QVERIFY2(other.error.contains(QLatin1String("needs a text")), qPrintable(other.error));
    const Lead stored = *LeadRepository(t->database()).lead(id);
    QCOMPARE(stored.stage, Stage::Contacted);
    QCOMPARE(stored.version, 1);
    QVERIFY(stored.disqualifyReason.isEmpty());
    QVERIFY(changes(t->database(), id).isEmpty());
}

void TestLeadQualifier::disqualifyRecordsTheReason() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const qint64 id = TestDatabase::insertLead(t->database(), person());
    const UpdateResult r = LeadQualifier(t->database())
                               .disqualify(id, 1, QStringLiteral("other"),
                                           QStringLiteral("  a reseller, not an end customer "),
                                           QStringLiteral("sam"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Lead stored = *LeadRepository(t->database()).lead(id);
    QCOMPARE(stored.stage, Stage::Disqualified);
    QCOMPARE(stored.disqualifyReason, QStringLiteral("other"));
    QCOMPARE(stored.disqualifyNote, QStringLiteral("a reseller, not an end customer"));
    QVERIFY(!stored.nextFollowUpAt.isValid());
    QCOMPARE(changes(t->database(), id),
             (QStringList{QStringLiteral("sam stage contacted -> disqualified"),
                          QStringLiteral("sam next_follow_up_at 2026-12-03T09:00:00Z -> "),
                          QStringLiteral("sam disqualify_reason  -> other"),
                          QStringLiteral("sam disqualify_note  -> a reseller, not an end "
                                         "customer")}));
    // A closed lead is not qualified again.
    const UpdateResult again =
        LeadQualifier(t->database()).qualify(id, 0, bant, QStringLiteral("kim"));
    QCOMPARE(again.status, UpdateResult::Status::Invalid);
    QVERIFY2(again.error.contains(QLatin1String("disqualified, a closed stage")),
             qPrintable(again.error));
}

void TestLeadQualifier::staleVersionIsAConflict() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const qint64 id = TestDatabase::insertLead(t->database(), person());
    // Someone else moves the lead on while this person's checklist is open at version 1.
    const UpdateResult theirs =
        LeadWriter(t->database())
            .update(id, 1, LeadChanges().set(QStringLiteral("owner"), QStringLiteral("kim")),
                    QStringLiteral("kim"));
    QVERIFY2(theirs.ok(), qPrintable(theirs.error));
    LeadQualifier qualifier(t->database());
    UpdateResult r = qualifier.qualify(id, 1, bant, QStringLiteral("sam"));
    QCOMPARE(r.status, UpdateResult::Status::Conflict);
    QVERIFY(r.lead);
    QCOMPARE(r.lead->owner, QStringLiteral("kim")); // theirs, to show beside mine
    r = qualifier.convert(id, 1, details(), QStringLiteral("sam"));
    QCOMPARE(r.status, UpdateResult::Status::Conflict);
    r = qualifier.disqualify(id, 1, QStringLiteral("no-need"), QString(), QStringLiteral("sam"));
    QCOMPARE(r.status, UpdateResult::Status::Conflict);
    const Lead stored = *LeadRepository(t->database()).lead(id);
    QCOMPARE(stored.stage, Stage::Contacted);
    QCOMPARE(stored.version, 2);
    QVERIFY(stored.qualification.isEmpty());
    // Against the version as it is now, it goes ahead.
    r = qualifier.qualify(id, 2, bant, QStringLiteral("sam"));
    QVERIFY2(r.ok(), qPrintable(r.error));
}

void TestLeadQualifier::ticksAreKeptPerPerson() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const qint64 id = TestDatabase::insertLead(t->database(), person(Stage::New));
    LeadQualifier qualifier(t->database());
    UpdateResult r = qualifier.tick(id, 0, {QStringLiteral("budget"), QStringLiteral("need")},
                                    QStringLiteral("sam"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.lead->stage, Stage::New);
    // Not every prerequisite yet: refused, the checklist as it was.
    r = qualifier.qualify(id, 0, {QStringLiteral("authority")}, QStringLiteral("kim"));
    QCOMPARE(r.status, UpdateResult::Status::Invalid);
    QVERIFY2(r.error.contains(QLatin1String("timeline is not ticked")), qPrintable(r.error));
    r = qualifier.qualify(id, 0, {QStringLiteral("authority"), QStringLiteral("timeline")},
                          QStringLiteral("kim"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Qualification checklist = LeadRepository(t->database()).lead(id)->qualification;
    QCOMPARE(checklist.tickOf(QStringLiteral("budget")).by, QStringLiteral("sam"));
    QCOMPARE(checklist.tickOf(QStringLiteral("need")).by, QStringLiteral("sam"));
    QCOMPARE(checklist.tickOf(QStringLiteral("authority")).by, QStringLiteral("kim"));
    QCOMPARE(checklist.tickOf(QStringLiteral("timeline")).by, QStringLiteral("kim"));
    r = qualifier.untick(id, 0, {QStringLiteral("need")}, QStringLiteral("kim"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(!r.lead->qualification.isTicked(QStringLiteral("need")));
}

void TestLeadQualifier::stepsUndoByWritingBack() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const qint64 id = TestDatabase::insertLead(t->database(), person(Stage::Qualified));
    // Scored before the steps, as every stored lead is: a step then changes no score.
    QVERIFY(LeadRescorer(t->database()).rescore(LeadRescorer::Scope::All).ok);
    const Lead original = *LeadRepository(t->database()).lead(id);
    LeadQualifier qualifier(t->database());
    QList<UpdateResult> steps;
    steps << qualifier.convert(id, 0, details(), QStringLiteral("sam"));
    QVERIFY2(steps.last().ok(), qPrintable(steps.last().error));
    steps << qualifier.disqualify(id, steps.last().lead->version, QStringLiteral("competitor"),
                                  QStringLiteral("chose another vendor"), QStringLiteral("sam"));
    QVERIFY2(steps.last().ok(), qPrintable(steps.last().error));
    // The window's undo, newest step first: each changed column's previous value, written
    // against the version the step produced.
    for (qsizetype i = steps.size() - 1; i >= 0; --i) {
        const UpdateResult &step = steps.at(i);
        LeadChanges back;
        for (const Activity &a : LeadDiff::changes(*step.previous, *step.lead))
            back.set(a.field, LeadColumns::value(*step.previous, a.field));
        const qint64 version = LeadRepository(t->database()).lead(id)->version;
        const UpdateResult undone =
            LeadWriter(t->database()).update(id, version, back, QStringLiteral("sam"));
        QVERIFY2(undone.ok(), qPrintable(undone.error));
        for (const QString &column : LeadColumns::tracked())
            QVERIFY2(LeadColumns::text(*undone.lead, column) ==
                         LeadColumns::text(*step.previous, column),
                     qPrintable(column));
    }
    const Lead back = *LeadRepository(t->database()).lead(id);
    QCOMPARE(back.stage, Stage::Qualified);
    for (const QString &column : LeadColumns::tracked())
        QVERIFY2(LeadColumns::text(back, column) == LeadColumns::text(original, column),
                 qPrintable(column));
}

void TestLeadQualifier::missingLead() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const UpdateResult r =
        LeadQualifier(t->database()).qualify(999, 0, bant, QStringLiteral("sam"));
    QCOMPARE(r.status, UpdateResult::Status::NotFound);
}

void TestLeadQualifier::teamChecklistIsTheOneQualifiedAgainst() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    const Database &db = t->database();
    PrerequisiteStore store(db);
    QCOMPARE(store.policy()->items(), bant); // none stored: BANT

    // A checklist that cannot be one is refused and changes nothing.
    QVERIFY(!store.save({{QStringLiteral("budget"), QStringLiteral("Budget")},
                         {QStringLiteral("budget"), QStringLiteral("Budget again")}}));
    QVERIFY2(store.lastError().contains(QLatin1String("twice")), qPrintable(store.lastError()));
    QVERIFY(!store.save({{QStringLiteral("Has Champion"), QStringLiteral("Champion")}}));
    QVERIFY(!store.save({}));
    QCOMPARE(store.policy()->items(), bant);

    QVERIFY2(store.save({{QStringLiteral("budget"), QStringLiteral("Budget")},
                         {QStringLiteral("champion"), QStringLiteral("Has a champion")}}),
             qPrintable(store.lastError()));
    const std::optional<QualificationPolicy> team = PrerequisiteStore(db).policy();
    QVERIFY(team);
    QCOMPARE(team->prerequisites().at(1).label, QStringLiteral("Has a champion"));

    const qint64 id = TestDatabase::insertLead(db, person());
    LeadQualifier qualifier(db);
    // BANT's items are no prerequisites any more; the champion is.
    UpdateResult r = qualifier.qualify(id, 0, bant, QStringLiteral("sam"));
    QCOMPARE(r.status, UpdateResult::Status::Invalid);
    r = qualifier.qualify(id, 0, {QStringLiteral("budget")}, QStringLiteral("sam"));
    QCOMPARE(r.status, UpdateResult::Status::Invalid);
    QVERIFY2(r.error.contains(QLatin1String("champion")), qPrintable(r.error));
    r = qualifier.qualify(id, 0, {QStringLiteral("budget"), QStringLiteral("champion")},
                          QStringLiteral("sam"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.lead->stage, Stage::Qualified);
    QVERIFY(r.lead->qualification.isTicked(QStringLiteral("champion")));

    QVERIFY(store.reset());
    QCOMPARE(store.policy()->items(), bant);
}

QTEST_GUILESS_MAIN(TestLeadQualifier)
#include "tst_leadqualifier.moc"
