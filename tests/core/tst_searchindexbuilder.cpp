#include "core/domain/leadchanges.h"
#include "core/io/leadimporter.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "core/storage/searchindexbuilder.h"
#include "core/storage/transaction.h"
#include "importtext.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <atomic>

// SearchIndexBuilder: the search index of a bulk load into an empty database, built beside the
// other indexes and copied in, finds what a rebuilt index finds and stays consistent after.
class TestSearchIndexBuilder : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void searchTextIsTheStoredColumn();
    void importedLeadsAreFoundByTheirText_data();
    void importedLeadsAreFoundByTheirText();
    void cancelledLoadLeavesNoFiles();
    void aTextLongerThanAChunkOfTheList();

private:
    qint64 m_bulkFrom = 0;
};

namespace {

const QByteArray header =
    "LeadSource,ActionCode,OfferTitle,FirstName,LastName,Email,Phone,Country,Company,Title,"
    "Description,CreatedTime\n";

// Forty people on two offers, names from several scripts; the last two records are Ana again:
// the first without an email, the second fills in her email and title (a merge that changes
// the lead's searchable text).
QByteArray leadsFile() {
    const QStringList first = {QStringLiteral("Ana"),   QStringLiteral("Jürgen"),
                               QStringLiteral("Zoë"),   QStringLiteral("Søren"),
                               QStringLiteral("李"),    QStringLiteral("Olga"),
                               QStringLiteral("Émile"), QStringLiteral("Bo")};
    const QStringList last = {QStringLiteral("Silva"), QStringLiteral("Müller"),
                              QStringLiteral("Ødegård"), QStringLiteral("Dahl"),
                              QStringLiteral("雷")};
    const QStringList companies = {QStringLiteral("Fabrikam"), QStringLiteral("Northwind Traders"),
                                   QStringLiteral("Contoso Ltd"), QStringLiteral("Tailspin")};
    QString text = QString::fromUtf8(header);
    for (int i = 0; i < 40; ++i) {
        const QString f = first.at(i % first.size());
        const QString l = last.at(i % last.size());
        const QString offer =
            i % 2 ? QStringLiteral("contoso.analytics-saas") : QStringLiteral("contoso.crm-app");
        text += QStringLiteral("AzureMarketplace-PLT|%1,PLT,Contoso,%2,%3,person%4@%5.com,,DE,%6,"
                               "%7,,2025-03-%8T09:30:00Z\n")
                    .arg(offer, f, l)
                    .arg(i)
                    .arg(companies.at(i % companies.size()).toLower().remove(QLatin1Char(' ')),
                         companies.at(i % companies.size()),
                         i % 3 ? QStringLiteral("Director of Sales") : QStringLiteral("Student"))
                    .arg(1 + i % 28, 2, 10, QLatin1Char('0'));
    }
    text += QStringLiteral(
        "AppSource-PLT|contoso.crm-app,PLT,Contoso,Kari,Nordmann,,,NO,Litware,,,"
        "2025-04-01T09:30:00Z\n"
        "AppSource-INS|contoso.crm-app,INS,Contoso,Kari,Nordmann,kari@nordmann.no,,NO,Litware,"
        "Chief Technology Officer,,2025-04-02T09:30:00Z\n");
    return text.toUtf8();
}

qint64 searched(const Database &db, const QString &text) {
    LeadFilter f;
    f.search = text;
    f.includeTest = true;
    return LeadRepository(db).count(f);
}

// What the search must find: the leads with every word in a name, email, company or title.
qint64 containing(const QList<Lead> &leads, const QString &text) {
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::count_if(leads.cbegin(), leads.cend(), [&words](const Lead &l) {
        const QString all = QStringList{l.firstName, l.lastName, l.email, l.company, l.title}.join(
            QLatin1Char(' '));
        return std::all_of(words.cbegin(), words.cend(), [&all](const QString &w) {
            return all.contains(w, Qt::CaseInsensitive);
        });
    });
}

// FTS5's own check of the index against the leads it was made from.
QString integrityProblem(const Database &db) {
    QSqlQuery q(db.connection());
    return q.exec(QStringLiteral(
               "INSERT INTO leads_fts(leads_fts, rank) VALUES ('integrity-check', 1)"))
               ? QString()
               : q.lastError().text();
}

QStringList filesBeside(const Database &db) {
    const QFileInfo file(db.location());
    return QDir(file.absolutePath())
        .entryList({file.fileName() + QStringLiteral(".search-*")}, QDir::Files);
}

} // namespace

void TestSearchIndexBuilder::initTestCase() {
    // Every import a bulk load, as a large file's is.
    m_bulkFrom = LeadImporter::bulkFrom();
    LeadImporter::setBulkFrom(0);
}

void TestSearchIndexBuilder::cleanupTestCase() {
    LeadImporter::setBulkFrom(m_bulkFrom);
}

void TestSearchIndexBuilder::searchTextIsTheStoredColumn() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    Lead lead;
    lead.firstName = QStringLiteral("Zoë");
    lead.lastName = QStringLiteral("李雷");
    lead.email = QStringLiteral("zoe@northwind.com");
    lead.title = QStringLiteral("VP Sales");
    lead.offerId = QStringLiteral("contoso.crm-app");
    lead.createdAt = QDateTime(QDate(2025, 3, 1), QTime(9, 30), QTimeZone::utc());
    const qint64 id = TestDatabase::insertLead(t->database(), lead);
    QVERIFY(id > 0);
    QSqlQuery q(t->database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT search_text FROM leads WHERE id = %1").arg(id)));
    QVERIFY(q.next());
    QCOMPARE(SearchIndexBuilder::searchText(lead), q.value(0).toString().toUtf8());
    QCOMPARE(q.value(0).toString(), QStringLiteral("Zoë 李雷 zoe@northwind.com  VP Sales"));
}

void TestSearchIndexBuilder::importedLeadsAreFoundByTheirText_data() {
    QTest::addColumn<QString>("words");
    for (const char *words :
         {"müller", "MÜLLER", "Ødegård", "zoë", "李", "northwind", "Director", "student",
          "nordmann.no", "Chief Technology", "son@contoso", "jürgen silva", "tail", "xyz"})
        QTest::newRow(words) << QString::fromUtf8(words);
}

void TestSearchIndexBuilder::importedLeadsAreFoundByTheirText() {
    QFETCH(QString, words);
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const ImportSummary s = importText(t->database(), leadsFile());
    QVERIFY(s.ok());
    QCOMPARE(s.imported, 41);
    QCOMPARE(s.merged, 1);
    QCOMPARE(integrityProblem(t->database()), QString());
    // Built beside the other indexes, not rebuilt in the database: a rebuild leaves the size of
    // its term table in the index's configuration.
    QSqlQuery config(t->database().connection());
    QVERIFY(
        config.exec(QStringLiteral("SELECT count(*) FROM leads_fts_config WHERE k = 'hashsize'")));
    QVERIFY(config.next());
    QCOMPARE(config.value(0).toInt(), 0);
    const QList<Lead> leads = TestDatabase::allLeads(t->database());
    QCOMPARE(searched(t->database(), words), containing(leads, words));
    QVERIFY(filesBeside(t->database()).isEmpty());

    // The index takes later changes on the same connection: Kari's company changes.
    const Lead kari = *std::find_if(leads.cbegin(), leads.cend(), [](const Lead &l) {
        return l.lastName == QLatin1String("Nordmann");
    });
    QCOMPARE(searched(t->database(), QStringLiteral("Litware")), 1);
    LeadChanges changes;
    changes.set(QStringLiteral("company"), QStringLiteral("Wide World Importers"));
    const UpdateResult r =
        LeadWriter(t->database()).update(kari.id, kari.version, changes, QStringLiteral("rep"));
    QCOMPARE(r.status, UpdateResult::Status::Updated);
    QCOMPARE(searched(t->database(), QStringLiteral("Litware")), 0);
    QCOMPARE(searched(t->database(), QStringLiteral("World Importers")), 1);
    QCOMPARE(integrityProblem(t->database()), QString());
}

void TestSearchIndexBuilder::cancelledLoadLeavesNoFiles() {
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    QByteArray file = leadsFile();
    for (int i = 0; i < 3000; ++i) // enough batches for progress to come midway
        file += QStringLiteral("AzureMarketplace-INS|contoso.analytics-saas,INS,Contoso,Per,Son,"
                               "per%1@fabrikam.com,,SE,Fabrikam,,,2025-05-01T09:30:00Z\n")
                    .arg(i)
                    .toUtf8();
    std::atomic_bool cancel(false);
    QStringList duringTheLoad;
    const ImportSummary s = importText(t->database(), file, &cancel, [&](qint64 done, qint64) {
        if (done > 0 && !cancel) {
            duringTheLoad = filesBeside(t->database());
            cancel = true;
        }
    });
    QVERIFY(s.cancelled);
    QCOMPARE(duringTheLoad.size(), 2); // what was stored so far, and the index's own file
    QVERIFY(filesBeside(t->database()).isEmpty());
    QCOMPARE(LeadRepository(t->database()).count(LeadFilter()), 0);
    QCOMPARE(searched(t->database(), QStringLiteral("Müller")), 0);
}

void TestSearchIndexBuilder::aTextLongerThanAChunkOfTheList() {
    // The builder on its own, over leads a plain insert stored: its index replaces theirs.
    // One title of 1.5 MiB sits among a thousand short records, so that the list is read in
    // several chunks and one record is longer than a chunk.
    LB_TEST_DATABASE(t, QStringLiteral("sqlite"));
    const Database &db = t->database();
    SearchIndexBuilder builder(db.location());
    QString error;
    QVERIFY2(builder.open(&error), qPrintable(error));
    for (int i = 0; i < 1000; ++i) {
        Lead lead;
        lead.firstName = QStringLiteral("Person");
        lead.lastName = QString::number(i);
        lead.email = QStringLiteral("p%1@fabrikam.com").arg(i);
        lead.company = QStringLiteral("Fabrikam");
        lead.offerId = QStringLiteral("contoso.crm-app");
        lead.createdAt = QDateTime(QDate(2025, 3, 1), QTime(9, 30), QTimeZone::utc());
        if (i == 700)
            lead.title = QString(1536 * 1024, QLatin1Char('x')) + QStringLiteral(" Zanzibar");
        const qint64 id = TestDatabase::insertLead(db, lead);
        QVERIFY(id > 0);
        builder.stored(id, lead);
    }
    {
        Transaction tx(db);
        QVERIFY2(builder.start(&error), qPrintable(error));
        QVERIFY2(builder.copyInto(db, &error), qPrintable(error));
        QVERIFY(tx.commit());
    }
    QCOMPARE(integrityProblem(db), QString());
    QCOMPARE(searched(db, QStringLiteral("Zanzibar")), 1);
    QCOMPARE(searched(db, QStringLiteral("p999@fabrikam")), 1);
    QCOMPARE(searched(db, QStringLiteral("fabrikam")), 1000);
}

QTEST_GUILESS_MAIN(TestSearchIndexBuilder)
#include "tst_searchindexbuilder.moc"
