#include "testdatabase.h"

#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "core/storage/migrator.h"
#include "core/storage/transaction.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <limits>

namespace {

// Runs one administrative statement on the server's maintenance database.
bool adminExec(const QString &adminLocation, const QString &sql, QString *error) {
    const Database admin = Database::fromLocation(adminLocation);
    if (!admin.open(error))
        return false;
    QSqlQuery q(admin.connection());
    if (!q.exec(sql)) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace

QList<Lead> TestDatabase::allLeads(const Database &db) {
    LeadFilter everything;
    everything.includeTest = true;
    return LeadRepository(db).list(everything, LeadSort{QStringLiteral("id"), false},
                                   std::numeric_limits<int>::max());
}

qint64 TestDatabase::insertLead(const Database &db, const Lead &lead) {
    Transaction tx(db);
    LeadWriter writer(db);
    const qint64 id = writer.insert(tx, lead, {}, {});
    if (id == 0)
        qWarning("cannot insert a test lead: %s", qPrintable(writer.lastError()));
    return id > 0 && tx.commit() ? id : 0;
}

void TestDatabase::addBackendRows() {
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

std::unique_ptr<TestDatabase> TestDatabase::create(const QString &backend) {
    std::unique_ptr<TestDatabase> t(new TestDatabase);
    if (backend == QLatin1String("sqlite")) {
        QTemporaryDir dir;
        dir.setAutoRemove(false);
        t->m_dir = dir.path();
        t->m_db = Database::fromLocation(dir.filePath(QStringLiteral("leads.sqlite")));
        return t;
    }
    t->m_adminLocation = qEnvironmentVariable("LEADBENCH_TEST_PG");
    if (t->m_adminLocation.isEmpty()) {
        t->m_skip = !qEnvironmentVariableIsSet("LEADBENCH_REQUIRE_PG");
        t->m_problem = QStringLiteral("no PostgreSQL server: set LEADBENCH_TEST_PG (./dev test "
                                      "starts one)");
        return t;
    }
    t->m_pgName = QStringLiteral("lbtest_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    QString error;
    if (!adminExec(t->m_adminLocation, QStringLiteral("CREATE DATABASE ") + t->m_pgName, &error)) {
        t->m_problem = QStringLiteral("cannot create a test database on %1: %2")
                           .arg(t->m_adminLocation, error);
        return t;
    }
    QString location = t->m_adminLocation;
    location.truncate(location.lastIndexOf(QLatin1Char('/')) + 1);
    t->m_db = Database::fromLocation(location + t->m_pgName);
    return t;
}

bool TestDatabase::migrate() {
    QString error;
    if (!Migrator(m_db).migrate(&error)) {
        m_problem = error;
        return false;
    }
    return true;
}

TestDatabase::~TestDatabase() {
    m_db.closeThreadConnection();
    if (!m_dir.isEmpty())
        QDir(m_dir).removeRecursively();
    if (!m_pgName.isEmpty()) {
        QString error;
        adminExec(m_adminLocation,
                  QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName), &error);
    }
}
