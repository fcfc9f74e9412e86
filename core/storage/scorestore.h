#pragma once

#include "../domain/lead.h"
#include "database.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class SqlStatement;

// Reads what scoring needs of every lead and writes scores back, fast: statements prepared once,
// only rows whose score changed written. A score is no one's edit: the lead's version stays, so
// an edit open elsewhere never conflicts over it, and only a changed grade leaves a line in the
// timeline (a `changed` activity by "system"). Runs inside the caller's transaction.
class ScoreStore {
public:
    explicit ScoreStore(const Database &db);
    ~ScoreStore();
    ScoreStore(const ScoreStore &) = delete;
    ScoreStore &operator=(const ScoreStore &) = delete;

    QString lastError() const { return m_error; }
    // The indexes that hold a score or a grade: a rewrite of most scores sets them aside
    // (BulkLoad).
    static QStringList scoreIndexes();
    // A lead's model version as read. A rescoring run with model version V that goes through
    // every lead scored by an older version writes only the scores that change, and records V
    // (confirm()): a stored version from 1 to V - 1 reads as V, the run having found that
    // score unchanged. So a new model version that moves few scores writes few rows.
    static QString modelVersionSql();
    // The version the last complete run recorded (0 for none), -1 on error.
    int confirmedVersion();
    // Records that model version `version` has scored every lead a model scored before it.
    bool confirm(int version);

    // How many leads read() goes through: all (staleFor 0), or those not scored by model
    // version `staleFor` whose score no person set; -1 on error.
    qint64 count(int staleFor);
    // The highest lead id, 0 for none, -1 on error: the end of the range visit() goes through.
    qint64 maxId();
    // A lead's score as stored; the text is valid only during a visit.
    struct Stored {
        int score = 0;
        QByteArrayView grade;
        int modelVersion = 0;
        QByteArrayView explanation; // UTF-8
        double winProbability = 0.0;
        QByteArrayView winDrivers; // UTF-8 JSON, "" when there is none
    };
    // A lead's win probability and its drivers as compact UTF-8 JSON.
    struct WinValues {
        double probability = 0.0;
        QByteArray drivers;
    };
    // Calls `visit` with each of the next at most `limit` leads after id `afterId`, in id order:
    // the columns scoring and the win model read (id, storefront, action, offer_id, offer_title,
    // email, phone, country, company, title, last_event_at, events, stage, do_not_contact,
    // is_test; the others empty) and the stored score and win values.
    // Returns the last id visited, 0 for none, -1 on error. Nothing may be written meanwhile.
    qint64 visit(qint64 afterId, int limit, int staleFor,
                 const std::function<void(const Lead &, const Stored &)> &visit);
    // The same for the leads ids[from] to ids[from + count - 1] that exist, each read by id.
    qint64 visitIds(const std::vector<qint64> &ids, std::size_t from, std::size_t count,
                    const std::function<void(const Lead &, const Stored &)> &visit);
    // SQLite's count of the commits other connections made to the file, as this connection
    // sees it; -1 on PostgreSQL or on error. Unchanged between two readings: nobody wrote.
    qint64 dataVersion();
    // Stores lead `id`'s score, grade, explanation (UTF-8) and model version, leaving its
    // version alone; a grade that differs from `oldGrade` writes its activity. Unless
    // `rankChanged` (the score or grade differ from the stored ones), only the explanation and
    // version are written, which leaves every index as it is.
    // With `win`, its probability and drivers are stored in the same statement.
    bool write(qint64 id, int score, const QString &grade, const QByteArray &explanation,
               int modelVersion, const QString &oldGrade, bool rankChanged,
               const WinValues *win = nullptr);
    // Stores lead `id`'s win probability and drivers only, leaving its version alone and the
    // timeline quiet: a probability moves with every retraining and is nobody's edit.
    bool writeWin(qint64 id, const WinValues &win);

private:
    bool prepare();
    qint64 readRows(SqlStatement &q,
                    const std::function<void(const Lead &, const Stored &)> &visit);

    Database m_db;
    QString m_error;
    std::unique_ptr<SqlStatement> m_readAll, m_readStale, m_readOne, m_update, m_updateWithWin,
        m_updateWin, m_activity, m_explain, m_explainWithWin;
    QString m_now; // the time of the grade activities, once per store
    Lead m_lead;   // the lead a read refills row by row
    // Offers and stages repeat across leads: their last texts, converted once while they do.
    QByteArray m_offerUtf8, m_offerTitleUtf8, m_stageUtf8;
};
