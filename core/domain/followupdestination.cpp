#include "followupdestination.h"

#include "activity.h"

#include <QCoreApplication>
#include <QStringList>

namespace FollowUpDestinations {

QList<FollowUpDestination> all() {
    return {FollowUpDestination::OwnCrm, FollowUpDestination::CoSell,
            FollowUpDestination::Marketplace};
}

QString canonicalName(FollowUpDestination d) {
    switch (d) {
    case FollowUpDestination::OwnCrm:
        return QStringLiteral("own-crm");
    case FollowUpDestination::CoSell:
        return QStringLiteral("co-sell");
    case FollowUpDestination::Marketplace:
        return QStringLiteral("marketplace");
    }
    return QStringLiteral("own-crm");
}

QString displayName(FollowUpDestination d) {
    switch (d) {
    case FollowUpDestination::OwnCrm:
        return QCoreApplication::translate("FollowUpDestination", "Your CRM");
    case FollowUpDestination::CoSell:
        return QCoreApplication::translate("FollowUpDestination",
                                           "Microsoft field seller (co-sell)");
    case FollowUpDestination::Marketplace:
        return QCoreApplication::translate("FollowUpDestination", "Marketplace");
    }
    return {};
}

bool fromCanonicalName(const QString &name, FollowUpDestination *out) {
    const QString key = name.trimmed().toLower();
    for (FollowUpDestination d : all()) {
        if (canonicalName(d) == key) {
            *out = d;
            return true;
        }
    }
    return false;
}

QString namesText() {
    QStringList names;
    for (FollowUpDestination d : all())
        names << canonicalName(d);
    return names.join(QStringLiteral(", "));
}

QDateTime handedOverAt(const QString &destination, const QList<Activity> &activities) {
    if (destination.isEmpty())
        return {};
    QDateTime at;
    for (const Activity &a : activities) {
        if (a.kind == ActivityKind::Changed && a.field == QLatin1String("destination") &&
            a.newValue.toString() == destination && (!at.isValid() || a.at >= at))
            at = a.at;
    }
    return at;
}

} // namespace FollowUpDestinations
