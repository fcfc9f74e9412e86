#pragma once

#include <QList>
#include <QString>

// Leads, qualified and won per marketing campaign (the leads' campaign value).
struct CampaignReport {
    struct Campaign {
        QString campaign; // "" for leads without one
        qint64 leads = 0;
        qint64 qualified = 0; // reached qualified or beyond
        qint64 won = 0;
    };
    QList<Campaign> campaigns; // most leads first
    qint64 total() const;
};
