#pragma once

#include <QMap>
#include <QString>

// Lead counts overall and per storefront, stage and action (canonical names as keys).
struct LeadStats {
    qint64 total = 0;
    QMap<QString, qint64> byStorefront;
    QMap<QString, qint64> byStage;
    QMap<QString, qint64> byAction;
};
