#include "demoleadvocabulary.h"

#include <QHash>

#include <cmath>

namespace DemoLeadVocabulary {

const QList<Offer> offers = {
    {QStringLiteral("contoso.crm-connector"),
     QStringLiteral("Contoso CRM Connector for Dynamics 365"), OfferKind::App,
     Storefront::AppSource, 0.3},
    {QStringLiteral("contoso.teams-approvals"), QStringLiteral("Contoso Approvals for Teams"),
     OfferKind::App, Storefront::AppSource, 0.1},
    {QStringLiteral("contoso.powerbi-insights"), QStringLiteral("Contoso Insights for Power BI"),
     OfferKind::App, Storefront::AppSource, 0.0},
    {QStringLiteral("contoso.cloud-migration-assessment"),
     QStringLiteral("Cloud Migration Assessment: 2-Week"), OfferKind::Consulting,
     Storefront::AppSource, 0.6},
    {QStringLiteral("contoso.copilot-readiness-workshop"),
     QStringLiteral("Copilot Readiness Workshop: 1-Day"), OfferKind::Consulting,
     Storefront::AppSource, 0.4},
    {QStringLiteral("contoso.analytics-saas"), QStringLiteral("Contoso Analytics (SaaS)"),
     OfferKind::SaaS, Storefront::AzureMarketplace, 0.5},
    {QStringLiteral("contoso.data-pipeline-saas"), QStringLiteral("Contoso Data Pipelines (SaaS)"),
     OfferKind::SaaS, Storefront::AzureMarketplace, 0.2},
    {QStringLiteral("contoso.secure-gateway-vm"), QStringLiteral("Contoso Secure Gateway VM"),
     OfferKind::VM, Storefront::AzureMarketplace, -0.1},
    {QStringLiteral("contoso.hardened-sql-vm"), QStringLiteral("Contoso Hardened SQL Server VM"),
     OfferKind::VM, Storefront::AzureMarketplace, 0.0},
    {QStringLiteral("contoso.edge-cache-container"),
     QStringLiteral("Contoso Edge Cache (Container)"), OfferKind::Container,
     Storefront::AzureMarketplace, -0.2},
    {QStringLiteral("contoso.ml-inference-container"),
     QStringLiteral("Contoso ML Inference (Container)"), OfferKind::Container,
     Storefront::AzureMarketplace, 0.1},
    {QStringLiteral("contoso.backup-managed-app"),
     QStringLiteral("Contoso Backup (Managed Application)"), OfferKind::ManagedApp,
     Storefront::AzureMarketplace, 0.3},
};

const QList<QString> firstNames = {
    QStringLiteral("James"),   QStringLiteral("Mary"),     QStringLiteral("Wei"),
    QStringLiteral("Priya"),   QStringLiteral("Mohammed"), QStringLiteral("Sofia"),
    QStringLiteral("Lukas"),   QStringLiteral("Emma"),     QStringLiteral("Hiroshi"),
    QStringLiteral("Yuki"),    QStringLiteral("Carlos"),   QStringLiteral("Ana"),
    QStringLiteral("Olivier"), QStringLiteral("Camille"),  QStringLiteral("Arjun"),
    QStringLiteral("Fatima"),  QStringLiteral("Noah"),     QStringLiteral("Olivia"),
    QStringLiteral("Liam"),    QStringLiteral("Ava"),      QStringLiteral("Jonas"),
    QStringLiteral("Mia"),     QStringLiteral("David"),    QStringLiteral("Sarah"),
    QStringLiteral("Michael"), QStringLiteral("Jennifer"), QStringLiteral("Ravi"),
    QStringLiteral("Ananya"),  QStringLiteral("Chen"),     QStringLiteral("Mei"),
    QStringLiteral("Thabo"),   QStringLiteral("Zanele"),   QStringLiteral("Lars"),
    QStringLiteral("Ingrid"),  QStringLiteral("Mateo"),    QStringLiteral("Valentina"),
    QStringLiteral("Daniel"),  QStringLiteral("Laura"),    QStringLiteral("Kenji"),
    QStringLiteral("Aiko"),    QStringLiteral("Omar"),     QStringLiteral("Leila"),
    QStringLiteral("Pieter"),  QStringLiteral("Sanne"),    QStringLiteral("Robert"),
    QStringLiteral("Linda"),   QStringLiteral("Tomasz"),   QStringLiteral("Agnieszka"),
    QStringLiteral("Jorge"),   QStringLiteral("Lucía"),    QStringLiteral("André"),
    QStringLiteral("Zoë"),     QStringLiteral("Björn"),    QStringLiteral("Chloé")};

const QList<QString> lastNames = {
    QStringLiteral("Smith"),    QStringLiteral("Johnson"),   QStringLiteral("Williams"),
    QStringLiteral("Brown"),    QStringLiteral("Garcia"),    QStringLiteral("Müller"),
    QStringLiteral("Schmidt"),  QStringLiteral("Dubois"),    QStringLiteral("Martin"),
    QStringLiteral("Rossi"),    QStringLiteral("Patel"),     QStringLiteral("Sharma"),
    QStringLiteral("Singh"),    QStringLiteral("Wang"),      QStringLiteral("Li"),
    QStringLiteral("Zhang"),    QStringLiteral("Tanaka"),    QStringLiteral("Suzuki"),
    QStringLiteral("Sato"),     QStringLiteral("Kim"),       QStringLiteral("Park"),
    QStringLiteral("Nguyen"),   QStringLiteral("Silva"),     QStringLiteral("Santos"),
    QStringLiteral("Oliveira"), QStringLiteral("Hernández"), QStringLiteral("López"),
    QStringLiteral("Jansen"),   QStringLiteral("de Vries"),  QStringLiteral("Andersson"),
    QStringLiteral("Nilsson"),  QStringLiteral("Kowalski"),  QStringLiteral("Nowak"),
    QStringLiteral("Dlamini"),  QStringLiteral("Nkosi"),     QStringLiteral("O'Brien"),
    QStringLiteral("Murphy"),   QStringLiteral("Taylor"),    QStringLiteral("Wilson"),
    QStringLiteral("Anderson"), QStringLiteral("Thomas"),    QStringLiteral("Moore"),
    QStringLiteral("Jackson"),  QStringLiteral("White"),     QStringLiteral("Harris"),
    QStringLiteral("Clark"),    QStringLiteral("Lewis"),     QStringLiteral("Walker"),
    QStringLiteral("Hall"),     QStringLiteral("Young"),     QStringLiteral("Khan"),
    QStringLiteral("Ahmed"),    QStringLiteral("Haddad"),    QStringLiteral("Cohen")};

// Company stems; with a region or line of business they give a few thousand companies.
const QList<QString> companyStems = {
    QStringLiteral("Northwind"),       QStringLiteral("Fabrikam"),
    QStringLiteral("Adventure Works"), QStringLiteral("Tailspin"),
    QStringLiteral("Woodgrove"),       QStringLiteral("Litware"),
    QStringLiteral("Proseware"),       QStringLiteral("Wide World"),
    QStringLiteral("Alpine"),          QStringLiteral("Coho"),
    QStringLiteral("Lucerne"),         QStringLiteral("Trey"),
    QStringLiteral("VanArsdel"),       QStringLiteral("Wingtip"),
    QStringLiteral("Humongous"),       QStringLiteral("Blue Yonder"),
    QStringLiteral("Consolidated"),    QStringLiteral("Fourth Coffee"),
    QStringLiteral("Southridge"),      QStringLiteral("Relecloud"),
    QStringLiteral("Datum"),           QStringLiteral("Bellows"),
    QStringLiteral("Margie's"),        QStringLiteral("Graphic Design"),
    QStringLiteral("Lamna"),           QStringLiteral("Nod"),
    QStringLiteral("Tasmanian"),       QStringLiteral("Munson's"),
    QStringLiteral("Boulder"),         QStringLiteral("First Up"),
    QStringLiteral("Liberty's"),       QStringLiteral("Kingfisher"),
    QStringLiteral("Ironclad"),        QStringLiteral("Redwood"),
    QStringLiteral("Silverline"),      QStringLiteral("Harbor")};
const QList<QString> companySuffixes = {
    QStringLiteral("Traders"),         QStringLiteral("Bank"),      QStringLiteral("Insurance"),
    QStringLiteral("Health"),          QStringLiteral("Logistics"), QStringLiteral("Manufacturing"),
    QStringLiteral("Retail"),          QStringLiteral("Energy"),    QStringLiteral("Software"),
    QStringLiteral("Consulting"),      QStringLiteral("Foods"),     QStringLiteral("Airlines"),
    QStringLiteral("Pharmaceuticals"), QStringLiteral("Motors"),    QStringLiteral("Media"),
    QStringLiteral("Telecom"),         QStringLiteral("Group"),     QStringLiteral("Labs"),
    QStringLiteral("Systems"),         QStringLiteral("Partners")};
// The regional arm a company name carries, by the customer's country.
QString regionFor(const QString &country) {
    static const QHash<QString, QString> regions = {
        {QStringLiteral("US"), QStringLiteral("USA")},
        {QStringLiteral("CA"), QStringLiteral("Canada")},
        {QStringLiteral("MX"), QStringLiteral("Mexico")},
        {QStringLiteral("BR"), QStringLiteral("Brasil")},
        {QStringLiteral("GB"), QStringLiteral("UK")},
        {QStringLiteral("DE"), QStringLiteral("Deutschland")},
        {QStringLiteral("FR"), QStringLiteral("France")},
        {QStringLiteral("NL"), QStringLiteral("Benelux")},
        {QStringLiteral("ES"), QStringLiteral("Iberia")},
        {QStringLiteral("IT"), QStringLiteral("Italia")},
        {QStringLiteral("PL"), QStringLiteral("Polska")},
        {QStringLiteral("SE"), QStringLiteral("Nordics")},
        {QStringLiteral("IN"), QStringLiteral("India")},
        {QStringLiteral("JP"), QStringLiteral("Japan")},
        {QStringLiteral("CN"), QStringLiteral("China")},
        {QStringLiteral("SG"), QStringLiteral("Asia Pacific")},
        {QStringLiteral("AU"), QStringLiteral("Australia")},
        {QStringLiteral("ZA"), QStringLiteral("Africa")},
        {QStringLiteral("NG"), QStringLiteral("Africa")},
        {QStringLiteral("AE"), QStringLiteral("Middle East")}};
    return regions.value(country);
}

const QList<QString> freeMail = {QStringLiteral("gmail.com"),   QStringLiteral("outlook.com"),
                                 QStringLiteral("hotmail.com"), QStringLiteral("yahoo.com"),
                                 QStringLiteral("proton.me"),   QStringLiteral("icloud.com")};
const QList<QString> universities = {QStringLiteral("stateu.edu"),
                                     QStringLiteral("techinstitute.edu"),
                                     QStringLiteral("uni.edu.au"), QStringLiteral("college.edu")};

const QList<Country> countries = {{QStringLiteral("US"), QStringLiteral("+1"), 30, 0.3},
                                  {QStringLiteral("GB"), QStringLiteral("+44"), 8, 0.2},
                                  {QStringLiteral("DE"), QStringLiteral("+49"), 8, 0.2},
                                  {QStringLiteral("FR"), QStringLiteral("+33"), 5, 0.1},
                                  {QStringLiteral("IN"), QStringLiteral("+91"), 10, -0.3},
                                  {QStringLiteral("CA"), QStringLiteral("+1"), 4, 0.2},
                                  {QStringLiteral("AU"), QStringLiteral("+61"), 4, 0.2},
                                  {QStringLiteral("NL"), QStringLiteral("+31"), 3, 0.2},
                                  {QStringLiteral("JP"), QStringLiteral("+81"), 4, 0.0},
                                  {QStringLiteral("BR"), QStringLiteral("+55"), 4, -0.2},
                                  {QStringLiteral("SE"), QStringLiteral("+46"), 2, 0.2},
                                  {QStringLiteral("ES"), QStringLiteral("+34"), 3, 0.0},
                                  {QStringLiteral("IT"), QStringLiteral("+39"), 3, 0.0},
                                  {QStringLiteral("SG"), QStringLiteral("+65"), 2, 0.2},
                                  {QStringLiteral("ZA"), QStringLiteral("+27"), 2, -0.1},
                                  {QStringLiteral("MX"), QStringLiteral("+52"), 2, -0.2},
                                  {QStringLiteral("PL"), QStringLiteral("+48"), 2, 0.0},
                                  {QStringLiteral("CN"), QStringLiteral("+86"), 2, -0.4},
                                  {QStringLiteral("NG"), QStringLiteral("+234"), 1, -0.4},
                                  {QStringLiteral("AE"), QStringLiteral("+971"), 1, 0.1}};

const QList<JobTitle> titles = {{QStringLiteral("Chief Executive Officer"), 2, 0.9},
                                {QStringLiteral("Chief Technology Officer"), 2, 1.0},
                                {QStringLiteral("Chief Information Officer"), 2, 1.1},
                                {QStringLiteral("Chief Financial Officer"), 1, 0.6},
                                {QStringLiteral("VP of Engineering"), 3, 0.9},
                                {QStringLiteral("VP of IT"), 3, 0.9},
                                {QStringLiteral("VP of Sales"), 2, 0.4},
                                {QStringLiteral("Director of IT"), 6, 0.8},
                                {QStringLiteral("Director of Data and Analytics"), 4, 0.7},
                                {QStringLiteral("Head of Cloud Infrastructure"), 4, 0.8},
                                {QStringLiteral("IT Manager"), 10, 0.5},
                                {QStringLiteral("Engineering Manager"), 7, 0.4},
                                {QStringLiteral("Procurement Manager"), 3, 0.6},
                                {QStringLiteral("Cloud Architect"), 9, 0.4},
                                {QStringLiteral("Solutions Architect"), 6, 0.3},
                                {QStringLiteral("DevOps Engineer"), 8, 0.0},
                                {QStringLiteral("Software Engineer"), 12, -0.2},
                                {QStringLiteral("Data Analyst"), 7, -0.2},
                                {QStringLiteral("System Administrator"), 6, 0.0},
                                {QStringLiteral("Consultant"), 6, -0.1},
                                {QStringLiteral("Developer"), 8, -0.3},
                                {QStringLiteral("Student"), 4, -1.5},
                                {QStringLiteral("Intern"), 2, -1.3},
                                {QString(), 4, -0.5}};

const QList<QString> owners = {QStringLiteral("alex.kim"),    QStringLiteral("maria.garcia"),
                               QStringLiteral("sam.patel"),   QStringLiteral("jordan.lee"),
                               QStringLiteral("chris.novak"), QStringLiteral("taylor.okafor")};
const QList<QString> touchOutcomes = {QStringLiteral("left a voicemail"), QStringLiteral("sent"),
                                      QStringLiteral("no answer"), QStringLiteral("responded")};

QString emailLocal(const QString &first, const QString &last) {
    QString s = first + QLatin1Char('.') + last;
    QString out;
    for (const QChar c : s.normalized(QString::NormalizationForm_D)) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += c.toLower();
        else if (c == QLatin1Char('.'))
            out += c;
    }
    return out;
}

QString domainOf(const QString &company) {
    QString out;
    for (const QChar c : company)
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += c.toLower();
    return out + QStringLiteral(".com");
}

double sigmoid(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

} // namespace DemoLeadVocabulary
