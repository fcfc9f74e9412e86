#include "sampleleaddatabase.h"

#include "core/domain/lead.h"
#include "core/storage/leadrepository.h"
#include "core/storage/leadwriter.h"
#include "core/storage/migrator.h"
#include "core/storage/transaction.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTimeZone>

SampleLeadDatabase::SampleLeadDatabase() {
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder");
        return;
    }
    m_db = Database::fromLocation(m_dir.filePath(QStringLiteral("leads.sqlite")));
    QString error;
    if (!m_db.open(&error) || !Migrator(m_db).migrate(&error))
        m_error = error;
}

SampleLeadDatabase::~SampleLeadDatabase() {
    m_db.closeThreadConnection();
}

QString SampleLeadDatabase::companyOf(int n) {
    return QStringLiteral("Company %1").arg(n, 4, 10, QLatin1Char('0'));
}

qint64 SampleLeadDatabase::addLead(Storefront storefront, int score, bool isTest) {
    const int n = ++m_added;
    const QDateTime start(QDate(2025, 1, 1), QTime(9, 0), QTimeZone::utc());
    Lead lead;
    lead.storefront = storefront;
    lead.action =
        storefront == Storefront::AzurePortal ? QStringLiteral("Create") : QStringLiteral("INS");
    lead.offerId = QStringLiteral("contoso.analytics");
    lead.offerTitle = QStringLiteral("Contoso Analytics");
    lead.firstName = isTest ? QStringLiteral("MSFT_TEST_%1").arg(n) : QStringLiteral("Lead");
    lead.lastName = QString::number(n);
    lead.email = isTest ? QStringLiteral("MSFT_TEST_%1@example.com").arg(n)
                        : QStringLiteral("lead%1@example.com").arg(n);
    lead.company = companyOf(n);
    lead.title = QStringLiteral("CTO");
    lead.country = QStringLiteral("US");
    lead.createdAt = start.addSecs(60 * n);
    lead.lastEventAt = lead.createdAt;
    lead.score = score;
    lead.isTest = isTest;
    Transaction transaction(m_db);
    LeadWriter writer(m_db);
    const qint64 id = writer.insert(transaction, lead, {}, {});
    if (id == 0)
        m_error = writer.lastError();
    else if (!transaction.commit())
        m_error = transaction.error();
    return m_error.isEmpty() ? id : 0;
}

bool SampleLeadDatabase::addSampleMix() {
    return addLeads(Storefront::AppSource, 5, 10) &&
           addLeads(Storefront::AzureMarketplace, 3, 70) &&
           addLeads(Storefront::AzurePortal, 2, 40) && addLead(Storefront::AppSource, 99, true) > 0;
}

bool SampleLeadDatabase::addLeads(Storefront storefront, int count, int firstScore) {
    for (int i = 0; i < count; ++i) {
        if (addLead(storefront, firstScore + i) == 0)
            return false;
    }
    return true;
}

void SampleLeadDatabase::isolateSettings() {
    static QTemporaryDir folder;
    for (QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat})
        QSettings::setPath(format, QSettings::UserScope, folder.path());
}
