#pragma once

#include "activitykind.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

// One change to a lead — who, when, what — forming both its timeline and its audit trail.
struct Activity {
    qint64 id = 0;
    qint64 leadId = 0;
    QDateTime at; // UTC: when Leadbench made the change
    QString actor;
    ActivityKind kind = ActivityKind::Note;
    QString field; // the column that changed, for Changed
    // Machine values of the column (LeadColumns::value): numbers stay numbers, flags bools.
    QVariant oldValue;
    QVariant newValue;
    QString note;
};
