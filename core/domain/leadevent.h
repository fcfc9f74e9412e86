#pragma once

#include "storefront.h"

#include <QDateTime>
#include <QString>

// One marketplace touch on a lead: the record as it arrived, kept with its raw LeadSource.
struct LeadEvent {
    qint64 id = 0;
    qint64 leadId = 0;
    QDateTime occurredAt; // UTC
    Storefront storefront = Storefront::Other;
    QString action;
    QString leadSource; // verbatim
    QString offerTitle;
    QString description;
    QString channel; // how it reached Leadbench: "import", "generated", ...
};
