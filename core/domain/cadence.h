#pragma once

#include "touchkind.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

// One touch of a cadence: what to do, on which day after enrolment.
struct CadenceTouch {
    int day = 0;
    TouchKind kind = TouchKind::Email;
    friend bool operator==(const CadenceTouch &, const CadenceTouch &) = default;
};

// A named sequence of touches with day offsets ("day 0 email, day 2 call, …"): enrolling a lead
// schedules its first touch, logging each touch schedules the next.
class Cadence {
public:
    QString name;
    QString description;
    QList<CadenceTouch> touches; // in day order

    // When touch `step` is due for a lead enrolled at `start`: its day after the start, or `now`
    // when that has passed (a late touch does not make the next one overdue at once). Null
    // when the cadence has no such step.
    QDateTime dueAt(int step, const QDateTime &start, const QDateTime &now) const;

    // "0 email, 2 call, 5 email"; parseTouches reads the same, or "0:email,2:call".
    QString touchesText() const;
    static bool parseTouches(const QString &text, QList<CadenceTouch> *touches, QString *problem);
    // {"description":…,"touches":[{"day":0,"kind":"email"},…]} (the name is kept beside it).
    QJsonObject toJson() const;
    static bool fromJson(const QString &name, const QJsonObject &json, Cadence *out,
                         QString *problem);

    // The two shipped cadences: "Contact me" (day 0 email, 2 call, 5 email, 9 call, 14 email,
    // 21 call, 30 email, 45 call) and "Trial and install".
    static QList<Cadence> defaults();
};
