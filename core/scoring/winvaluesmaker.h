#pragma once

#include "../domain/lead.h"
#include "winmodel.h"

#include <QByteArray>
#include <QHash>
#include <QString>

// A lead's win probability and its drivers as stored ({"up":[{"name","effect"}],"down":[…]}),
// under one model. Drivers repeat across thousands of leads, so each one's JSON is made once
// and a lead's JSON is put together from those pieces.
class WinValuesMaker {
public:
    explicit WinValuesMaker(const WinModel &model); // `model` must outlive the maker

    // Closed, test and do-not-contact leads, and every lead under an untrained model, get 0
    // and no drivers (an empty `drivers`).
    void make(const Lead &lead, double *probability, QByteArray *drivers);

private:
    void append(const QList<WinDriver> &drivers, QByteArray *out);
    const QByteArray &piece(const WinDriver &d);

    const WinModel &m_model;
    QHash<QString, QByteArray> m_pieces;
};
