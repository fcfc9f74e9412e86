#pragma once

#include "../scoring/winmodel.h"
#include "database.h"

#include <QDateTime>
#include <QString>

#include <optional>

// A win model as stored, with when it was trained and on how many closed leads.
struct StoredWinModel {
    WinModel model;
    QDateTime trainedAt;
    qint64 closed = 0;
    QString history; // WinHistoryReader::fingerprint() of the leads it was trained on
};

// Keeps the trained win model in the database's `meta` table under the key `win_model`, so that
// every process applies the same model and a new one replaces it whole.
class WinModelStore {
public:
    explicit WinModelStore(const Database &db);

    // Replaces the stored model, trained on `closed` leads whose fingerprint was `history`;
    // false with lastError() set.
    bool save(const WinModel &model, qint64 closed,
              const QDateTime &trainedAt = QDateTime::currentDateTimeUtc(),
              const QString &history = QString());
    // The stored model; nullopt when none was stored (lastError() empty) or it cannot be read
    // (lastError() says why).
    std::optional<StoredWinModel> load();
    // Forgets the stored model, so that no lead is given a probability the history cannot back.
    bool clear();
    QString lastError() const { return m_error; }

    static const QString &key(); // "win_model"

private:
    Database m_db;
    QString m_error;
};
