#pragma once

#include "database.h"

// A unit of work on this thread's connection: rolled back unless committed. On SQLite it holds
// the write lock from the start, waiting (busy timeout) for another writer to finish.
class Transaction {
public:
    explicit Transaction(const Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit();
    void rollback();
    QString error() const { return m_error; }
    // Waits for other intake transactions (SqlDialect::lockForIntake); once per transaction.
    bool lockForIntake();

private:
    Database m_db;
    bool m_active = false;
    bool m_intakeLocked = false;
    QString m_error;
};
