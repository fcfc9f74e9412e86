#pragma once

#include <QCoreApplication>
#include <QString>

// How long leads waited for their first touch. Touches are recorded by nurture; until a
// database holds them, the report says what it waits for instead of showing a blank chart.
struct FirstTouchReport {
    bool available = false;
    QString waitingFor = QCoreApplication::translate(
        "FirstTouchReport", "Time to first touch waits for nurture: no touches are recorded yet");
};
