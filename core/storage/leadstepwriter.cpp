#include "leadstepwriter.h"

#include "leadrepository.h"
#include "leadwriter.h"

#include <QCoreApplication>

LeadStepWriter::LeadStepWriter(const Database &db)
    : m_db(db) {}

UpdateResult LeadStepWriter::apply(qint64 id, qint64 expectedVersion,
                                   const std::function<LeadStep(const Lead &)> &step,
                                   const QString &actor) {
    constexpr int attempts = 5;
    UpdateResult r;
    r.id = id;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        const LeadRepository reader(m_db);
        const std::optional<Lead> lead = reader.lead(id);
        if (!lead) {
            r.status = reader.lastError().isEmpty() ? UpdateResult::Status::NotFound
                                                    : UpdateResult::Status::Failed;
            r.error =
                reader.lastError().isEmpty()
                    ? QCoreApplication::translate("LeadStepWriter", "no lead with id %1").arg(id)
                    : reader.lastError();
            return r;
        }
        if (expectedVersion != 0 && lead->version != expectedVersion) {
            r.status = UpdateResult::Status::Conflict;
            r.lead = lead;
            r.error =
                QCoreApplication::translate(
                    "LeadStepWriter", "lead %1 was changed by someone else (version %2, not %3)")
                    .arg(id)
                    .arg(lead->version)
                    .arg(expectedVersion);
            return r;
        }
        const LeadStep taken = step(*lead);
        if (!taken.failure.isEmpty() || !taken.refusal.isEmpty()) {
            r.status = taken.failure.isEmpty() ? UpdateResult::Status::Invalid
                                               : UpdateResult::Status::Failed;
            r.error = taken.failure.isEmpty() ? taken.refusal : taken.failure;
            return r;
        }
        r = LeadWriter(m_db).update(id, lead->version, taken.changes, actor);
        if (r.status != UpdateResult::Status::Conflict || expectedVersion != 0)
            return r;
    }
    return r;
}
