#include "core/domain/leadcolumns.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "core/storage/transaction.h"
#include "testdatabase.h"

#include <QMap>
#include <QTest>
#include <QTimeZone>

// The lead reader against SQLite and PostgreSQL: filters, sorting, paging,
// search and statistics, as a list or the CLI shows them.
class TestLeadRepository : public QObject {
    Q_OBJECT
private slots:
    void filters_data() { TestDatabase::addBackendRows(); }
    void filters();
    void triageFilters_data();
    void triageFilters();
    void search_data() { TestDatabase::addBackendRows(); }
    void search();
    void sortingAndPaging_data() { TestDatabase::addBackendRows(); }
    void sortingAndPaging();
    void sortsAsAPersonExpects_data() { TestDatabase::addBackendRows(); }
    void sortsAsAPersonExpects();
    void stats_data() { TestDatabase::addBackendRows(); }
    void stats();
    void rollbackLeavesNothing_data() { TestDatabase::addBackendRows(); }
    void rollbackLeavesNothing();
    void roundTripsEveryColumn_data() { TestDatabase::addBackendRows(); }
    void roundTripsEveryColumn();
};

namespace {

QDateTime at(int day, int hour = 12) {
    return QDateTime(QDate(2026, 3, 1).addDays(day), QTime(hour, 0), QTimeZone::utc());
}

struct Spec {
    Storefront storefront;
    Stage stage;
    const char *action;
    const char *offer;
    const char *first;
    const char *last;
    const char *company;
    const char *title;
    const char *owner;
    int score;
    int day;
    bool isTest;
};

// Twelve leads with every filter dimension varied; one is a test lead.
const Spec specs[] = {
    {Storefront::AppSource, Stage::New, "PLT", "contoso.crm", "Ana", "Silva", "Fabrikam", "CIO", "",
     80, 0, false},
    {Storefront::AppSource, Stage::Contacted, "INS", "contoso.crm", "Ben", "Okafor", "Northwind",
     "IT Manager", "sam", 55, 1, false},
    {Storefront::AppSource, Stage::Won, "StartTestDrive", "contoso.bi", "Chloé", "Martin",
     "Litware", "CTO", "sam", 90, 2, false},
    {Storefront::AppSource, Stage::Lost, "DNC", "contoso.bi", "Dan", "Kim", "Proseware",
     "Developer", "alex", 10, 3, false},
    {Storefront::AzureMarketplace, Stage::New, "INS", "contoso.saas", "Eva", "Nowak", "Tailspin",
     "Data Analyst", "", 40, 4, false},
    {Storefront::AzureMarketplace, Stage::Qualified, "INS", "contoso.saas", "Femi", "Adeyemi",
     "Woodgrove Bank", "VP of IT", "alex", 75, 5, false},
    {Storefront::AzureMarketplace, Stage::Opportunity, "PLT", "contoso.vm", "Gus", "Müller",
     "Contoso Pharmaceuticals", "Director of IT", "sam", 85, 6, false},
    {Storefront::AzureMarketplace, Stage::Nurturing, "StartTestDrive", "contoso.vm", "Hana", "Sato",
     "Lucerne Publishing", "Student", "alex", 5, 7, false},
    {Storefront::AzurePortal, Stage::New, "Create", "contoso.saas", "Ivan", "Petrov", "Coho Winery",
     "CEO", "", 60, 8, false},
    {Storefront::AzurePortal, Stage::Disqualified, "Create", "contoso.vm", "Jo", "Li",
     "Trey Research", "Intern", "sam", 0, 9, false},
    {Storefront::Other, Stage::New, "XYZ", "odd.offer", "Kai", "Berg", "Alpine Ski House",
     "Consultant", "", 30, 10, false},
    {Storefront::AppSource, Stage::New, "PLT", "contoso.crm", "MSFT_TEST_123", "Test", "Microsoft",
     "", "", 99, 11, true},
};

Lead leadFrom(const Spec &s) {
    Lead l;
    l.storefront = s.storefront;
    l.stage = s.stage;
    l.action = QString::fromUtf8(s.action);
    l.offerId = QString::fromUtf8(s.offer);
    l.firstName = QString::fromUtf8(s.first);
    l.lastName = QString::fromUtf8(s.last);
    l.company = QString::fromUtf8(s.company);
    l.title = QString::fromUtf8(s.title);
    l.owner = QString::fromUtf8(s.owner);
    l.score = s.score;
    l.email = l.firstName.toLower() + QStringLiteral("@example.com");
    l.createdAt = at(s.day);
    l.lastEventAt = at(s.day, 15);
    l.isTest = s.isTest;
    return l;
}

void fill(LeadRepository &repo, Transaction *outer = nullptr) {
    LeadWriter writer(repo.database());
    for (const Spec &s : specs) {
        if (outer)
            QVERIFY2(writer.insert(*outer, leadFrom(s), {}, {}) > 0,
                     qPrintable(writer.lastError()));
        else
            QVERIFY(TestDatabase::insertLead(repo.database(), leadFrom(s)) > 0);
    }
}

QStringList firstNames(const QList<Lead> &leads) {
    QStringList names;
    for (const Lead &l : leads)
        names << l.firstName;
    return names;
}

} // namespace

void TestLeadRepository::filters() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    LeadRepository repo(t->database());
    fill(repo);

    LeadFilter all;
    QCOMPARE(repo.count(all), 11); // the test lead is left out
    all.includeTest = true;
    QCOMPARE(repo.count(all), 12);

    LeadFilter f;
    f.storefront = Storefront::AppSource;
    QCOMPARE(repo.count(f), 4);
    f.stage = Stage::Won;
    QCOMPARE(firstNames(repo.list(f, LeadSort(), 100)), QStringList{QStringLiteral("Chloé")});

    LeadFilter owner;
    owner.owner = QStringLiteral("sam");
    QCOMPARE(repo.count(owner), 4);
    LeadFilter offer;
    offer.offerId = QStringLiteral("contoso.vm");
    QCOMPARE(repo.count(offer), 3);
    LeadFilter action;
    action.action = QStringLiteral("XYZ");
    QCOMPARE(firstNames(repo.list(action, LeadSort(), 10)), QStringList{QStringLiteral("Kai")});
    LeadFilter score;
    score.minScore = 80;
    QCOMPARE(repo.count(score), 3); // Chloé, Gus, Ana; the test lead's 99 does not count
    LeadFilter dates;
    dates.since = at(2, 0);
    dates.until = at(5, 0);
    LeadSort byCreated{QStringLiteral("created_at"), false};
    QCOMPARE(firstNames(repo.list(dates, byCreated, 10)),
             (QStringList{QStringLiteral("Chloé"), QStringLiteral("Dan"), QStringLiteral("Eva")}));
    LeadFilter combined;
    combined.storefront = Storefront::AzureMarketplace;
    combined.owner = QStringLiteral("alex");
    combined.minScore = 50;
    QCOMPARE(firstNames(repo.list(combined, LeadSort(), 10)), QStringList{QStringLiteral("Femi")});

    // The choices a filter bar offers: every owner and offer once, in order, no blanks.
    QCOMPARE(repo.distinctValues(QStringLiteral("owner")),
             std::optional<QStringList>({QStringLiteral("alex"), QStringLiteral("sam")}));
    QCOMPARE(
        repo.distinctValues(QStringLiteral("offer_id"), 3),
        std::optional<QStringList>({QStringLiteral("contoso.bi"), QStringLiteral("contoso.crm"),
                                    QStringLiteral("contoso.saas")}));
    QVERIFY(!repo.distinctValues(QStringLiteral("email")));
}

void TestLeadRepository::triageFilters_data() {
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("what");
    QTest::addColumn<QStringList>("expected");
    for (const char *backend : {"sqlite", "postgresql"}) {
        auto row = [&](const char *what, const QStringList &expected) {
            QTest::addRow("%s: %s", backend, what)
                << QString::fromLatin1(backend) << QString::fromLatin1(what) << expected;
        };
        row("grade A", {QStringLiteral("Ana"), QStringLiteral("Chloé"), QStringLiteral("Gus")});
        row("grade D", {QStringLiteral("Dan"), QStringLiteral("Hana"), QStringLiteral("Jo")});
        row("do not contact", {QStringLiteral("Dan"), QStringLiteral("Hana")});
        // Due: a follow-up is set and earlier than the time; unset follow-ups never are.
        row("due before day 6", {QStringLiteral("Ben"), QStringLiteral("Eva")});
        row("due before day 40",
            {QStringLiteral("Ben"), QStringLiteral("Eva"), QStringLiteral("Femi")});
        row("created from day 3 until day 5", {QStringLiteral("Dan"), QStringLiteral("Eva")});
        row("grade A on AppSource, not won", {QStringLiteral("Ana")});
        row("grade B due before day 40", {QStringLiteral("Ben"), QStringLiteral("Femi")});
        row("do not contact owned by alex", {QStringLiteral("Dan"), QStringLiteral("Hana")});
        row("due, test leads included", {QStringLiteral("Ben"), QStringLiteral("Eva"),
                                         QStringLiteral("Femi"), QStringLiteral("MSFT_TEST_123")});
    }
}

void TestLeadRepository::triageFilters() {
    QFETCH(QString, backend);
    QFETCH(QString, what);
    QFETCH(QStringList, expected);
    LB_TEST_DATABASE(t, backend);
    LeadRepository repo(t->database());
    // Grades by score band (A from 80, B from 50, C from 20); two do-not-contact leads;
    // follow-ups on three leads and on the test lead.
    const QMap<QString, int> followUpDay = {{QStringLiteral("Ben"), 3},
                                            {QStringLiteral("Eva"), 5},
                                            {QStringLiteral("Femi"), 30},
                                            {QStringLiteral("MSFT_TEST_123"), 1}};
    for (const Spec &s : specs) {
        Lead l = leadFrom(s);
        l.grade = l.score >= 80   ? QStringLiteral("A")
                  : l.score >= 50 ? QStringLiteral("B")
                  : l.score >= 20 ? QStringLiteral("C")
                                  : QStringLiteral("D");
        l.doNotContact =
            l.firstName == QLatin1String("Dan") || l.firstName == QLatin1String("Hana");
        if (followUpDay.contains(l.firstName))
            l.nextFollowUpAt = at(followUpDay.value(l.firstName));
        QVERIFY(TestDatabase::insertLead(t->database(), l) > 0);
    }

    LeadFilter f;
    if (what == QLatin1String("grade A")) {
        f.grade = QStringLiteral("A");
    } else if (what == QLatin1String("grade D")) {
        f.grade = QStringLiteral("D");
    } else if (what == QLatin1String("do not contact")) {
        f.doNotContact = true;
    } else if (what == QLatin1String("due before day 6")) {
        f.dueBefore = at(6, 0);
    } else if (what == QLatin1String("due before day 40")) {
        f.dueBefore = at(40, 0);
    } else if (what == QLatin1String("created from day 3 until day 5")) {
        f.since = at(3, 0);
        f.until = at(5, 0);
    } else if (what == QLatin1String("grade A on AppSource, not won")) {
        f.grade = QStringLiteral("A");
        f.storefront = Storefront::AppSource;
        f.stage = Stage::New;
    } else if (what == QLatin1String("grade B due before day 40")) {
        f.grade = QStringLiteral("B");
        f.dueBefore = at(40, 0);
    } else if (what == QLatin1String("do not contact owned by alex")) {
        f.doNotContact = true;
        f.owner = QStringLiteral("alex");
    } else if (what == QLatin1String("due, test leads included")) {
        f.dueBefore = at(40, 0);
        f.includeTest = true;
    } else {
        QFAIL("unknown row");
    }
    const LeadSort byId{QStringLiteral("id"), false};
    QCOMPARE(firstNames(repo.list(f, byId, 100)), expected);
    QCOMPARE(repo.count(f), qint64(expected.size()));
    // Keyset pages and statistics read the same leads.
    QCOMPARE(firstNames(repo.page(f, byId, nullptr, 100)), expected);
    const std::optional<LeadStats> stats = repo.stats(f);
    QVERIFY2(stats, qPrintable(repo.lastError()));
    QCOMPARE(stats->total, qint64(expected.size()));
}

void TestLeadRepository::search() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    LeadRepository repo(t->database());
    fill(repo);
    auto found = [&](const QString &text) {
        LeadFilter f;
        f.search = text;
        QStringList names = firstNames(repo.list(f, LeadSort{QStringLiteral("id"), false}, 100));
        return names;
    };
    QCOMPARE(found(QStringLiteral("woodgrove")), QStringList{QStringLiteral("Femi")});
    QCOMPARE(found(QStringLiteral("OODGRO")),
             QStringList{QStringLiteral("Femi")}); // substring, any case
    QCOMPARE(found(QStringLiteral("ana@example")),
             (QStringList{QStringLiteral("Ana"), QStringLiteral("Hana")})); // a substring of hana@
    QCOMPARE(found(QStringLiteral("eva@example.com")), QStringList{QStringLiteral("Eva")});
    QCOMPARE(found(QStringLiteral("director")), QStringList{QStringLiteral("Gus")}); // title
    QCOMPARE(found(QStringLiteral("müller")), QStringList{QStringLiteral("Gus")});
    QCOMPARE(found(QStringLiteral("MÜLLER")), QStringList{QStringLiteral("Gus")});
    QCOMPARE(found(QStringLiteral("chloé")), QStringList{QStringLiteral("Chloé")});
    // Short non-ASCII words ignore case on both backends.
    QCOMPARE(found(QStringLiteral("mü")), QStringList{QStringLiteral("Gus")});
    QCOMPARE(found(QStringLiteral("MÜ")), QStringList{QStringLiteral("Gus")});
    QCOMPARE(found(QStringLiteral("É")), QStringList{QStringLiteral("Chloé")});
    // Every word must match, each anywhere.
    QCOMPARE(found(QStringLiteral("hana lucerne")), QStringList{QStringLiteral("Hana")});
    QCOMPARE(found(QStringLiteral("hana woodgrove")), QStringList());
    // Words shorter than three characters still search.
    QCOMPARE(found(QStringLiteral("Li")).contains(QStringLiteral("Jo")), true);
    // Quotes and wildcards are text, not syntax.
    QCOMPARE(found(QStringLiteral("\"%_")), QStringList());
    QCOMPARE(found(QStringLiteral("MSFT_TEST")), QStringList()); // test leads stay out
}

void TestLeadRepository::sortingAndPaging() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    LeadRepository repo(t->database());
    fill(repo);

    const LeadSort byScore{QStringLiteral("score"), true};
    const QList<Lead> sorted = repo.list(LeadFilter(), byScore, 100);
    QCOMPARE(sorted.size(), 11);
    for (qsizetype i = 1; i < sorted.size(); ++i)
        QVERIFY(sorted.at(i - 1).score >= sorted.at(i).score);
    QCOMPARE(sorted.first().firstName, QStringLiteral("Chloé"));

    const QList<Lead> ascending =
        repo.list(LeadFilter(), LeadSort{QStringLiteral("score"), false}, 100);
    QCOMPARE(ascending.first().firstName, QStringLiteral("Jo"));

    // Keyset pages of 4 walk the same order as one list, with no lead twice or missing.
    for (const QString &column :
         {QStringLiteral("score"), QStringLiteral("created_at"), QStringLiteral("stage"),
          QStringLiteral("owner"), QStringLiteral("is_test"), QStringLiteral("name"),
          QStringLiteral("next_follow_up_at"), QStringLiteral("company"), QStringLiteral("id")}) {
        for (bool descending : {false, true}) {
            const LeadSort sort{column, descending};
            const QList<Lead> whole = repo.list(LeadFilter(), sort, 100);
            QList<Lead> paged;
            std::optional<LeadCursor> cursor;
            for (int guard = 0; guard < 10; ++guard) {
                const QList<Lead> page =
                    repo.page(LeadFilter(), sort, cursor ? &*cursor : nullptr, 4);
                QVERIFY2(repo.lastError().isEmpty(), qPrintable(repo.lastError()));
                paged += page;
                if (page.size() < 4)
                    break;
                cursor = LeadRepository::cursorAfter(page.last(), sort);
            }
            QCOMPARE(firstNames(paged), firstNames(whole));
            // Offset pages agree with the keyset pages.
            QCOMPARE(firstNames(repo.list(LeadFilter(), sort, 4, 4)), firstNames(whole.mid(4, 4)));
        }
    }
    LeadSort unknown{QStringLiteral("password; DROP TABLE leads"), false};
    QVERIFY(repo.list(LeadFilter(), unknown, 10).isEmpty());
    QVERIFY(!repo.lastError().isEmpty());
    QCOMPARE(repo.count(LeadFilter()), 11);
}

void TestLeadRepository::sortsAsAPersonExpects() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    LeadRepository repo(t->database());
    // Follow-ups on three leads, out of name order; the others have none.
    const QMap<QString, int> followUpDay = {
        {QStringLiteral("Ben"), 30}, {QStringLiteral("Ana"), 10}, {QStringLiteral("Dan"), 20}};
    for (const Spec &spec : specs) {
        Lead l = leadFrom(spec);
        if (followUpDay.contains(l.firstName))
            l.nextFollowUpAt = at(followUpDay.value(l.firstName));
        QVERIFY(TestDatabase::insertLead(t->database(), l) > 0);
    }
    auto sorted = [&](const QString &column, bool descending) {
        return repo.list(LeadFilter(), LeadSort{column, descending}, 100);
    };

    // Stages in pipeline order, not alphabetically.
    QList<int> ranks;
    for (const Lead &l : sorted(QStringLiteral("stage"), false))
        ranks << int(Stages::all().indexOf(l.stage));
    QVERIFY2(std::is_sorted(ranks.cbegin(), ranks.cend()), "new before contacted before won");
    QCOMPARE(sorted(QStringLiteral("stage"), false).first().stage, Stage::New);
    QVERIFY(Stages::isClosed(sorted(QStringLiteral("stage"), true).first().stage));

    // The name as shown, "First Last".
    QStringList names;
    for (const Lead &l : sorted(QStringLiteral("name"), false))
        names << l.fullName();
    QStringList expected = names;
    std::sort(expected.begin(), expected.end());
    QCOMPARE(names, expected);

    // Unset follow-ups last, whichever way.
    const QList<Lead> soonest = sorted(QStringLiteral("next_follow_up_at"), false);
    QCOMPARE(firstNames(soonest).mid(0, 3),
             (QStringList{QStringLiteral("Ana"), QStringLiteral("Dan"), QStringLiteral("Ben")}));
    const QList<Lead> latest = sorted(QStringLiteral("next_follow_up_at"), true);
    QCOMPARE(firstNames(latest).mid(0, 3),
             (QStringList{QStringLiteral("Ben"), QStringLiteral("Dan"), QStringLiteral("Ana")}));
    QVERIFY(!soonest.last().nextFollowUpAt.isValid());
    QVERIFY(!latest.last().nextFollowUpAt.isValid());
}

void TestLeadRepository::stats() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    LeadRepository repo(t->database());
    fill(repo);
    const std::optional<LeadStats> s = repo.stats(LeadFilter());
    QVERIFY(s);
    QCOMPARE(s->total, 11);
    QCOMPARE(s->byStorefront.value(QStringLiteral("appsource")), 4);
    QCOMPARE(s->byStorefront.value(QStringLiteral("azure-marketplace")), 4);
    QCOMPARE(s->byStorefront.value(QStringLiteral("azure-portal")), 2);
    QCOMPARE(s->byStorefront.value(QStringLiteral("other")), 1);
    QCOMPARE(s->byStage.value(QStringLiteral("new")), 4);
    QCOMPARE(s->byAction.value(QStringLiteral("INS")), 3);
    QCOMPARE(s->byAction.value(QStringLiteral("XYZ")), 1);

    LeadFilter appsource;
    appsource.storefront = Storefront::AppSource;
    QCOMPARE(repo.stats(appsource)->byStage.value(QStringLiteral("won")), 1);
}

void TestLeadRepository::rollbackLeavesNothing() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    LeadRepository repo(t->database());
    {
        Transaction tx(t->database());
        QVERIFY(tx.isActive());
        fill(repo, &tx);
        QCOMPARE(repo.count(LeadFilter()), 11);
    } // not committed
    QCOMPARE(repo.count(LeadFilter()), 0);
    LeadFilter search;
    search.search = QStringLiteral("woodgrove");
    QCOMPARE(repo.count(search), 0);
}

void TestLeadRepository::roundTripsEveryColumn() {
    QFETCH(QString, backend);
    LB_TEST_DATABASE(t, backend);
    LeadRepository repo(t->database());
    Lead l = leadFrom(specs[6]);
    l.phone = QStringLiteral("+49 30 5555");
    l.country = QStringLiteral("DE");
    l.description = QStringLiteral("Line one\nline \"two\", with comma");
    l.grade = QStringLiteral("A");
    l.winProbability = 0.625;
    l.nextFollowUpAt = at(20, 9);
    l.followUps = 4;
    l.doNotContact = true;
    l.campaign = QStringLiteral("free-trial");
    l.origin = QStringLiteral("co-sell");
    l.privacyRestricted = true;
    const qint64 id = TestDatabase::insertLead(t->database(), l);
    QVERIFY(id > 0);
    l.id = id;
    const Lead back = *repo.lead(id);
    for (const QString &column : LeadColumns::all())
        QCOMPARE(LeadColumns::value(back, column), LeadColumns::value(l, column));
    QCOMPARE(back.privacyRestricted, true);
    QCOMPARE(back.version, 1);
}

QTEST_GUILESS_MAIN(TestLeadRepository)
#include "tst_leadrepository.moc"
