#include "core/storage/leadrepository.h"
#include "core/storage/leadviewjson.h"
#include "core/storage/savedviewrepository.h"
#include "testdatabase.h"

#include <QTest>
#include <QTimeZone>

// Saved views against SQLite and PostgreSQL: the four a database starts with, create, rename,
// update and delete, unique names, and the saved form of a filter with "me" and "today".
class TestSavedViewRepository : public QObject {
    Q_OBJECT
private slots:
    void defaultsComeWithTheDatabase_data() { TestDatabase::addBackendRows(); }
    void defaultsComeWithTheDatabase();
    void createRenameUpdateDelete_data() { TestDatabase::addBackendRows(); }
    void createRenameUpdateDelete();
    void namesAreUnique_data() { TestDatabase::addBackendRows(); }
    void namesAreUnique();
    void filterRoundTrips();
    void meAndTodayStaySymbolic();
    void unknownValuesAreIgnored();
};

namespace {

QStringList names(const QList<SavedView> &views) {
    QStringList list;
    for (const SavedView &v : views)
        list << v.name;
    return list;
}

const LeadViewJson::Context samOnMonday{
    QStringLiteral("sam"), QDateTime(QDate(2026, 3, 2), QTime(10, 0), QTimeZone::systemTimeZone())};

} // namespace

void TestSavedViewRepository::defaultsComeWithTheDatabase() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    SavedViewRepository repo(t->database());
    const std::optional<QList<SavedView>> views = repo.list();
    QVERIFY2(views, qPrintable(repo.lastError()));
    QCOMPARE(
        names(*views),
        (QStringList{QStringLiteral("My new leads"), QStringLiteral("Due today"),
                     QString::fromUtf8("Hot \u2014 grade A"), QStringLiteral("Do not contact")}));

    // "My new leads" is the new leads of whoever applies it.
    const LeadFilter mine = LeadViewJson::filterFromJson(views->at(0).filter, samOnMonday);
    QCOMPARE(mine.owner, QStringLiteral("sam"));
    QCOMPARE(mine.stage, std::optional<Stage>(Stage::New));
    const LeadFilter alexs = LeadViewJson::filterFromJson(
        views->at(0).filter, {QStringLiteral("alex"), samOnMonday.now});
    QCOMPARE(alexs.owner, QStringLiteral("alex"));
    QCOMPARE(views->at(0).sort, (LeadSort{QStringLiteral("score"), true}));
    QVERIFY(views->at(0).columns.contains(QStringLiteral("name")));

    // "Due today": follow-ups before the end of the day it is applied on.
    const LeadFilter due = LeadViewJson::filterFromJson(views->at(1).filter, samOnMonday);
    QCOMPARE(due.dueBefore,
             QDateTime(QDate(2026, 3, 3), QTime(0, 0), QTimeZone::systemTimeZone()).toUTC());
    QCOMPARE(views->at(1).sort, (LeadSort{QStringLiteral("next_follow_up_at"), false}));

    const LeadFilter hot = LeadViewJson::filterFromJson(views->at(2).filter, samOnMonday);
    QCOMPARE(hot.grade, QStringLiteral("A"));
    const LeadFilter dnc = LeadViewJson::filterFromJson(views->at(3).filter, samOnMonday);
    QVERIFY(dnc.doNotContact);
    // Each default means only its own condition.
    LeadFilter onlyDnc;
    onlyDnc.doNotContact = true;
    QCOMPARE(dnc, onlyDnc);
    // And every one of them runs as a query.
    LeadRepository leads(t->database());
    for (const SavedView &v : *views)
        QVERIFY2(leads.count(LeadViewJson::filterFromJson(v.filter, samOnMonday)) == 0,
                 qPrintable(leads.lastError()));
}

void TestSavedViewRepository::createRenameUpdateDelete() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    SavedViewRepository repo(t->database());

    LeadFilter filter;
    filter.storefront = Storefront::AzureMarketplace;
    filter.search = QStringLiteral("woodgrove");
    filter.minScore = 60;
    SavedView view;
    view.name = QStringLiteral("  Woodgrove on Azure ");
    view.filter = LeadViewJson::filterToJson(filter, samOnMonday);
    view.sort = LeadSort{QStringLiteral("company"), false};
    view.columns = {QStringLiteral("company"), QStringLiteral("name"), QStringLiteral("score")};
    view.createdBy = QStringLiteral("sam");
    const std::optional<SavedView> created = repo.create(view);
    QVERIFY2(created, qPrintable(repo.lastError()));
    QVERIFY(created->id > 0);
    QCOMPARE(created->name, QStringLiteral("Woodgrove on Azure")); // trimmed
    QCOMPARE(created->position, 4);                                // after the defaults

    // Read back whole, by another connection's worth of reading: the list.
    std::optional<QList<SavedView>> views = repo.list();
    QVERIFY(views);
    QCOMPARE(views->size(), 5);
    QCOMPARE(views->last(), *created);
    QCOMPARE(LeadViewJson::filterFromJson(views->last().filter, samOnMonday), filter);

    QVERIFY2(repo.rename(created->id, QStringLiteral("Woodgrove")), qPrintable(repo.lastError()));
    QCOMPARE(repo.view(created->id)->name, QStringLiteral("Woodgrove"));

    SavedView changed = *repo.view(created->id);
    changed.sort = LeadSort{QStringLiteral("score"), true};
    changed.columns = {QStringLiteral("score")};
    filter.minScore.reset();
    changed.filter = LeadViewJson::filterToJson(filter, samOnMonday);
    QVERIFY2(repo.update(changed), qPrintable(repo.lastError()));
    QCOMPARE(*repo.view(created->id), changed);

    QVERIFY2(repo.remove(created->id), qPrintable(repo.lastError()));
    QVERIFY(!repo.view(created->id));
    QCOMPARE(repo.lastErrorKind(), SavedViewRepository::Error::NotFound);
    QVERIFY(!repo.remove(created->id));
    QCOMPARE(repo.lastErrorKind(), SavedViewRepository::Error::NotFound);
    QCOMPARE(repo.list()->size(), 4);

    // The defaults are the team's, and may go like any other.
    QVERIFY(repo.remove(repo.list()->first().id));
    QCOMPARE(names(*repo.list()).first(), QStringLiteral("Due today"));
}

void TestSavedViewRepository::namesAreUnique() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    SavedViewRepository repo(t->database());
    SavedView view;
    view.name = QStringLiteral("Due today");
    QVERIFY(!repo.create(view));
    QCOMPARE(repo.lastErrorKind(), SavedViewRepository::Error::NameTaken);
    QVERIFY2(repo.lastError().contains(QStringLiteral("Due today")), qPrintable(repo.lastError()));
    view.name = QStringLiteral("   ");
    QVERIFY(!repo.create(view));
    QCOMPARE(repo.lastErrorKind(), SavedViewRepository::Error::EmptyName);

    view.name = QStringLiteral("Mine");
    const std::optional<SavedView> mine = repo.create(view);
    QVERIFY(mine);
    QVERIFY(!repo.rename(mine->id, QStringLiteral("Do not contact")));
    QCOMPARE(repo.lastErrorKind(), SavedViewRepository::Error::NameTaken);
    QCOMPARE(repo.view(mine->id)->name, QStringLiteral("Mine"));
    // Renaming a view to its own name is no clash.
    QVERIFY2(repo.rename(mine->id, QStringLiteral("Mine")), qPrintable(repo.lastError()));
    QCOMPARE(repo.list()->size(), 5);
}

void TestSavedViewRepository::filterRoundTrips() {
    LeadFilter f;
    f.storefront = Storefront::AppSource;
    f.stage = Stage::Qualified;
    f.owner = QStringLiteral("alex");
    f.offerId = QStringLiteral("contoso.crm");
    f.action = QStringLiteral("StartTestDrive");
    f.search = QStringLiteral("fabrikam cio");
    f.minScore = 0; // a minimum of 0 is still a filter someone set
    f.grade = QStringLiteral("B");
    f.doNotContact = true;
    f.dueBefore = QDateTime(QDate(2026, 4, 1), QTime(9, 30), QTimeZone::utc());
    f.since = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    f.until = QDateTime(QDate(2026, 2, 1), QTime(0, 0), QTimeZone::utc());
    f.includeTest = true;
    f.campaign = QStringLiteral("Ignite 2026");
    f.origin = QStringLiteral("co-sell");
    f.destination = QStringLiteral("own-crm");
    f.slaBreached = true;
    QCOMPARE(LeadViewJson::filterFromJson(LeadViewJson::filterToJson(f, samOnMonday), samOnMonday),
             f);
    // Nothing set, nothing saved.
    QVERIFY(LeadViewJson::filterToJson(LeadFilter(), samOnMonday).isEmpty());
    QCOMPARE(LeadViewJson::filterFromJson({}, samOnMonday), LeadFilter());

    const LeadSort sort{QStringLiteral("name"), false};
    QCOMPARE(LeadViewJson::sortFromJson(LeadViewJson::sortToJson(sort)), sort);
    const QStringList columns{QStringLiteral("score"), QStringLiteral("name")};
    QCOMPARE(LeadViewJson::columnsFromJson(LeadViewJson::columnsToJson(columns)), columns);
}

void TestSavedViewRepository::meAndTodayStaySymbolic() {
    LeadFilter f;
    f.owner = QStringLiteral("sam");
    f.dueBefore = LeadViewJson::endOfDay(samOnMonday.now);
    const QJsonObject saved = LeadViewJson::filterToJson(f, samOnMonday);
    QCOMPARE(saved.value(QStringLiteral("owner")).toString(), QStringLiteral("me"));
    QCOMPARE(saved.value(QStringLiteral("due_before")).toString(), QStringLiteral("today"));

    // Applied by alex a day later: alex's leads, due by the end of Tuesday.
    const LeadViewJson::Context alexOnTuesday{QStringLiteral("alex"), samOnMonday.now.addDays(1)};
    const LeadFilter applied = LeadViewJson::filterFromJson(saved, alexOnTuesday);
    QCOMPARE(applied.owner, QStringLiteral("alex"));
    QCOMPARE(applied.dueBefore, f.dueBefore.addDays(1));

    // Someone else's name and any other time are kept as they are.
    f.owner = QStringLiteral("alex");
    f.dueBefore = f.dueBefore.addSecs(-3600);
    const LeadFilter kept =
        LeadViewJson::filterFromJson(LeadViewJson::filterToJson(f, samOnMonday), alexOnTuesday);
    QCOMPARE(kept.owner, QStringLiteral("alex"));
    QCOMPARE(kept.dueBefore, f.dueBefore);
}

void TestSavedViewRepository::unknownValuesAreIgnored() {
    const QJsonObject json{{QStringLiteral("stage"), QStringLiteral("someday")},
                           {QStringLiteral("grade"), QStringLiteral("Z")},
                           {QStringLiteral("min_score"), QStringLiteral("high")},
                           {QStringLiteral("colour"), QStringLiteral("blue")},
                           {QStringLiteral("search"), QStringLiteral("kept")}};
    LeadFilter expected;
    expected.search = QStringLiteral("kept");
    QCOMPARE(LeadViewJson::filterFromJson(json, samOnMonday), expected);
    const QJsonObject sort{{QStringLiteral("column"), QStringLiteral("password; DROP TABLE leads")},
                           {QStringLiteral("descending"), false}};
    QCOMPARE(LeadViewJson::sortFromJson(sort), LeadSort());
}

QTEST_GUILESS_MAIN(TestSavedViewRepository)
#include "tst_savedviewrepository.moc"
