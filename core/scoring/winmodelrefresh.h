#pragma once

#include "../storage/database.h"
#include "winmodel.h"

#include <QString>

// What WinModelRefresh::run() settled on: the model to apply to the leads and where it came from.
struct WinModelRefreshResult {
    bool ok = false; // false: the database could not be read or written (error says why)
    QString error;
    WinModel model;         // untrained when the history cannot back one
    bool ready = false;     // the model is trained
    bool retrained = false; // trained now, rather than the stored one kept
    qint64 closed = 0;      // the closed leads it was trained on
    QString status;         // "trained", or why not ("not enough history")
};

// Keeps the stored win model current: while the closed leads are as they were when it was
// trained (WinHistoryReader::fingerprint), the stored model is the one the same data would train
// again and is kept; otherwise one is trained now and stored, or forgotten when the history
// cannot back one. Used before a rescoring pass, which then applies the model to every lead.
class WinModelRefresh {
public:
    explicit WinModelRefresh(const Database &db);
    WinModelRefreshResult run() const;

private:
    Database m_db;
};
