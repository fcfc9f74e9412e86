#include "campaignrepository.h"

#include "../domain/leadcolumns.h"
#include "../domain/storefront.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QString nonNull(const QString &text) {
    return text.isNull() ? QStringLiteral("") : text;
}
// Why `storefront` cannot name a campaign's or rule's storefront, or "" ("" is any storefront).
QString storefrontProblem(const QString &storefront) {
    Storefront s;
    if (storefront.isEmpty() || Storefronts::fromCanonicalName(storefront, &s))
        return {};
    return QCoreApplication::translate("CampaignRepository",
                                       "\"%1\" is not a storefront (appsource, azure-marketplace, "
                                       "azure-portal, other)")
        .arg(storefront);
}
} // namespace

CampaignRepository::CampaignRepository(const Database &db)
    : m_db(db) {}

QList<Campaign> CampaignRepository::all() const {
    m_error.clear();
    QSqlQuery q(m_db.connection());
    // Counted on the campaign index, one range per campaign.
    if (!q.exec(QStringLiteral(
            "SELECT c.id, c.name, c.storefront, c.kind, c.starts_at, c.ends_at, c.budget, "
            "(SELECT COUNT(*) FROM leads l WHERE l.is_test = 0 AND l.campaign = c.name) FROM "
            "campaigns c ORDER BY c.name"))) {
        m_error = QCoreApplication::translate("CampaignRepository", "cannot read the campaigns: %1")
                      .arg(q.lastError().text().simplified());
        return {};
    }
    QList<Campaign> out;
    while (q.next()) {
        Campaign c;
        c.id = q.value(0).toLongLong();
        c.name = q.value(1).toString();
        c.storefront = q.value(2).toString();
        CampaignKinds::fromCanonicalName(q.value(3).toString(), &c.kind);
        c.startsAt = LeadColumns::parseIsoUtc(q.value(4).toString());
        c.endsAt = LeadColumns::parseIsoUtc(q.value(5).toString());
        c.budget = q.value(6).toDouble();
        c.leads = q.value(7).toLongLong();
        out << c;
    }
    return out;
}

std::optional<Campaign> CampaignRepository::find(const QString &name) const {
    for (const Campaign &c : all())
        if (c.name == name.trimmed())
            return c;
    if (m_error.isEmpty())
        m_error =
            QCoreApplication::translate("CampaignRepository", "no campaign named \"%1\"").arg(name);
    return std::nullopt;
}

bool CampaignRepository::add(const Campaign &c, const QString &actor) {
    if (c.name.trimmed().isEmpty()) {
        m_error = QCoreApplication::translate("CampaignRepository", "a campaign needs a name");
        return false;
    }
    m_error = storefrontProblem(c.storefront);
    if (!m_error.isEmpty())
        return false;
    if (c.startsAt.isValid() && c.endsAt.isValid() && c.endsAt < c.startsAt) {
        m_error = QCoreApplication::translate("CampaignRepository",
                                              "campaign \"%1\" ends (%2) before it starts (%3)")
                      .arg(c.name.trimmed(), LeadColumns::isoUtc(c.endsAt),
                           LeadColumns::isoUtc(c.startsAt));
        return false;
    }
    if (find(c.name)) {
        m_error = QCoreApplication::translate("CampaignRepository",
                                              "a campaign named \"%1\" exists already")
                      .arg(c.name.trimmed());
        return false;
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO campaigns (name, storefront, kind, starts_at, ends_at, "
                             "budget, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(c.name.trimmed());
    q.addBindValue(nonNull(c.storefront));
    q.addBindValue(CampaignKinds::canonicalName(c.kind));
    q.addBindValue(nonNull(LeadColumns::isoUtc(c.startsAt)));
    q.addBindValue(nonNull(LeadColumns::isoUtc(c.endsAt)));
    q.addBindValue(c.budget);
    q.addBindValue(nonNull(actor));
    if (!q.exec()) {
        m_error =
            QCoreApplication::translate("CampaignRepository", "cannot add campaign \"%1\": %2")
                .arg(c.name, q.lastError().text().simplified());
        return false;
    }
    return true;
}

QList<CampaignRule> CampaignRepository::rules() const {
    m_error.clear();
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT id, storefront, action, campaign FROM campaign_rules ORDER "
                               "BY id"))) {
        m_error =
            QCoreApplication::translate("CampaignRepository", "cannot read the campaign rules: %1")
                .arg(q.lastError().text().simplified());
        return {};
    }
    QList<CampaignRule> out;
    while (q.next())
        out << CampaignRule{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString()};
    return out;
}

bool CampaignRepository::setRule(const CampaignRule &rule) {
    if (rule.action.trimmed().isEmpty()) {
        m_error = QCoreApplication::translate(
            "CampaignRepository", "a campaign rule needs an action code (PLT, INS, ...)");
        return false;
    }
    m_error = storefrontProblem(rule.storefront);
    if (!m_error.isEmpty())
        return false;
    if (!find(rule.campaign))
        return false;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM campaign_rules WHERE storefront = ? AND action = ?"));
    q.addBindValue(nonNull(rule.storefront));
    q.addBindValue(rule.action.trimmed());
    bool ok = q.exec();
    if (ok) {
        q.prepare(QStringLiteral(
            "INSERT INTO campaign_rules (storefront, action, campaign) VALUES (?, ?, ?)"));
        q.addBindValue(nonNull(rule.storefront));
        q.addBindValue(rule.action.trimmed());
        q.addBindValue(rule.campaign.trimmed());
        ok = q.exec();
    }
    if (!ok)
        m_error =
            QCoreApplication::translate("CampaignRepository", "cannot store the campaign rule: %1")
                .arg(q.lastError().text().simplified());
    return ok;
}

int CampaignRepository::sync(const QString &actor) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO campaigns (name, created_by) SELECT DISTINCT campaign, "
                             "? FROM leads WHERE campaign <> '' AND campaign NOT IN (SELECT name "
                             "FROM campaigns)"));
    q.addBindValue(nonNull(actor));
    if (!q.exec()) {
        m_error =
            QCoreApplication::translate("CampaignRepository",
                                        "cannot make campaigns of the leads' campaign texts: %1")
                .arg(q.lastError().text().simplified());
        return -1;
    }
    return q.numRowsAffected();
}

QList<Lead> CampaignRepository::unlinkedLeads() const {
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, storefront, action, version FROM leads WHERE "
                               "is_test = 0 AND campaign = '' ORDER BY id"))) {
        m_error = QCoreApplication::translate("CampaignRepository",
                                              "cannot read the leads without a campaign: %1")
                      .arg(q.lastError().text().simplified());
        return {};
    }
    QList<Lead> out;
    while (q.next()) {
        Lead l;
        l.id = q.value(0).toLongLong();
        Storefronts::fromCanonicalName(q.value(1).toString(), &l.storefront);
        l.action = q.value(2).toString();
        l.version = q.value(3).toLongLong();
        out << l;
    }
    return out;
}
