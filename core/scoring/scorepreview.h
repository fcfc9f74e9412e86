#pragma once

#include "../storage/database.h"
#include "scoringmodel.h"

#include <QDateTime>
#include <QString>

#include <array>
#include <atomic>

// How a database's leads would grade under a model, and how many would change grade.
struct GradeDistribution {
    bool ok = false;
    bool cancelled = false;
    QString error;
    qint64 scored = 0;              // leads graded (test leads are not)
    qint64 unscored = 0;            // test leads
    std::array<qint64, 4> grades{}; // A, B, C, D
    qint64 gradeChanges = 0;        // leads whose grade differs from the stored one
    double meanScore = 0;
};

// The grade distribution of every lead under a model not saved yet: what a change of the rules
// would do, before it is made. Reads only; runs on the caller's thread and connection.
class ScorePreview {
public:
    explicit ScorePreview(const Database &db);
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    void setNow(const QDateTime &now) { m_now = now; }

    GradeDistribution run(const ScoringModel &model);

private:
    struct Part;
    // The leads with ids in (afterId, untilId], on the calling thread's connection.
    Part part(const ScoringModel &model, const QDateTime &now, qint64 afterId,
              qint64 untilId) const;

    Database m_db;
    const std::atomic_bool *m_cancel = nullptr;
    QDateTime m_now;
};
