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
// From how many leads to write a rescore is a rewrite of many rows (rollback journal, large
// page cache).
constexpr qint64 bulkRewrite = 50000;

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
    // Rewriting many rows, the pages are written once through a rollback journal with a page
    // cache that holds what they change; from many score or grade moves, the indexes that hold
    // them are set aside and built again once rather than kept up to date row by row.
    BulkLoad bulk(m_db);
    // On SQLite the leads to write are found first, read side by side on several connections,
    // with what to write; unless another connection commits meanwhile, the write transaction
    // writes that, or reads only those leads again where it did not fit in memory.
    std::optional<RescoreChanges::Result> found;
    qint64 dataVersion = -1;
    if (m_db.backend() == Database::Backend::Sqlite && total >= m_parallelFrom) {
        // Before the read: a change of journal counts as a commit in SQLite's data_version.
        bulk.useRollbackJournal();
        dataVersion = store.dataVersion();
        RescoreChanges::Result f = RescoreChanges::find(
            m_db, *model, m_winModel, now, staleOnly, m_cancel,
            [&](qint64 seen) { progress(seen / 2); }, m_idsPerThread, m_valueBytes);
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
    bool large = false;
    bool asideNow = false;
    if (found) {
        const qint64 toWrite = qint64(found->ids.size());
        // A rollback journal needs a page cache that holds what changes, however little.
        large = toWrite >= std::min(bulkRewrite, m_largeRewrite) || bulk.journalChanged();
        asideNow = large && found->rankChanges >= m_largeRewrite;
    } else {
        const qint64 stale = store.count(version);
        const qint64 all = readStaleFor == 0 ? total : store.count(0);
        large = stale >= std::min(bulkRewrite, m_largeRewrite) && stale * 3 >= all;
    }
    if (large) {
        bulk.setAsideOnly(ScoreStore::scoreIndexes());
        // Not after the parallel read: a journal switched now would count as a commit.
        if (dataVersion < 0)
            bulk.useRollbackJournal();
    }
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
    const auto setIndexesAside = [&] {
        if (setAside)
            return true;
        if (!bulk.setAside(&error)) {
            result.error =
                QCoreApplication::translate("LeadRescorer", "cannot set the score index aside: %1")
                    .arg(error);
            return false;
        }
        setAside = true;
        return true;
    };
    if (found && asideNow && !setIndexesAside())
        return result;
    RescoreCheck check(*model, m_winModel, now, staleOnly);
    // The changes of a batch, written once its read is over.
    std::vector<RescoreCheck::Change> changes;
    qint64 visited = 0; // leads scored with the model, by the read of the transaction
    const auto collect = [&](const Lead &lead, const ScoreStore::Stored &stored) {
        const RescoreCheck::Outcome o = check.check(lead, stored);
        visited += o.inScope ? 1 : 0;
        if (o.scoreChanged || o.winChanged)
            changes.push_back(check.change(lead.id, o, stored));
    };
    const auto write = [&](const RescoreCheck::Change &c) {
        const bool scoreChanged = c.outcome.scoreChanged;
        const bool written = scoreChanged ? store.write(c.id, c.score, c.grade, c.explanation,
                                                        version, c.oldGrade, c.outcome.rankChanged,
                                                        c.outcome.winChanged ? &c.win : nullptr)
                                          : store.writeWin(c.id, c.win);
        if (!written) {
            result.error = store.lastError();
            return false;
        }
        result.changed += scoreChanged ? 1 : 0;
        result.winChanged += c.outcome.winChanged ? 1 : 0;
        return true;
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
        // What the parallel read found is written as it was found: nobody wrote since.
        if (found && found->withValues) {
            const std::size_t end = std::min(next + batchSize, found->changes.size());
            for (; next < end; ++next)
                if (!write(found->changes[next]))
                    return result;
            progress(total / 2 + qint64(next) * (total - total / 2) /
                                     qint64(std::max<std::size_t>(found->changes.size(), 1)));
            if (next >= found->changes.size()) {
                found->changes = {}; // not held through the index builds and the commit
                break;
            }
            continue;
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
        if (large && !setAside && !found) {
            for (const RescoreCheck::Change &c : changes)
                rankChanges += c.outcome.rankChanged ? 1 : 0;
            if (rankChanges >= m_largeRewrite && !setIndexesAside())
                return result;
        }
        for (const RescoreCheck::Change &c : changes)
            if (!write(c))
                return result;
        after = last;
        if (found)
            progress(total / 2 + qint64(std::min(next, found->ids.size())) * (total - total / 2) /
                                     qint64(std::max<std::size_t>(found->ids.size(), 1)));
        else // after a parallel read whose leads someone changed meanwhile, from half-way
            progress(dataVersion >= 0 ? total / 2 + seen / 2 : seen);
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
