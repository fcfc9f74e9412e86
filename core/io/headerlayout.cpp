#include "headerlayout.h"

#include "../domain/leadcolumns.h"
#include "leadcolumnparser.h"

namespace {

const char *const crmLeadSourceNote =
    "a CRM lead source: AppSource, Azure Marketplace and Azure portal set the storefront, other "
    "sources are kept as an extra field";
const char *const statusNote = "read as a CRM lead status";
const char *const ratingNote = "Hot, Warm and Cold read as grade A, B and C";

class Builder {
public:
    Builder(const char *name, HeaderLayout::DateHabit habit = HeaderLayout::DateHabit::None) {
        m_layout.name = QLatin1String(name);
        m_layout.dateHabit = habit;
    }
    Builder &add(const char *header, const char *target, const char *note = "", bool weak = false) {
        m_layout.entries.insert(HeaderLayout::key(QString::fromUtf8(header)),
                                {QLatin1String(target), QString::fromUtf8(note), weak});
        return *this;
    }
    Builder &weak(const char *header, const char *target, const char *note = "") {
        return add(header, target, note, true);
    }
    Builder &microsoftFields() {
        return add("LeadSource", "lead_source",
                   QT_TRANSLATE_NOOP("HeaderLayout", "the marketplace LeadSource: gives the "
                                                     "storefront, action and offer"))
            .add("ActionCode", "action")
            .add("OfferTitle", "offer_title")
            .add("FirstName", "first_name")
            .add("LastName", "last_name")
            .add("Email", "email")
            .add("Phone", "phone")
            .add("Country", "country")
            .add("Company", "company")
            .add("Title", "title")
            .add("Description", "description")
            .add("CreatedTime", "created_at")
            .add("Created", "created_at")
            .add("DateTime", "created_at")
            .weak("Timestamp", "created_at",
                  QT_TRANSLATE_NOOP("HeaderLayout", "when the record was written"))
            .add("CustomerInfo", "customer_info",
                 QT_TRANSLATE_NOOP("HeaderLayout",
                                   "JSON customer details: fill the name, email, phone, country, "
                                   "company and title where their own columns are empty"));
    }
    HeaderLayout take() { return std::move(m_layout); }

private:
    HeaderLayout m_layout;
};

} // namespace

QString HeaderLayout::key(const QString &header) {
    QString key;
    key.reserve(header.size());
    for (const QChar c : header)
        if (c.isLetterOrNumber())
            key += c.toLower();
    return key;
}

const QList<HeaderLayout> &HeaderLayout::all() {
    using H = DateHabit;
    static const QList<HeaderLayout> layouts = [] {
        QList<HeaderLayout> list;
        list << Builder("microsoft").microsoftFields().take();
        list << Builder("azure-table")
                    .microsoftFields()
                    .add("PartitionKey", "extra",
                         QT_TRANSLATE_NOOP("HeaderLayout", "the Azure Table's partition key"))
                    .add("RowKey", "extra",
                         QT_TRANSLATE_NOOP("HeaderLayout", "the Azure Table's row key"))
                    .take();
        Builder leadbench("leadbench");
        for (const QString &column : LeadColumns::all())
            if (LeadColumnParser::isSettable(column))
                leadbench.add(column.toUtf8().constData(), column.toUtf8().constData());
        leadbench
            .add("id", "",
                 QT_TRANSLATE_NOOP("HeaderLayout", "the database numbers its leads itself"))
            .add("privacy_restricted", "",
                 QT_TRANSLATE_NOOP("HeaderLayout", "Leadbench works it out from the email"))
            .add("dedup_key", "",
                 QT_TRANSLATE_NOOP("HeaderLayout", "Leadbench works it out from the lead"))
            .add("name_hash", "",
                 QT_TRANSLATE_NOOP("HeaderLayout", "Leadbench works it out from the lead"))
            .add("version", "",
                 QT_TRANSLATE_NOOP("HeaderLayout",
                                   "it counts changes in the database the file came from"));
        list << leadbench.take();
        list << Builder("salesforce", H::MonthFirst)
                    .add("First Name", "first_name")
                    .add("Last Name", "last_name")
                    .add("Title", "title")
                    .add("Company", "company")
                    .add("Email", "email")
                    .add("Phone", "phone")
                    .weak("Mobile", "phone")
                    .add("Country", "country")
                    .add("Lead Source", "storefront", crmLeadSourceNote)
                    .add("Lead Status", "stage", statusNote)
                    .add("Rating", "grade", ratingNote)
                    .add("Description", "description")
                    .add("Created Date", "created_at")
                    .add("Lead Owner", "owner")
                    .add("Lead ID", "extra",
                         QT_TRANSLATE_NOOP("HeaderLayout", "Salesforce's lead id"))
                    .take();
        list << Builder("dynamics")
                    .add("First Name", "first_name")
                    .add("Last Name", "last_name")
                    .add("Job Title", "title")
                    .add("Company Name", "company")
                    .add("Email", "email")
                    .add("Business Phone", "phone")
                    .weak("Mobile Phone", "phone")
                    .add("Country/Region", "country")
                    .add("Topic", "offer_title")
                    .add("Status Reason", "stage", statusNote)
                    .add("Rating", "grade", ratingNote)
                    .add("Lead Source", "storefront", crmLeadSourceNote)
                    .add("Description", "description")
                    .add("Created On", "created_at")
                    .add("Owner", "owner")
                    .take();
        list << Builder("hubspot", H::MonthFirst)
                    .add("Record ID", "extra",
                         QT_TRANSLATE_NOOP("HeaderLayout", "HubSpot's record id"))
                    .add("First Name", "first_name")
                    .add("Last Name", "last_name")
                    .add("Email", "email")
                    .add("Phone Number", "phone")
                    .weak("Mobile Phone Number", "phone")
                    .add("Company Name", "company")
                    .add("Job Title", "title")
                    .add("Country/Region", "country")
                    .weak("Lifecycle Stage", "stage", statusNote)
                    .add("Lead Status", "stage", statusNote)
                    .add("Create Date", "created_at")
                    .add("Contact owner", "owner")
                    .take();
        list << Builder("dutch", H::DayFirst)
                    .add("Voornaam", "first_name")
                    .add("Tussenvoegsel", "name_prefix",
                         QT_TRANSLATE_NOOP("HeaderLayout", "put before the last name"))
                    .add("Achternaam", "last_name")
                    .add("Naam", "full_name",
                         QT_TRANSLATE_NOOP("HeaderLayout", "split into first and last name"))
                    .add("E-mail", "email")
                    .add("E-mailadres", "email")
                    .add("Bedrijf", "company")
                    .add("Bedrijfsnaam", "company")
                    .add("Functie", "title")
                    .add("Telefoon", "phone")
                    .add("Telefoonnummer", "phone")
                    .weak("Mobiel", "phone")
                    .add("Land", "country")
                    .add("Omschrijving", "description")
                    .add("Beschrijving", "description")
                    .add("Status", "stage", statusNote)
                    .add("Eigenaar", "owner")
                    .add("Aangemaakt", "created_at")
                    .add("Datum", "created_at")
                    .take();
        return list;
    }();
    return layouts;
}

const HeaderLayout &HeaderLayout::common() {
    static const HeaderLayout layout =
        Builder("common")
            .add("Name", "full_name",
                 QT_TRANSLATE_NOOP("HeaderLayout", "split into first and last name"))
            .add("Full Name", "full_name",
                 QT_TRANSLATE_NOOP("HeaderLayout", "split into first and last name"))
            .take();
    return layout;
}
