#include "disqualifyreason.h"

#include <QCoreApplication>
#include <QStringList>

namespace DisqualifyReasons {

QList<DisqualifyReason> all() {
    return {DisqualifyReason::NoBudget, DisqualifyReason::NoNeed,  DisqualifyReason::Competitor,
            DisqualifyReason::BadData,  DisqualifyReason::Student, DisqualifyReason::TestLead,
            DisqualifyReason::Dnc,      DisqualifyReason::Other};
}

QString canonicalName(DisqualifyReason r) {
    switch (r) {
    case DisqualifyReason::NoBudget:
        return QStringLiteral("no-budget");
    case DisqualifyReason::NoNeed:
        return QStringLiteral("no-need");
    case DisqualifyReason::Competitor:
        return QStringLiteral("competitor");
    case DisqualifyReason::BadData:
        return QStringLiteral("bad-data");
    case DisqualifyReason::Student:
        return QStringLiteral("student");
    case DisqualifyReason::TestLead:
        return QStringLiteral("test-lead");
    case DisqualifyReason::Dnc:
        return QStringLiteral("dnc");
    case DisqualifyReason::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

QString displayName(DisqualifyReason r) {
    switch (r) {
    case DisqualifyReason::NoBudget:
        return QCoreApplication::translate("DisqualifyReason", "No budget");
    case DisqualifyReason::NoNeed:
        return QCoreApplication::translate("DisqualifyReason", "No need");
    case DisqualifyReason::Competitor:
        return QCoreApplication::translate("DisqualifyReason", "Chose a competitor");
    case DisqualifyReason::BadData:
        return QCoreApplication::translate("DisqualifyReason", "Bad data");
    case DisqualifyReason::Student:
        return QCoreApplication::translate("DisqualifyReason", "Student");
    case DisqualifyReason::TestLead:
        return QCoreApplication::translate("DisqualifyReason", "Test lead");
    case DisqualifyReason::Dnc:
        return QCoreApplication::translate("DisqualifyReason", "Do not contact");
    case DisqualifyReason::Other:
        return QCoreApplication::translate("DisqualifyReason", "Other");
    }
    return {};
}

bool fromCanonicalName(const QString &name, DisqualifyReason *out) {
    QString key = name.trimmed().toLower();
    key.replace(QLatin1Char('_'), QLatin1Char('-')).replace(QLatin1Char(' '), QLatin1Char('-'));
    for (DisqualifyReason r : all()) {
        if (canonicalName(r) == key) {
            *out = r;
            return true;
        }
    }
    return false;
}

bool needsText(DisqualifyReason r) {
    return r == DisqualifyReason::Other;
}

QString namesText() {
    QStringList names;
    for (DisqualifyReason r : all())
        names << canonicalName(r);
    return names.join(QStringLiteral(", "));
}

} // namespace DisqualifyReasons
