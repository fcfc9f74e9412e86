#include "winfeatures.h"

#include "../domain/emailkind.h"
#include "../domain/lead.h"
#include "../domain/titleseniority.h"

#include <QHash>

namespace {

// A lead that came back to the marketplace is a stronger sign than one touch; beyond three the
// counts are too few to tell apart.
QString eventsBucket(int events) {
    return events <= 1   ? QStringLiteral("1")
           : events == 2 ? QStringLiteral("2")
                         : QStringLiteral("3+");
}

// The names are English here and in the stored drivers; the window translates them (context
// WinDrivers), so they are marked for lupdate where they are made.
QString eventsName(int events) {
    return events <= 1 ? QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Single marketplace event"))
           : events == 2
               ? QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Came back: 2 marketplace events"))
               : QStringLiteral(
                     QT_TRANSLATE_NOOP("WinDrivers", "Came back: 3 or more marketplace events"));
}

QString actionName(const QString &action) {
    if (action.isEmpty())
        return QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "No marketplace action"));
    if (action == QLatin1String("INS"))
        return QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Installed the offer"));
    if (action == QLatin1String("PLT"))
        return QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Asked to be contacted"));
    if (action == QLatin1String("StartTestDrive"))
        return QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Started a test drive"));
    if (action == QLatin1String("Create"))
        return QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Bought in the Azure portal"));
    if (action == QLatin1String("DNC"))
        return QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Do not contact"));
    return QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Action %1")).arg(action);
}

QString storefrontName(Storefront s) {
    switch (s) {
    case Storefront::AppSource:
        return QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Via AppSource"));
    case Storefront::AzureMarketplace:
        return QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Via Azure Marketplace"));
    case Storefront::AzurePortal:
        return QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Via the Azure portal"));
    case Storefront::Other:
        break;
    }
    return QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Via another storefront"));
}

QString emailName(EmailKind k) {
    switch (k) {
    case EmailKind::Corporate:
        return QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Corporate email"));
    case EmailKind::FreeMail:
        return QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Free-mail address"));
    case EmailKind::Missing:
        break;
    }
    return QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "No email address"));
}

QString seniorityName(Seniority s, const QString &title) {
    if (s != Seniority::Unknown)
        return TitleSeniority::displayName(s);
    return title.trimmed().isEmpty()
               ? QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "No job title"))
               : QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Job title of unknown seniority"));
}

QString key(const char *group, const QString &value) {
    return QLatin1String(group) + QLatin1Char(':') + value;
}

// Titles repeat across thousands of leads and reading one is the dearest part of a lead's
// features, so each thread remembers the ones it has read (forgetting them when they are many).
Seniority seniorityOf(const QString &title) {
    thread_local QHash<QString, Seniority> known;
    if (const auto it = known.constFind(title); it != known.cend())
        return it.value();
    if (known.size() >= 50000)
        known.clear();
    const Seniority s = TitleSeniority::of(title);
    known.insert(title, s);
    return s;
}

// The value of each group for a lead, in groups() order.
struct Values {
    Seniority seniority;
    EmailKind email;
    QString country;
    QString offer;
    bool phone;
    bool company;

    explicit Values(const Lead &l)
        : seniority(seniorityOf(l.title))
        , email(EmailKinds::of(l.email))
        , country(l.country.trimmed().toUpper())
        , offer(l.offerId.trimmed())
        , phone(!l.phone.trimmed().isEmpty())
        , company(!l.company.trimmed().isEmpty()) {}

    QStringList keys(const Lead &l) const {
        return {
            key("storefront", Storefronts::canonicalName(l.storefront)),
            key("action", l.action),
            key("events", eventsBucket(l.events)),
            key("offer", offer),
            key("country", country),
            key("seniority", TitleSeniority::canonicalName(seniority)),
            key("email", EmailKinds::canonicalName(email)),
            key("phone", phone ? QStringLiteral("yes") : QStringLiteral("no")),
            key("company", company ? QStringLiteral("yes") : QStringLiteral("no")),
        };
    }

    QStringList names(const Lead &l) const {
        const QString offerText = l.offerTitle.trimmed().isEmpty() ? offer : l.offerTitle.trimmed();
        return {
            storefrontName(l.storefront),
            actionName(l.action),
            eventsName(l.events),
            offer.isEmpty()
                ? QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "No offer"))
                : QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Offer %1")).arg(offerText),
            country.isEmpty()
                ? QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "No country"))
                : QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Country %1")).arg(country),
            seniorityName(seniority, l.title),
            emailName(email),
            phone ? QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Has a phone number"))
                  : QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "No phone number")),
            company ? QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "Has a company name"))
                    : QStringLiteral(QT_TRANSLATE_NOOP("WinDrivers", "No company name")),
        };
    }
};

} // namespace

namespace WinFeatures {

const QStringList &groups() {
    static const QStringList list{
        QStringLiteral("storefront"), QStringLiteral("action"),  QStringLiteral("events"),
        QStringLiteral("offer"),      QStringLiteral("country"), QStringLiteral("seniority"),
        QStringLiteral("email"),      QStringLiteral("phone"),   QStringLiteral("company"),
    };
    return list;
}

QList<WinFeature> of(const Lead &lead) {
    const Values values(lead);
    const QStringList keys = values.keys(lead);
    const QStringList names = values.names(lead);
    QList<WinFeature> out;
    out.reserve(keys.size());
    for (qsizetype i = 0; i < keys.size(); ++i)
        out.append({keys.at(i), names.at(i)});
    return out;
}

QStringList keysOf(const Lead &lead) {
    return Values(lead).keys(lead);
}

QString groupOf(const QString &key) {
    return key.section(QLatin1Char(':'), 0, 0);
}

QString pooledKey(const QString &group) {
    return group + QStringLiteral(":*");
}

bool isPooled(const QString &key) {
    return key.endsWith(QLatin1String(":*")) && key.indexOf(QLatin1Char(':')) == key.size() - 2;
}

} // namespace WinFeatures
