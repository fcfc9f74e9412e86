#include "scorepreview.h"

#include "../storage/scorestore.h"
#include "rulescorer.h"

#include <QFuture>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace {

constexpr int batchSize = 20000;
// Below this many ids one thread reads them all: starting another costs more than it saves.
constexpr qint64 idsPerExtraThread = 50000;

} // namespace

// One id range's share of the distribution, and the sum of its scores.
struct ScorePreview::Part {
    GradeDistribution d;
    qint64 sum = 0;
};

ScorePreview::ScorePreview(const Database &db)
    : m_db(db) {}

GradeDistribution ScorePreview::run(const ScoringModel &model) {
    GradeDistribution d;
    QString error;
    if (!m_db.open(&error)) {
        d.error = error;
        return d;
    }
    const qint64 lastId = ScoreStore(m_db).maxId();
    if (lastId < 0) {
        d.error = ScoreStore(m_db).lastError();
        return d;
    }
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    // The preview follows each edit of the rules: the id ranges are read side by side, each on
    // a thread of its own with its own connection.
    const qint64 threads = qBound<qint64>(1, qMin<qint64>(QThread::idealThreadCount(), 4),
                                          1 + lastId / idsPerExtraThread);
    const qint64 span = lastId / threads + 1;
    QList<QFuture<Part>> futures;
    for (qint64 t = 1; t < threads; ++t)
        futures << QtConcurrent::run([this, &model, now, t, span] {
            Part p = part(model, now, t * span, (t + 1) * span);
            m_db.closeThreadConnection();
            return p;
        });
    QList<Part> parts{part(model, now, 0, span)};
    for (QFuture<Part> &f : futures)
        parts << f.result();
    qint64 sum = 0;
    for (const Part &p : std::as_const(parts)) {
        if (!p.d.error.isEmpty() || p.d.cancelled) {
            d.error = p.d.error;
            d.cancelled = p.d.cancelled;
            return d;
        }
        d.scored += p.d.scored;
        d.unscored += p.d.unscored;
        d.gradeChanges += p.d.gradeChanges;
        for (std::size_t i = 0; i < d.grades.size(); ++i)
            d.grades[i] += p.d.grades[i];
        sum += p.sum;
    }
    d.meanScore = d.scored > 0 ? double(sum) / double(d.scored) : 0.0;
    d.ok = true;
    return d;
}

ScorePreview::Part ScorePreview::part(const ScoringModel &model, const QDateTime &now,
                                      qint64 afterId, qint64 untilId) const {
    Part p;
    GradeDistribution &d = p.d;
    QString error;
    if (!m_db.open(&error)) {
        d.error = error;
        return p;
    }
    const RuleScorer scorer(model);
    ScoreStore store(m_db);
    ScoreResult scored;
    qint64 after = afterId;
    while (after < untilId) {
        if (m_cancel && m_cancel->load()) {
            d.cancelled = true;
            return p;
        }
        const qint64 last = store.visit(
            after, batchSize, 0, [&](const Lead &lead, const ScoreStore::Stored &stored) {
                if (lead.id > untilId)
                    return; // the next range's
                if (lead.isTest) {
                    ++d.unscored;
                    return;
                }
                scorer.score(lead, now, &scored, false);
                const int band = scored.grade.isEmpty() ? -1 : scored.grade.at(0).unicode() - u'A';
                if (band >= 0 && band < 4)
                    ++d.grades[std::size_t(band)];
                ++d.scored;
                p.sum += scored.score;
                if (QByteArrayView(scored.grade.toLatin1()) != stored.grade)
                    ++d.gradeChanges;
            });
        if (last < 0) {
            d.error = store.lastError();
            return p;
        }
        if (last == 0)
            break;
        after = last;
    }
    return p;
}
