#include "crmexportlayout.h"

#include "../domain/lead.h"

namespace {

QString orNotProvided(const QString &value) {
    return value.trimmed().isEmpty() ? CrmExportLayout::notProvided() : value;
}

} // namespace

CrmExportLayout::CrmExportLayout(CrmVocabulary::Crm crm)
    : m_crm(crm) {
    // Typed text first, then the CRM's own words for Leadbench's values, then the description.
    if (crm == CrmVocabulary::Crm::Dynamics) {
        m_headers = {QStringLiteral("First Name"),
                     QStringLiteral("Last Name"),
                     QStringLiteral("Job Title"),
                     QStringLiteral("Company Name"),
                     QStringLiteral("Email"),
                     QStringLiteral("Business Phone"),
                     QStringLiteral("Country/Region"),
                     QStringLiteral("Topic"),
                     QStringLiteral("Lead Source"),
                     QStringLiteral("Status Reason"),
                     QStringLiteral("Rating"),
                     QStringLiteral("Do not allow Emails"),
                     QStringLiteral("Do not allow Phone Calls"),
                     QStringLiteral("Description")};
        m_typedText = {true, true,  true,  true,  true,  true,  true,
                       true, false, false, false, false, false, true};
        m_phone = m_headers.indexOf(QStringLiteral("Business Phone"));
    } else {
        m_headers = {QStringLiteral("First Name"),    QStringLiteral("Last Name"),
                     QStringLiteral("Title"),         QStringLiteral("Company"),
                     QStringLiteral("Email"),         QStringLiteral("Phone"),
                     QStringLiteral("Country"),       QStringLiteral("Lead Source"),
                     QStringLiteral("Lead Status"),   QStringLiteral("Rating"),
                     QStringLiteral("Email Opt Out"), QStringLiteral("Do Not Call"),
                     QStringLiteral("Description")};
        m_typedText = {true,  true,  true,  true,  true,  true, true,
                       false, false, false, false, false, true};
        m_phone = m_headers.indexOf(QStringLiteral("Phone"));
    }
}

const QStringList &CrmExportLayout::sourceColumns() {
    static const QStringList columns = {
        QStringLiteral("first_name"),     QStringLiteral("last_name"),
        QStringLiteral("title"),          QStringLiteral("company"),
        QStringLiteral("email"),          QStringLiteral("phone"),
        QStringLiteral("country"),        QStringLiteral("offer_id"),
        QStringLiteral("offer_title"),    QStringLiteral("storefront"),
        QStringLiteral("stage"),          QStringLiteral("grade"),
        QStringLiteral("do_not_contact"), QStringLiteral("description")};
    return columns;
}

bool CrmExportLayout::mayNeutralise(qsizetype column, const QString &cell) const {
    if (!m_typedText.value(column))
        return false;
    if (column != m_phone)
        return true;
    for (const QChar c : cell)
        if (!c.isDigit() && !QStringView(u" +-()./").contains(c))
            return true;
    return false;
}

QStringList CrmExportLayout::row(const Lead &lead) const {
    // Both CRMs require a last name and refuse a lead without one; Salesforce also requires
    // a company, Dynamics 365 a topic (the offer the lead asked about).
    const QString lastName = orNotProvided(lead.lastName);
    const QString source = CrmVocabulary::leadSourceOf(lead.storefront);
    const QString status = CrmVocabulary::statusOf(m_crm, lead.stage);
    const QString rating = CrmVocabulary::ratingOf(lead.grade);
    if (m_crm == CrmVocabulary::Crm::Dynamics) {
        const QString topic = !lead.offerTitle.trimmed().isEmpty() ? lead.offerTitle
                              : !lead.offerId.isEmpty()            ? lead.offerId
                                                                   : notProvided();
        const QString allow =
            lead.doNotContact ? QStringLiteral("Do Not Allow") : QStringLiteral("Allow");
        return {lead.firstName, lastName,     lead.title, lead.company,    lead.email,
                lead.phone,     lead.country, topic,      source,          status,
                rating,         allow,        allow,      lead.description};
    }
    const QString optOut = lead.doNotContact ? QStringLiteral("true") : QStringLiteral("false");
    return {lead.firstName,  lastName,   lead.title,   orNotProvided(lead.company),
            lead.email,      lead.phone, lead.country, source,
            status,          rating,     optOut,       optOut,
            lead.description};
}
