#include "crmvocabulary.h"

#include <QHash>

namespace {

// Lower case without spaces, dashes or underscores: "Working - Contacted" → "workingcontacted".
QString wordKey(const QString &text) {
    QString key;
    key.reserve(text.size());
    for (const QChar c : text)
        if (c.isLetterOrNumber())
            key += c.toLower();
    return key;
}

const QHash<QString, Stage> &stageWords() {
    static const QHash<QString, Stage> words = [] {
        QHash<QString, Stage> map;
        auto add = [&map](const char *word, Stage stage) {
            map.insert(wordKey(QLatin1String(word)), stage);
        };
        for (const Stage s : Stages::all()) {
            map.insert(wordKey(Stages::canonicalName(s)), s);
            map.insert(wordKey(Stages::displayName(s)), s);
        }
        // Salesforce lead statuses.
        add("Open - Not Contacted", Stage::New);
        add("Working - Contacted", Stage::Contacted);
        add("Closed - Converted", Stage::Opportunity);
        add("Closed - Not Converted", Stage::Disqualified);
        // Dynamics 365 status reasons.
        add("Cannot Contact", Stage::Disqualified);
        add("No Longer Interested", Stage::Lost);
        add("Canceled", Stage::Disqualified);
        add("Cancelled", Stage::Disqualified);
        // HubSpot lead statuses and lifecycle stages.
        add("Open", Stage::New);
        add("Attempted to Contact", Stage::Contacted);
        add("Connected", Stage::Contacted);
        add("In Progress", Stage::Nurturing);
        add("Bad Timing", Stage::Nurturing);
        add("Open Deal", Stage::Opportunity);
        add("Unqualified", Stage::Disqualified);
        add("Subscriber", Stage::New);
        add("Lead", Stage::New);
        add("Marketing Qualified Lead", Stage::Nurturing);
        add("Sales Qualified Lead", Stage::Qualified);
        add("Customer", Stage::Won);
        add("Evangelist", Stage::Won);
        // Dutch, as Dutch CRMs and spreadsheets write them.
        add("Nieuw", Stage::New);
        add("Gecontacteerd", Stage::Contacted);
        add("Benaderd", Stage::Contacted);
        add("Opvolgen", Stage::Nurturing);
        add("Gekwalificeerd", Stage::Qualified);
        add("Verkoopkans", Stage::Opportunity);
        add("Gewonnen", Stage::Won);
        add("Verloren", Stage::Lost);
        add("Gediskwalificeerd", Stage::Disqualified);
        return map;
    }();
    return words;
}

} // namespace

namespace CrmVocabulary {

QString statusOf(Crm crm, Stage stage) {
    switch (crm) {
    case Crm::Salesforce:
        switch (stage) {
        case Stage::New:
            return QStringLiteral("Open - Not Contacted");
        case Stage::Contacted:
        case Stage::Nurturing:
        case Stage::Qualified:
            return QStringLiteral("Working - Contacted");
        case Stage::Opportunity:
        case Stage::Won:
            return QStringLiteral("Closed - Converted");
        case Stage::Lost:
        case Stage::Disqualified:
            return QStringLiteral("Closed - Not Converted");
        }
        break;
    case Crm::Dynamics:
        switch (stage) {
        case Stage::New:
            return QStringLiteral("New");
        case Stage::Contacted:
        case Stage::Nurturing:
            return QStringLiteral("Contacted");
        case Stage::Qualified:
        case Stage::Opportunity:
        case Stage::Won:
            return QStringLiteral("Qualified");
        case Stage::Lost:
            return QStringLiteral("Lost");
        case Stage::Disqualified:
            return QStringLiteral("Cannot Contact");
        }
        break;
    case Crm::HubSpot:
        switch (stage) {
        case Stage::New:
            return QStringLiteral("NEW");
        case Stage::Contacted:
            return QStringLiteral("ATTEMPTED_TO_CONTACT");
        case Stage::Nurturing:
            return QStringLiteral("IN_PROGRESS");
        case Stage::Qualified:
            return QStringLiteral("CONNECTED");
        case Stage::Opportunity:
        case Stage::Won:
            return QStringLiteral("OPEN_DEAL");
        case Stage::Lost:
            return QStringLiteral("BAD_TIMING");
        case Stage::Disqualified:
            return QStringLiteral("UNQUALIFIED");
        }
        break;
    }
    return QString();
}

std::optional<Stage> stageFromStatus(const QString &text) {
    const auto it = stageWords().constFind(wordKey(text));
    if (it == stageWords().constEnd())
        return std::nullopt;
    return *it;
}

QString ratingOf(const QString &grade) {
    if (grade == QLatin1String("A"))
        return QStringLiteral("Hot");
    if (grade == QLatin1String("B"))
        return QStringLiteral("Warm");
    if (grade == QLatin1String("C") || grade == QLatin1String("D"))
        return QStringLiteral("Cold");
    return QString();
}

QString gradeFromRating(const QString &text) {
    const QString key = wordKey(text);
    if (key == QLatin1String("hot") || key == QLatin1String("a"))
        return QStringLiteral("A");
    if (key == QLatin1String("warm") || key == QLatin1String("b"))
        return QStringLiteral("B");
    if (key == QLatin1String("cold") || key == QLatin1String("c"))
        return QStringLiteral("C");
    if (key == QLatin1String("d"))
        return QStringLiteral("D");
    return QString();
}

QString leadSourceOf(Storefront storefront) {
    return Storefronts::displayName(storefront);
}

std::optional<Storefront> storefrontFromLeadSource(const QString &text) {
    const QString key = wordKey(text);
    if (key == QLatin1String("appsource") || key == QLatin1String("spza"))
        return Storefront::AppSource;
    if (key == QLatin1String("azuremarketplace"))
        return Storefront::AzureMarketplace;
    if (key == QLatin1String("azureportal"))
        return Storefront::AzurePortal;
    return std::nullopt;
}

} // namespace CrmVocabulary
