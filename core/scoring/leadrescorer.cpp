#include "leadrescorer.h"

#include "../storage/bulkload.h"
#include "../storage/scorestore.h"
#include "../storage/scoringmodelrepository.h"
#include "../storage/transaction.h"
#include "rulescorer.h"
#include "winmodel.h"
#include "winvaluesmaker.h"

#include <QCoreApplication>
#include <cmath>

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

// A score that is not a person's and not the current version's: what Scope::Stale rescores
// (the same test as ScoreStore's stale query).
bool isStale(const ScoreStore::Stored &stored, int version) {
    return stored.modelVersion != version &&
           (stored.modelVersion > 0 || (stored.score == 0 && stored.grade.isEmpty()));
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
    ScoringModelRepository models(m_db);
    const std::optional<ScoringModel> model = models.current();
    if (!model) {
        result.error = models.lastError();
        return result;
    }
    // Rewriting most scores, the score index is set aside and built again once, and the
    // pages are written once through a rollback journal rather than twice through the log.
    BulkLoad bulk(m_db);
    bool large = false;
    {
        ScoreStore counter(m_db);
        const qint64 stale = counter.count(model->version);
        const qint64 all = counter.count(0);
        large = stale >= m_largeRewrite && stale * 3 >= all;
    }
    if (large) {
        bulk.setAsideOnly(ScoreStore::scoreIndexes());
        bulk.useRollbackJournal();
    }
    // The indexes are set aside once enough scores or grades move: a new model version that
    // leaves most of them as they were rewrites explanations, which no index holds.
    bool setAside = false;
    qint64 rankChanges = 0;
    Transaction tx(m_db);
    if (!tx.isActive()) {
        result.error = QCoreApplication::translate("LeadRescorer", "cannot start a transaction: %1")
                           .arg(tx.error());
        return result;
    }
    if (large && !bulk.begin(&error, false)) {
        result.error = QCoreApplication::translate("LeadRescorer", "cannot prepare the rewrite: %1")
                           .arg(error);
        return result;
    }
    result.modelVersion = model->version;
    const RuleScorer scorer(*model);
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    ScoreStore store(m_db);
    const int staleFor = scope == Scope::Stale ? model->version : 0;
    // Any lead may need new win values, so with a win model every lead is read; the rule
    // score is still only given to those in scope.
    const int readStaleFor = m_winModel ? 0 : staleFor;
    std::optional<WinValuesMaker> winValues;
    if (m_winModel)
        winValues.emplace(*m_winModel);
    const qint64 total = store.count(readStaleFor);
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
        bool scoreChanged;
        bool rankChanged;
        bool winChanged;
        ScoreStore::WinValues win;
    };
    QList<Change> changes;
    ScoreResult scored;
    ScoreStore::WinValues win;
    const int version = model->version;
    qint64 after = 0;
    qint64 seen = 0; // leads read, scored or not
    for (;;) {
        if (m_cancel && m_cancel->load()) {
            result.cancelled = true;
            result.error =
                QCoreApplication::translate("LeadRescorer", "cancelled; no score was changed");
            return result;
        }
        changes.clear();
        qint64 visited = 0;
        const qint64 last = store.visit(
            after, batchSize, readStaleFor,
            [&](const Lead &lead, const ScoreStore::Stored &stored) {
                ++seen;
                bool scoreChanged = false;
                bool rankChanged = false;
                if (!staleFor || isStale(stored, version)) {
                    ++visited;
                    scorer.score(lead, now, &scored, false);
                    rankChanged =
                        stored.score != scored.score || !sameText(stored.grade, scored.grade);
                    // An older version's score that stays as it was is left in place: the
                    // run's confirm() at the end makes it this version's.
                    const bool confirmed = stored.modelVersion > 0 && stored.modelVersion < version;
                    scoreChanged = rankChanged || (stored.modelVersion != version && !confirmed) ||
                                   stored.explanation != QByteArrayView(scored.explanation);
                }
                bool winChanged = false;
                if (winValues) {
                    winValues->make(lead, &win.probability, &win.drivers);
                    // Stored as the double it is; the tolerance is for a backend that prints it.
                    winChanged = std::abs(stored.winProbability - win.probability) > 1e-9 ||
                                 stored.winDrivers != QByteArrayView(win.drivers);
                }
                if (!scoreChanged && !winChanged)
                    return;
                Change c{lead.id,      0,          QString(),
                         QByteArray(), QString(),  scoreChanged,
                         rankChanged,  winChanged, winChanged ? win : ScoreStore::WinValues()};
                if (scoreChanged) {
                    c.score = scored.score;
                    c.grade = scored.grade;
                    c.explanation = scored.explanation;
                    c.oldGrade = QString::fromUtf8(stored.grade);
                }
                changes << c;
            });
        if (last < 0) {
            result.error = store.lastError();
            return result;
        }
        if (last == 0)
            break;
        if (large && !setAside) {
            for (const Change &c : std::as_const(changes))
                rankChanges += c.rankChanged ? 1 : 0;
            if (rankChanges >= m_largeRewrite) {
                if (!bulk.setAside(&error)) {
                    result.error = QCoreApplication::translate(
                                       "LeadRescorer", "cannot set the score index aside: %1")
                                       .arg(error);
                    return result;
                }
                setAside = true;
            }
        }
        for (const Change &c : std::as_const(changes)) {
            const bool written = c.scoreChanged ? store.write(c.id, c.score, c.grade, c.explanation,
                                                              version, c.oldGrade, c.rankChanged,
                                                              c.winChanged ? &c.win : nullptr)
                                                : store.writeWin(c.id, c.win);
            if (!written) {
                result.error = store.lastError();
                return result;
            }
            result.changed += c.scoreChanged ? 1 : 0;
            result.winChanged += c.winChanged ? 1 : 0;
        }
        result.scored += visited;
        after = last;
        if (m_progress)
            m_progress(seen, total);
    }
    if (large && !bulk.finish(&error)) {
        result.error =
            QCoreApplication::translate("LeadRescorer", "cannot rebuild the score index: %1")
                .arg(error);
        return result;
    }
    // Every lead an older version scored was visited: those still stored with an older
    // version kept their score under this one.
    if (store.confirmedVersion() < version && !store.confirm(version)) {
        result.error = store.lastError();
        return result;
    }
    if (!tx.commit()) {
        result.error =
            QCoreApplication::translate("LeadRescorer", "cannot commit: %1").arg(tx.error());
        result.scored = result.changed = result.winChanged = 0;
        return result;
    }
    result.ok = true;
    return result;
}
