#include "leadrescorer.h"

#include "../storage/bulkload.h"
#include "../storage/scorestore.h"
#include "../storage/scoringmodelrepository.h"
#include "../storage/transaction.h"
#include "rescorechanges.h"
#include "rescorecheck.h"

#include <QCoreApplication>
#include <algorithm>

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
    ScoringModelRepository models(m_db);
    const std::optional<ScoringModel> model = models.current();
    if (!model) {
        result.error = models.lastError();
        return result;
    }
    result.modelVersion = model->version;
    const int version = model->version;
    const bool staleOnly = scope == Scope::Stale;
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    ScoreStore store(m_db);
    // Any lead may need new win values, so with a win model every lead is read; the rule
    // score is still only given to those in scope.
    const int readStaleFor = m_winModel || !staleOnly ? 0 : version;
    const qint64 total = store.count(readStaleFor);
    if (total < 0) {
        result.error = store.lastError();
        return result;
    }
    const auto progress = [this, total](qint64 done) {
        if (m_progress)
            m_progress(std::min(done, total), total);
    };
    // On SQLite the leads to write are found first, read side by side on several connections;
    // the write transaction then reads only those again.
    std::optional<RescoreChanges::Result> found;
    qint64 dataVersion = -1;
    if (m_db.backend() == Database::Backend::Sqlite && total >= m_parallelFrom) {
        dataVersion = store.dataVersion();
        RescoreChanges::Result f = RescoreChanges::find(
            m_db, *model, m_winModel, now, staleOnly, m_cancel,
            [&](qint64 seen) { progress(seen / 2); }, m_idsPerThread);
        if (!f.ok) {
            result.cancelled = f.cancelled;
            result.error =
                f.cancelled
                    ? QCoreApplication::translate("LeadRescorer", "cancelled; no score was changed")
                    : f.error;
            return result;
        }
        found = std::move(f);
    }
    // Rewriting most scores, the score index is set aside and built again once, and the
    // pages are written once through a rollback journal rather than twice through the log.
    BulkLoad bulk(m_db);
    bool large = false;
    {
        const qint64 stale = store.count(version);
        const qint64 all = readStaleFor == 0 ? total : store.count(0);
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
    // The transaction reads first, so that no other connection commits from here on unseen; a
    // commit since the leads were read, and they are all read again.
    if (found && (store.maxId() < 0 || store.dataVersion() != dataVersion))
        found.reset();
    if (large && !bulk.begin(&error, false)) {
        result.error = QCoreApplication::translate("LeadRescorer", "cannot prepare the rewrite: %1")
                           .arg(error);
        return result;
    }
    RescoreCheck check(*model, m_winModel, now, staleOnly);
    // The changed scores of a batch, written once its read is over.
    struct Change {
        qint64 id;
        int score;
        QString grade;
        QByteArray explanation;
        QString oldGrade;
        RescoreCheck::Outcome outcome;
        ScoreStore::WinValues win;
    };
    QList<Change> changes;
    qint64 visited = 0; // leads scored with the model, by the read of the transaction
    const auto collect = [&](const Lead &lead, const ScoreStore::Stored &stored) {
        const RescoreCheck::Outcome o = check.check(lead, stored);
        visited += o.inScope ? 1 : 0;
        if (!o.scoreChanged && !o.winChanged)
            return;
        Change c{lead.id,
                 0,
                 QString(),
                 QByteArray(),
                 QString(),
                 o,
                 o.winChanged ? check.win() : ScoreStore::WinValues()};
        if (o.scoreChanged) {
            c.score = check.scored().score;
            c.grade = check.scored().grade;
            c.explanation = check.scored().explanation;
            c.oldGrade = QString::fromUtf8(stored.grade);
        }
        changes << c;
    };
    qint64 after = 0;
    qint64 seen = 0;      // leads read, scored or not
    std::size_t next = 0; // into found->ids
    for (;;) {
        if (m_cancel && m_cancel->load()) {
            result.cancelled = true;
            result.error =
                QCoreApplication::translate("LeadRescorer", "cancelled; no score was changed");
            return result;
        }
        changes.clear();
        qint64 last = 0;
        if (found) {
            last =
                next < found->ids.size() ? store.visitIds(found->ids, next, batchSize, collect) : 0;
            next += batchSize;
        } else {
            last = store.visit(after, batchSize, readStaleFor,
                               [&](const Lead &lead, const ScoreStore::Stored &stored) {
                                   ++seen;
                                   collect(lead, stored);
                               });
        }
        if (last < 0) {
            result.error = store.lastError();
            return result;
        }
        if (last == 0)
            break;
        if (large && !setAside) {
            for (const Change &c : std::as_const(changes))
                rankChanges += c.outcome.rankChanged ? 1 : 0;
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
            const bool scoreChanged = c.outcome.scoreChanged;
            const bool written =
                scoreChanged
                    ? store.write(c.id, c.score, c.grade, c.explanation, version, c.oldGrade,
                                  c.outcome.rankChanged, c.outcome.winChanged ? &c.win : nullptr)
                    : store.writeWin(c.id, c.win);
            if (!written) {
                result.error = store.lastError();
                return result;
            }
            result.changed += scoreChanged ? 1 : 0;
            result.winChanged += c.outcome.winChanged ? 1 : 0;
        }
        after = last;
        if (found)
            progress(total / 2 + qint64(std::min(next, found->ids.size())) * (total - total / 2) /
                                     qint64(std::max<std::size_t>(found->ids.size(), 1)));
        else
            progress(seen);
    }
    if (found && found->ids.empty())
        progress(total);
    result.scored = found ? found->scored : visited;
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
