#include "winmodelrefresh.h"

#include "../storage/winhistoryreader.h"
#include "../storage/winmodelstore.h"
#include "winmodeltrainer.h"

WinModelRefresh::WinModelRefresh(const Database &db)
    : m_db(db) {}

WinModelRefreshResult WinModelRefresh::run() const {
    WinModelRefreshResult out;
    WinHistoryReader history(m_db);
    const QString fingerprint = history.fingerprint();
    if (fingerprint.isEmpty()) {
        out.error = history.error();
        return out;
    }
    WinModelStore store(m_db);
    const std::optional<StoredWinModel> stored = store.load();
    if (!store.lastError().isEmpty()) {
        out.error = store.lastError();
        return out;
    }
    if (stored && stored->history == fingerprint) {
        out.ok = out.ready = true;
        out.model = stored->model;
        out.closed = stored->closed;
        out.status = QStringLiteral("trained");
        return out;
    }
    const WinTrainingResult trained = WinModelTrainer(m_db).run();
    if (!trained.ok) {
        out.error = trained.error;
        return out;
    }
    out.retrained = true;
    out.ready = trained.evaluation.isReady();
    out.model = trained.model;
    out.closed = trained.evaluation.closed;
    out.status = out.ready ? QStringLiteral("trained") : trained.evaluation.statusText();
    // A model the history cannot back is forgotten, and the untrained one gives every lead 0.
    if (!(out.ready
              ? store.save(trained.model, out.closed, QDateTime::currentDateTimeUtc(), fingerprint)
              : store.clear())) {
        out.error = store.lastError();
        return out;
    }
    out.ok = true;
    return out;
}
