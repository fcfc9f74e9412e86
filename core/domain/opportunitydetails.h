#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// What a lead is worth as an opportunity and where it is followed up: asked for when a
// qualified lead is converted.
struct OpportunityDetails {
    double value = 0.0;        // estimated value, more than 0
    QString currency;          // ISO 4217, upper case: "EUR"
    QDateTime expectedCloseAt; // UTC; a date is its midnight
    QString destination;       // FollowUpDestinations canonical name

    // Each problem naming its field and value, in field order; empty when they can be stored.
    QStringList problems() const;

    // From text as a person types it (a CLI option, a form field): the value as a number
    // ("25000", "1250.50"), the currency in either case, the close date as a date or an ISO 8601
    // time, the destination by canonical name. Text that is no such value leaves the field unset
    // and adds its problem to `problems`.
    static OpportunityDetails fromText(const QString &value, const QString &currency,
                                       const QString &closeDate, const QString &destination,
                                       QStringList *problems);
    // A currency in use, by its ISO 4217 code: "USD", "EUR", "JPY"; not the codes for metals,
    // tests or no currency.
    static bool isCurrencyCode(const QString &code);
};
