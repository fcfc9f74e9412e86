#include "leadrescorer.h"

#include "../storage/scorestore.h"
#include "../storage/scoringmodelrepository.h"
#include "../storage/transaction.h"
#include "rulescorer.h"

namespace {

// Leads read per batch: the reads and writes take turns, so no read runs over rows being written.
constexpr int batchSize = 20000;

} // namespace

LeadRescorer::LeadRescorer(const Database &db)
    : m_db(db) {}

void LeadRescorer::setProgressHandler(std::function<void(qint64, qint64)> handler) {
    m_progress = std::move(handler);
}

RescoreResult LeadRescorer::rescore(Scope scope) {
    RescoreResult result;
    QString error;
    if (!m_db.open(&error)) {
        result.error = error;
        return result;
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        result.error = QStringLiteral("cannot start a transaction: %1").arg(tx.error());
        return result;
    }
    ScoringModelRepository models(m_db);
    const std::optional<ScoringModel> model = models.current();
    if (!model) {
        result.error = models.lastError();
        return result;
    }
    result.modelVersion = model->version;
    const RuleScorer scorer(*model);
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    ScoreStore store(m_db);
    const int staleFor = scope == Scope::Stale ? model->version : 0;
    const qint64 total = store.count(staleFor);
    if (total < 0) {
        result.error = store.lastError();
        return result;
    }
    QList<Lead> leads;
    ScoreResult scored;
    qint64 after = 0;
    for (;;) {
        if (m_cancel && m_cancel->load()) {
            result.cancelled = true;
            result.error = QStringLiteral("cancelled; no score was changed");
            return result;
        }
        if (!store.read(after, batchSize, staleFor, &leads)) {
            result.error = store.lastError();
            return result;
        }
        if (leads.isEmpty())
            break;
        for (const Lead &stored : std::as_const(leads)) {
            scorer.score(stored, now, &scored);
            Lead next = stored;
            next.score = scored.score;
            next.grade = scored.grade;
            next.scoreExplanation = scored.explanationText;
            next.scoreModelVersion = model->version;
            bool written = false;
            if (!store.write(stored, next, &written)) {
                result.error = store.lastError();
                return result;
            }
            result.changed += written ? 1 : 0;
        }
        result.scored += leads.size();
        after = leads.last().id;
        if (m_progress)
            m_progress(result.scored, total);
    }
    if (!tx.commit()) {
        result.error = QStringLiteral("cannot commit: %1").arg(tx.error());
        result.scored = result.changed = 0;
        return result;
    }
    result.ok = true;
    return result;
}
