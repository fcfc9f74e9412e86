#pragma once

#include "core/domain/lead.h"
#include "core/storage/database.h"

#include <QList>

#include <memory>

// A throwaway database for one test: a SQLite file in a temporary folder, or a fresh database
// on the PostgreSQL server named by $LEADBENCH_TEST_PG (postgresql://user@host:port/db).
class TestDatabase {
public:
    ~TestDatabase();

    // "sqlite" or "postgresql". The database is empty and not yet migrated.
    static std::unique_ptr<TestDatabase> create(const QString &backend);
    // Adds a "backend" column with a row per backend to a data-driven test.
    static void addBackendRows();
    // Every lead, test leads too, in id order.
    static QList<Lead> allLeads(const Database &db);
    // Stores a complete lead in a transaction of its own; its id, 0 on failure.
    static qint64 insertLead(const Database &db, const Lead &lead);

    bool ok() const { return m_problem.isEmpty(); }
    // Without a server: skipped when run by hand, a failure under ./dev test
    // ($LEADBENCH_REQUIRE_PG set).
    bool mustSkip() const { return m_skip; }
    QString problem() const { return m_problem; }
    const Database &database() const { return m_db; }
    // Creates the schema; false with problem() set.
    bool migrate();

private:
    TestDatabase() = default;
    Database m_db;
    QString m_problem;
    QString m_dir;
    QString m_adminLocation;
    QString m_pgName;
    bool m_skip = false;
};

// Opens a test database for `backend` into `var`, skipping or failing the test as it must.
#define LB_TEST_DATABASE(var, backend)                                                             \
    const auto var = TestDatabase::create(backend);                                                \
    if (!var->ok() && var->mustSkip())                                                             \
        QSKIP(qPrintable(var->problem()));                                                         \
    QVERIFY2(var->ok(), qPrintable(var->problem()));                                               \
    QVERIFY2(var->migrate(), qPrintable(var->problem()))
