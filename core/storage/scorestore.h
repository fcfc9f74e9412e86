#pragma once

#include "../domain/lead.h"
#include "database.h"

#include <QList>
#include <QString>

#include <memory>

class SqlStatement;
struct ScoreResult;

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

    // How many leads read() goes through: all (staleFor 0), or those not scored by model
    // version `staleFor` whose score no person set; -1 on error.
    qint64 count(int staleFor);
    // The next at most `limit` leads after id `afterId`, in id order, with the columns scoring
    // reads (id, storefront, action, email, phone, country, company, title, last_event_at,
    // events, do_not_contact, is_test) and their stored score, grade, explanation and model
    // version; the other fields are left empty. False on error.
    bool read(qint64 afterId, int limit, int staleFor, QList<Lead> *leads);
    // Stores `scored`'s score, grade, explanation and model version over `stored`'s if any of
    // them differ (`*written` says whether it did); a changed grade writes its activity.
    bool write(const Lead &stored, const Lead &scored, bool *written);

private:
    bool prepare();

    Database m_db;
    QString m_error;
    std::unique_ptr<SqlStatement> m_readAll, m_readStale, m_update, m_activity;
    QString m_now; // the time of the grade activities, once per store
};
