#pragma once

#include <QList>
#include <QString>

// What a marketing campaign is: AppSource "Contact me", an Azure Marketplace free trial, test
// drive or in-demand generation, an event, or something else.
enum class CampaignKind { ContactMe, FreeTrial, TestDrive, InDemand, Event, Other };

namespace CampaignKinds {
QList<CampaignKind> all();
QString canonicalName(CampaignKind kind); // "contact-me", "free-trial", "test-drive", ...
bool fromCanonicalName(const QString &name, CampaignKind *out);
QString namesText(); // "contact-me, free-trial, …", for messages
} // namespace CampaignKinds
