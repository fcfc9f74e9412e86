#pragma once

#include "qualification.h"
#include "stage.h"
#include "storefront.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// One person's interest in one offer: the canonical lead record (see DESIGN.md, lead columns).
struct Lead {
    qint64 id = 0;
    Storefront storefront = Storefront::Other;
    QString
        action; // marketplace action code, verbatim (INS, PLT, DNC, Create, StartTestDrive, ...)
    QString offerId;
    QString offerTitle;
    QString firstName;
    QString lastName;
    QString email;
    QString phone;
    QString country; // ISO 3166 alpha-2
    QString company;
    QString title;
    QString description;
    QDateTime createdAt;   // UTC
    QDateTime lastEventAt; // UTC
    int events = 1;
    Stage stage = Stage::New;
    QString owner;
    int score = 0;
    QString grade;
    // The scoring model version that gave score and grade (0: none), and why, as compact JSON
    // lines [{"rule","label","points"}] that sum to the score (ScoreExplanation).
    int scoreModelVersion = 0;
    QString scoreExplanation;
    double winProbability = 0.0;
    QString winDrivers;       // the predictive model's reasons for winProbability, as JSON text
    QDateTime nextFollowUpAt; // UTC; null when none is planned
    int followUps = 0;
    bool doNotContact = false;
    bool isTest = false;
    bool privacyRestricted = false; // .edu address: Microsoft withholds PII
    QString campaign;
    QString origin;     // "marketplace" or "co-sell"; marketplace leads stay distinguishable
    qint64 version = 0; // optimistic concurrency; bumped by every stored change
    // Columns of an imported file that are no lead field, by their header: kept, not dropped.
    QJsonObject extraFields;
    // From lead to opportunity (QualificationPolicy): the checklist, the opportunity's details,
    // why it was disqualified. Text and times unset are "", the value 0.
    Qualification qualification;
    double opportunityValue = 0.0;
    QString opportunityCurrency; // ISO 4217
    QDateTime expectedCloseAt;   // UTC
    QString destination;         // own-crm, co-sell, marketplace
    QString disqualifyReason;    // DisqualifyReasons canonical name
    QString disqualifyNote;

    QString fullName() const;
};
