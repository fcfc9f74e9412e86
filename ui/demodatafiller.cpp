#include "demodatafiller.h"

#include "core/io/leadgenerator.h"
#include "core/scoring/leadrescorer.h"
#include "core/scoring/winmodelrefresh.h"

#include <QThreadPool>

DemoDataFiller::DemoDataFiller(const Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_pool(std::make_unique<QThreadPool>()) {
    m_pool->setMaxThreadCount(1);
}

DemoDataFiller::~DemoDataFiller() {
    m_cancel.store(true);
    m_pool->waitForDone();
}

bool DemoDataFiller::start(qint64 count, quint64 seed) {
    if (m_running)
        return false;
    m_running = true;
    m_cancel.store(false);

    // The destructor waits for the worker, so `this` outlives every use of it there; signals
    // still queued when it goes are dropped with it.
    auto fill = [this, db = m_db, count, seed] {
        LeadGenerator generator(db);
        generator.setCancelFlag(&m_cancel);
        generator.setProgressHandler([this](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                this, [this, done, total] { emit progress(done, total); }, Qt::QueuedConnection);
        });
        GenerateResult result = generator.generate(count, seed);
        // The demo's closed leads teach the win model, so that its open leads show their
        // probability from the start.
        if (result.ok) {
            const WinModelRefreshResult win = WinModelRefresh(db).run();
            LeadRescorer rescorer(db);
            rescorer.setWinModel(&win.model);
            rescorer.setCancelFlag(&m_cancel);
            const RescoreResult scored =
                win.ok ? rescorer.rescore(LeadRescorer::Scope::Stale) : RescoreResult();
            // A cancel now keeps the leads made, without probabilities.
            if (!win.ok || (!scored.ok && !scored.cancelled)) {
                result.ok = false;
                result.error = win.ok ? scored.error : win.error;
            }
        }
        // The pool thread may idle for a while: let the database file go now.
        db.closeThreadConnection();
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                m_running = false;
                emit finished(result.ok, result.cancelled, result.generated, result.error);
            },
            Qt::QueuedConnection);
    };
    m_pool->start(std::move(fill));
    return true;
}

void DemoDataFiller::cancel() {
    m_cancel.store(true);
}
