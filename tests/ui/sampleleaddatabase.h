#pragma once

#include "core/domain/storefront.h"
#include "core/storage/database.h"

#include <QTemporaryDir>

// A migrated SQLite database in a temporary folder for the UI suites, with a helper to add leads of
// known content.
class SampleLeadDatabase {
public:
    SampleLeadDatabase();
    ~SampleLeadDatabase();
    SampleLeadDatabase(const SampleLeadDatabase &) = delete;
    SampleLeadDatabase &operator=(const SampleLeadDatabase &) = delete;

    bool isReady() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    const Database &database() const { return m_db; }
    QString path() const { return m_db.displayName(); }

    // Adds lead number n (counting from 1 per database): company "Company <nnnn>", created and
    // last active n minutes after a fixed start, so newest-first order is the reverse of n.
    qint64 addLead(Storefront storefront, int score, bool isTest = false);
    // Adds `count` leads in one transaction; false with error() set on failure.
    bool addLeads(Storefront storefront, int count, int firstScore = 0);
    // The suites' usual library: 5 AppSource, 3 Azure Marketplace and 2 Azure portal leads,
    // plus one AppSource test lead that no count includes.
    bool addSampleMix();

    static QString companyOf(int n);
    // Gives this test process settings of its own, in a temporary folder: suites run in
    // parallel and must not clear or read each other's window layout and user name.
    static void isolateSettings();

private:
    QTemporaryDir m_dir;
    Database m_db;
    QString m_error;
    int m_added = 0;
};
