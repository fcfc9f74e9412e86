#include "leadrescorer.h"

#include "../storage/scorestore.h"
#include "../storage/scoringmodelrepository.h"
#include "../storage/transaction.h"
#include "rulescorer.h"

namespace {

// Leads read per batch: the reads and writes take turns, so no read runs over rows being written.
constexpr int batchSize = 20000;

// Stored UTF-8 against a grade, without making a string per lead.
bool sameText(QByteArrayView stored, const QString &text) {
    if (stored.size() != text.size())
        return false;
    for (qsizetype i = 0; i < stored.size(); ++i)
        if (uchar(stored.at(i)) >= 0x80 || QChar(char16_t(uchar(stored.at(i)))) != text.at(i))
            return false;
    return true;
}

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
    // The changed scores of a batch, written once its read is over.
    struct Change {
        qint64 id;
        int score;
        QString grade;
        QByteArray explanation;
        QString oldGrade;
    };
    QList<Change> changes;
    ScoreResult scored;
    const int version = model->version;
    qint64 after = 0;
    for (;;) {
        if (m_cancel && m_cancel->load()) {
            result.cancelled = true;
            result.error = QStringLiteral("cancelled; no score was changed");
            return result;
        }
        changes.clear();
        qint64 visited = 0;
        const qint64 last = store.visit(
            after, batchSize, staleFor, [&](const Lead &lead, const ScoreStore::Stored &stored) {
                ++visited;
                scorer.score(lead, now, &scored, false);
                if (stored.score == scored.score && stored.modelVersion == version &&
                    sameText(stored.grade, scored.grade) &&
                    stored.explanation == QByteArrayView(scored.explanation))
                    return;
                changes << Change{lead.id, scored.score, scored.grade, scored.explanation,
                                  QString::fromUtf8(stored.grade)};
            });
        if (last < 0) {
            result.error = store.lastError();
            return result;
        }
        if (last == 0)
            break;
        for (const Change &c : std::as_const(changes)) {
            if (!store.write(c.id, c.score, c.grade, c.explanation, version, c.oldGrade)) {
                result.error = store.lastError();
                return result;
            }
        }
        result.changed += changes.size();
        result.scored += visited;
        after = last;
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
