#include "campaignkind.h"

#include <QStringList>

namespace CampaignKinds {

QList<CampaignKind> all() {
    return {CampaignKind::ContactMe, CampaignKind::FreeTrial, CampaignKind::TestDrive,
            CampaignKind::InDemand,  CampaignKind::Event,     CampaignKind::Other};
}

QString canonicalName(CampaignKind kind) {
    switch (kind) {
    case CampaignKind::ContactMe:
        return QStringLiteral("contact-me");
    case CampaignKind::FreeTrial:
        return QStringLiteral("free-trial");
    case CampaignKind::TestDrive:
        return QStringLiteral("test-drive");
    case CampaignKind::InDemand:
        return QStringLiteral("in-demand");
    case CampaignKind::Event:
        return QStringLiteral("event");
    case CampaignKind::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

bool fromCanonicalName(const QString &name, CampaignKind *out) {
    const QString key = name.trimmed().toLower();
    for (CampaignKind kind : all()) {
        if (canonicalName(kind) == key) {
            *out = kind;
            return true;
        }
    }
    return false;
}

QString namesText() {
    QStringList names;
    for (CampaignKind kind : all())
        names << canonicalName(kind);
    return names.join(QStringLiteral(", "));
}

} // namespace CampaignKinds
