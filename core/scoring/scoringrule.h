#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// What a scoring rule looks at.
enum class RuleKind {
    Action,     // the newest marketplace action code is `value` (INS, PLT, ...)
    Storefront, // the lead came through storefront `value` (canonical name)
    Seniority,  // the title's seniority is `value` (TitleSeniority canonical name)
    EmailKind,  // the email is of kind `value` (EmailKinds canonical name)
    HasPhone,   // a phone number is known
    HasCompany, // a company is known
    Country,    // the country is one of `countries`
    Engagement, // at least `minimum` marketplace events
    Recency,    // `points` on the day of the last event, fading linearly to 0 over `days` days
};

// One weighted rule of a scoring model, with the words a rep reads in a lead's explanation.
struct ScoringRule {
    QString id; // stable key, e.g. "action.INS"
    RuleKind kind = RuleKind::Action;
    QString value;         // Action, Storefront, Seniority, EmailKind
    QStringList countries; // Country: ISO 3166 alpha-2 codes
    int minimum = 0;       // Engagement: the least number of events
    int days = 0;          // Recency: the days over which the points fade
    int points = 0;        // may be negative
    QString label;         // "Installed the offer", "Director", "Free-mail address"

    friend bool operator==(const ScoringRule &, const ScoringRule &) = default;

    QJsonObject toJson() const;
    // The rule in `json`, or an empty `error` naming the field and value that is wrong.
    static ScoringRule fromJson(const QJsonObject &json, QString *error);
    static QString kindName(RuleKind kind); // "action", "storefront", "seniority", ...
    static bool kindFromName(const QString &name, RuleKind *out);
};
