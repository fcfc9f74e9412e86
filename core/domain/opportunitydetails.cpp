#include "opportunitydetails.h"

#include "followupdestination.h"
#include "leadcolumns.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <cmath>

namespace {

// What is wrong with the details, each with the field it is about: fromText() tells a field's
// text it could not read apart from the rule the field then breaks, in any language.
QList<QPair<QString, QString>> fieldProblems(const OpportunityDetails &d) {
    QList<QPair<QString, QString>> out;
    if (!std::isfinite(d.value) || d.value <= 0.0)
        out.append(
            {QStringLiteral("value"),
             QCoreApplication::translate("OpportunityDetails", "value: %1 is not an amount above 0")
                 .arg(QString::number(d.value, 'g', QLocale::FloatingPointShortest))});
    if (d.currency.isEmpty())
        out.append(
            {QStringLiteral("currency"),
             QCoreApplication::translate(
                 "OpportunityDetails", "currency: an ISO 4217 code such as USD or EUR is needed")});
    else if (!OpportunityDetails::isCurrencyCode(d.currency))
        out.append({QStringLiteral("currency"),
                    QCoreApplication::translate("OpportunityDetails",
                                                "currency: \"%1\" is not an ISO 4217 currency code")
                        .arg(d.currency)});
    if (!d.expectedCloseAt.isValid())
        out.append({QStringLiteral("close date"),
                    QCoreApplication::translate("OpportunityDetails",
                                                "close date: an expected close date is needed")});
    FollowUpDestination destination;
    if (d.destination.isEmpty())
        out.append(
            {QStringLiteral("destination"),
             QCoreApplication::translate("OpportunityDetails", "destination: one of %1 is needed")
                 .arg(FollowUpDestinations::namesText())});
    else if (!FollowUpDestinations::fromCanonicalName(d.destination, &destination))
        out.append(
            {QStringLiteral("destination"),
             QCoreApplication::translate("OpportunityDetails", "destination: \"%1\" is not %2")
                 .arg(d.destination, FollowUpDestinations::namesText())});
    return out;
}

} // namespace

QStringList OpportunityDetails::problems() const {
    QStringList out;
    for (const auto &[field, problem] : fieldProblems(*this))
        out << problem;
    return out;
}

OpportunityDetails OpportunityDetails::fromText(const QString &value, const QString &currency,
                                                const QString &closeDate,
                                                const QString &destination, QStringList *problems) {
    OpportunityDetails d;
    // What the text itself gets wrong says more than the rule it then breaks.
    QHash<QString, QString> unread;
    bool ok = false;
    const double amount = value.trimmed().toDouble(&ok);
    if (value.trimmed().isEmpty())
        unread.insert(QStringLiteral("value"),
                      QCoreApplication::translate("OpportunityDetails",
                                                  "value: an estimated value above 0 is needed"));
    else if (!ok || !std::isfinite(amount))
        unread.insert(
            QStringLiteral("value"),
            QCoreApplication::translate("OpportunityDetails", "value: \"%1\" is not a number")
                .arg(value));
    else
        d.value = amount;
    d.currency = currency.trimmed().toUpper();
    if (!closeDate.trimmed().isEmpty()) {
        d.expectedCloseAt = LeadColumns::parseIsoUtc(closeDate);
        if (!d.expectedCloseAt.isValid())
            unread.insert(QStringLiteral("close date"),
                          QCoreApplication::translate("OpportunityDetails",
                                                      "close date: \"%1\" is not a date "
                                                      "(YYYY-MM-DD) or an ISO 8601 time")
                              .arg(closeDate));
    }
    FollowUpDestination destinationValue;
    d.destination = FollowUpDestinations::fromCanonicalName(destination, &destinationValue)
                        ? FollowUpDestinations::canonicalName(destinationValue)
                        : destination.trimmed();
    for (const auto &[field, problem] : fieldProblems(d))
        *problems << unread.value(field, problem);
    return d;
}

bool OpportunityDetails::isCurrencyCode(const QString &code) {
    // ISO 4217 codes of money in use (2024); metals (XAU, ...), bond units, test (XTS) and
    // no-currency (XXX) codes are no deal's currency.
    static const QSet<QString> codes = [] {
        const char *list =
            "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL "
            "BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF "
            "DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF "
            "IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR "
            "LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO "
            "NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK "
            "SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH "
            "UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG "
            "ZWL";
        QSet<QString> set;
        for (const QString &c : QString::fromLatin1(list).split(QLatin1Char(' ')))
            set.insert(c);
        return set;
    }();
    return codes.contains(code);
}
