#include "scorepreview.h"

#include "../storage/scorestore.h"
#include "rulescorer.h"

namespace {
constexpr int batchSize = 20000;
} // namespace

ScorePreview::ScorePreview(const Database &db)
    : m_db(db) {}

GradeDistribution ScorePreview::run(const ScoringModel &model) {
    GradeDistribution d;
    QString error;
    if (!m_db.open(&error)) {
        d.error = error;
        return d;
    }
    const RuleScorer scorer(model);
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    ScoreStore store(m_db);
    ScoreResult scored;
    qint64 after = 0;
    qint64 sum = 0;
    for (;;) {
        if (m_cancel && m_cancel->load()) {
            d.cancelled = true;
            return d;
        }
        const qint64 last = store.visit(
            after, batchSize, 0, [&](const Lead &lead, const ScoreStore::Stored &stored) {
                if (lead.isTest) {
                    ++d.unscored;
                    return;
                }
                scorer.score(lead, now, &scored, false);
                const int band = scored.grade.isEmpty() ? -1 : scored.grade.at(0).unicode() - u'A';
                if (band >= 0 && band < 4)
                    ++d.grades[std::size_t(band)];
                ++d.scored;
                sum += scored.score;
                if (QByteArrayView(scored.grade.toLatin1()) != stored.grade)
                    ++d.gradeChanges;
            });
        if (last < 0) {
            d.error = store.lastError();
            return d;
        }
        if (last == 0)
            break;
        after = last;
    }
    d.meanScore = d.scored > 0 ? double(sum) / double(d.scored) : 0.0;
    d.ok = true;
    return d;
}
