#include "actioncategories.h"

QStringList ActionCategories::knownCodes() {
    return {QStringLiteral("INS"), QStringLiteral("PLT"), QStringLiteral("StartTestDrive"),
            QStringLiteral("Create"), QStringLiteral("DNC")};
}

QString ActionCategories::other() {
    return QStringLiteral("other");
}

QStringList ActionCategories::all() {
    return knownCodes() << other();
}

QString ActionCategories::of(const QString &action) {
    return knownCodes().contains(action) ? action : other();
}
