#pragma once

#include "touchkind.h"

#include <QDateTime>
#include <QString>

// One logged touch with a lead: what it was, how it went and what was said. Stored as a `touch`
// activity (field: the kind, new value: the outcome, note: the text).
struct Touch {
    TouchKind kind = TouchKind::Call;
    QString outcome; // free text; "responded" ends a cadence
    QString text;
    QDateTime at; // UTC; null: when it is stored

    // The outcome that means the person answered: the cadence has done its work.
    bool isResponse() const {
        return outcome.trimmed().compare(QLatin1String("responded"), Qt::CaseInsensitive) == 0;
    }
};
