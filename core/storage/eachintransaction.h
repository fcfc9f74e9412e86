#pragma once

#include "transaction.h"
#include "writeresults.h"

#include <QCoreApplication>
#include <QList>

// Runs one change per lead in a single transaction: each lead gets its own result (updated,
// conflict, not found, invalid) while the others go ahead, but a database failure stores
// nothing and reports every lead as failed. `one(tx, index)` changes the lead at `ids[index]`.
template <typename One>
QList<UpdateResult> eachInTransaction(const Database &db, const QList<qint64> &ids, One one) {
    QList<UpdateResult> results;
    auto failAll = [&](const QString &error) {
        results.clear();
        for (qint64 id : ids) {
            UpdateResult r;
            r.id = id;
            r.error = error;
            results << r;
        }
        return results;
    };
    Transaction tx(db);
    if (!tx.isActive())
        return failAll(
            QCoreApplication::translate("EachInTransaction", "cannot start a transaction: %1")
                .arg(tx.error()));
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const UpdateResult r = one(tx, i);
        if (r.status == UpdateResult::Status::Failed)
            return failAll(r.error);
        results << r;
    }
    if (!tx.commit())
        return failAll(
            QCoreApplication::translate("EachInTransaction", "cannot commit: %1").arg(tx.error()));
    return results;
}
