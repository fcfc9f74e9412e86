#pragma once

#include <QDateTime>
#include <QString>

// One change to a lead — who, when, what — forming both its timeline and its audit trail.
struct Activity {
    qint64 id = 0;
    qint64 leadId = 0;
    QDateTime at; // UTC
    QString actor;
    QString kind;  // "created", "merged", "stage", "field", "note", ...
    QString field; // the canonical column that changed, when kind is a change
    QString oldValue;
    QString newValue;
    QString note;
};
