#include "leadimporter.h"

#include "../storage/bulkload.h"
#include "../storage/leadwriter.h"
#include "../storage/transaction.h"
#include "importfile.h"
#include "leadrecordmapper.h"
#include "recordproducer.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

namespace {

// Below this many bytes of input the indexes are kept up to date row by row; above it they
// are set aside and rebuilt once, which is faster from about 50,000 records on.
std::atomic<qint64> bulkBytes = 16 << 20;
// Records read before the mapping is proposed: enough to find a LeadSource column and to
// settle the date order.
constexpr int sampleRecords = 100;
// Bad records looked past while sampling, at most: a file of nothing but bad lines is not read
// whole before its mapping is proposed.
constexpr int maxSkipped = 1000;

bool isBlank(const QStringList &fields) {
    return fields.size() == 1 && fields.first().trimmed().isEmpty();
}

} // namespace

QJsonObject ImportSummary::toJson() const {
    QJsonArray errs;
    for (const ImportError &e : errors) {
        QJsonObject error{{QStringLiteral("line"), e.line}, {QStringLiteral("message"), e.message}};
        if (!e.file.isEmpty())
            error.insert(QStringLiteral("file"), e.file);
        errs.append(error);
    }
    QJsonObject o{{QStringLiteral("read"), read},
                  {QStringLiteral("imported"), imported},
                  {QStringLiteral("merged"), merged},
                  {QStringLiteral("unchanged"), unchanged},
                  {QStringLiteral("skipped"), skipped},
                  {QStringLiteral("rejected"), rejected},
                  {QStringLiteral("warnings"), recordWarnings},
                  {QStringLiteral("errors"), errs}};
    if (dryRun)
        o.insert(QStringLiteral("dry_run"), true);
    if (!fatal.isEmpty())
        o.insert(QStringLiteral("fatal"), fatal);
    if (cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    return o;
}

qint64 LeadImporter::bulkFrom() {
    return bulkBytes.load();
}

void LeadImporter::setBulkFrom(qint64 bytes) {
    bulkBytes.store(bytes);
}

LeadImporter::LeadImporter(const Database &db, const QString &actor)
    : m_db(db)
    , m_actor(actor.isEmpty() ? QStringLiteral("import") : actor) {}

void LeadImporter::setProgressHandler(std::function<void(qint64, qint64)> handler) {
    m_progress = std::move(handler);
}

// One import: its storage, its counts, and the files read into it in turn.
class LeadImporter::Run {
public:
    Run(LeadImporter &importer, ImportSummary &summary, qint64 total)
        : m_importer(importer)
        , s(summary)
        , m_writer(importer.m_db)
        , m_total(total) {
        m_writer.setKeepingBack(true);
    }

    void reportSearchText(SearchIndexBuilder *builder) { m_writer.setSearchIndexBuilder(builder); }
    // Takes in every record of `file`; false when the import must stop (s.fatal, cancel).
    bool read(ImportFile &file, Transaction &tx);

private:
    // `intake` is record.toIntake(), made beforehand on the reading thread.
    bool take(const QStringList &fields, qint64 line, const MappedRecord &record,
              const IntakeRecord &intake, Transaction &tx);
    void reject(qint64 line, const QString &message, const QStringList &fields) {
        ++s.rejected;
        s.errors.append({m_name, line, message, fields});
    }
    bool cancelled() const {
        return m_importer.m_cancel && m_importer.m_cancel->load(std::memory_order_relaxed);
    }

    LeadImporter &m_importer;
    ImportSummary &s;
    LeadWriter m_writer;
    std::optional<LeadRecordMapper> m_mapper;
    QString m_name;
    qint64 m_total = 0;
    qint64 m_doneBefore = 0; // bytes of the files read before this one
    QSet<qint64> m_created;  // the leads this import created, when duplicates are skipped
};

bool LeadImporter::Run::read(ImportFile &file, Transaction &tx) {
    m_name = file.name();
    RecordReader *reader = file.reader();
    auto fatal = [this](const QString &message) {
        s.failure = ImportSummary::Failure::Input;
        s.fatal = QStringLiteral("%1: %2").arg(m_name, message);
        return false;
    };
    if (!file.unreadable().isEmpty())
        return fatal(file.unreadable());
    if (!reader->next())
        return fatal(
            reader->unreadable().isEmpty()
                ? QCoreApplication::translate("LeadImporter", "is empty: there is no header line")
                : reader->unreadable());
    if (!reader->error().isEmpty())
        return fatal(QCoreApplication::translate("LeadImporter", "line %1: the header %2")
                         .arg(reader->line())
                         .arg(reader->error()));
    const QStringList header = reader->fields();
    if (s.header.isEmpty())
        s.header = header;

    // The first records propose the mapping; they are taken in after it.
    struct Pending {
        QStringList fields;
        qint64 line;
        QString error;
    };
    QList<Pending> pending;
    QList<QStringList> samples;
    while (samples.size() < sampleRecords && pending.size() < sampleRecords + maxSkipped &&
           reader->next()) {
        if (isBlank(reader->fields()))
            continue;
        pending.append({reader->fields(), reader->line(), reader->error()});
        if (reader->error().isEmpty() && reader->fields().size() == header.size())
            samples.append(reader->fields());
    }
    const ImportOptions &options = m_importer.m_options;
    ColumnMapping mapping;
    if (options.mapping) {
        mapping = *options.mapping;
    } else if (options.profile) {
        QString error;
        mapping = ColumnMapping::fromProfile(*options.profile, header, &error);
        if (!error.isEmpty())
            return fatal(QCoreApplication::translate("LeadImporter", "line 1: %1").arg(error));
    } else {
        mapping = ColumnMapping::detect(header, samples);
    }
    if (mapping.columns.size() != header.size())
        return fatal(QCoreApplication::translate(
                         "LeadImporter", "line 1: the mapping has %1 columns, the header %2")
                         .arg(mapping.columns.size())
                         .arg(header.size()));
    const QString missing = mapping.missingIdentity();
    if (!missing.isEmpty()) {
        // Only a delimiter given by hand can leave the semicolons of a Dutch Excel file unsplit.
        const bool semicolons = header.size() == 1 && header.first().contains(QLatin1Char(';'));
        return fatal(QCoreApplication::translate("LeadImporter", "line 1: %1%2")
                         .arg(missing, semicolons ? QCoreApplication::translate(
                                                        "LeadImporter",
                                                        "; the file looks separated by semicolons "
                                                        "(--delimiter \";\")")
                                                  : QString()));
    }
    for (qsizetype i = 0; i < mapping.columns.size(); ++i) {
        const ColumnMapping::Column &c = mapping.columns.at(i);
        if (c.target.isEmpty() || c.target == ColumnMapping::extraTarget())
            s.warnings << QCoreApplication::translate("LeadImporter",
                                                      "%1: line 1: column %2 \"%3\" %4")
                              .arg(m_name)
                              .arg(i + 1)
                              .arg(c.header, c.target.isEmpty()
                                                 ? QCoreApplication::translate("LeadImporter",
                                                                               "is ignored: %1")
                                                       .arg(c.note)
                                                 : QCoreApplication::translate(
                                                       "LeadImporter",
                                                       "is not a lead field; it is kept as an "
                                                       "extra field"));
    }
    if (s.mapping.columns.isEmpty())
        s.mapping = mapping;
    m_mapper.emplace(mapping);

    for (const Pending &p : std::as_const(pending)) {
        const QString error = !p.error.isEmpty() || p.fields.size() == header.size()
                                  ? p.error
                                  : QCoreApplication::translate("LeadRecordMapper",
                                                                "has %1 fields, the header has %2")
                                        .arg(p.fields.size())
                                        .arg(header.size());
        if (!error.isEmpty()) {
            ++s.read;
            reject(p.line, error, p.fields);
        } else {
            const MappedRecord mapped = m_mapper->map(p.fields);
            const IntakeRecord intake = mapped.error.isEmpty() ? mapped.toIntake() : IntakeRecord();
            if (!take(p.fields, p.line, mapped, intake, tx))
                return false;
        }
    }
    // The rest is read and mapped on another thread while this one stores.
    RecordProducer producer(reader, *m_mapper, header.size());
    while (true) {
        QList<ReadRecord> batch = producer.take();
        if (batch.isEmpty())
            break;
        for (const ReadRecord &r : std::as_const(batch)) {
            if (!r.error.isEmpty()) {
                ++s.read;
                reject(r.line, r.error, r.fields);
            } else if (!take(r.fields, r.line, r.mapped, r.intake, tx)) {
                return false;
            }
        }
        producer.recycle(std::move(batch));
        if (cancelled()) {
            s.cancelled = true;
            return false;
        }
        if (m_importer.m_progress)
            m_importer.m_progress(m_doneBefore + producer.bytesRead(), m_total);
    }
    if (!producer.unreadable().isEmpty())
        return fatal(producer.unreadable());
    if (!m_writer.writeKeptBack()) {
        s.fatal = QStringLiteral("%1: %2").arg(m_name, m_writer.lastError());
        s.failure = ImportSummary::Failure::Storage;
        return false;
    }
    m_doneBefore += file.size();
    return true;
}

bool LeadImporter::Run::take(const QStringList &fields, qint64 line, const MappedRecord &record,
                             const IntakeRecord &intake, Transaction &tx) {
    ++s.read;
    if (!record.error.isEmpty()) {
        reject(line, record.error, fields);
        return true;
    }
    s.recordWarnings += record.warnings.size();
    for (const QString &warning : record.warnings)
        if (s.recordWarningList.size() < ImportSummary::maxRecordWarnings)
            s.recordWarningList.append({m_name, line, warning, {}});
    const bool skip = m_importer.m_options.onDuplicate == ImportOptions::OnDuplicate::Skip;
    IntakeResult r =
        m_writer.intake(tx, intake, record.event, m_importer.m_actor,
                        skip ? LeadWriter::Duplicates::Skip : LeadWriter::Duplicates::Merge);
    // Skipping leaves alone the leads that were there before; a lead this import created
    // takes the file's later records of the same person (Contact me, then Install).
    if (r.outcome == IntakeResult::Outcome::Skipped && m_created.contains(r.leadId))
        r = m_writer.intake(tx, intake, record.event, m_importer.m_actor,
                            LeadWriter::Duplicates::Merge);
    switch (r.outcome) {
    case IntakeResult::Outcome::Rejected:
        // A storage failure poisons the transaction: nothing of this import lands.
        s.fatal = QCoreApplication::translate("LeadImporter", "%1: line %2: %3")
                      .arg(m_name)
                      .arg(line)
                      .arg(r.error);
        s.failure = r.conflict ? ImportSummary::Failure::Conflict : ImportSummary::Failure::Storage;
        return false;
    case IntakeResult::Outcome::Inserted:
        ++s.imported;
        if (skip)
            m_created.insert(r.leadId);
        break;
    case IntakeResult::Outcome::Merged:
        ++s.merged;
        break;
    case IntakeResult::Outcome::Unchanged:
        ++s.unchanged;
        break;
    case IntakeResult::Outcome::Skipped:
        ++s.skipped;
        break;
    }
    if (r.outcome != IntakeResult::Outcome::Skipped)
        s.leadIds.append(r.leadId);
    return true;
}

ImportSummary LeadImporter::importFiles(const QStringList &paths) {
    ImportSummary s;
    s.dryRun = m_options.dryRun;
    qint64 total = 0;
    for (const QString &path : paths)
        total += path == QLatin1String("-") ? 0 : QFileInfo(path).size();
    // An unreadable first file is reported before the database is touched.
    auto first = std::make_unique<ImportFile>(paths.value(0), m_options);
    if (!first->unreadable().isEmpty()) {
        s.failure = ImportSummary::Failure::Input;
        s.fatal = QStringLiteral("%1: %2").arg(first->name(), first->unreadable());
        return s;
    }
    return run(
        s, total,
        [&](qsizetype i) {
            return i == 0 ? std::move(first) : std::make_unique<ImportFile>(paths.at(i), m_options);
        },
        paths.size());
}

ImportSummary LeadImporter::importDevice(QIODevice *device, const QString &name) {
    ImportSummary s;
    s.dryRun = m_options.dryRun;
    return run(
        s, device->isSequential() ? 0 : device->size(),
        [&](qsizetype) { return std::make_unique<ImportFile>(device, name, m_options); }, 1);
}

ImportSummary LeadImporter::run(ImportSummary &s, qint64 total,
                                const std::function<std::unique_ptr<ImportFile>(qsizetype)> &open,
                                qsizetype files) {
    auto failed = [&s](ImportSummary::Failure failure, const QString &message) {
        s.failure = failure;
        s.fatal = message;
        s.imported = s.merged = s.unchanged = s.skipped = 0;
        s.leadIds.clear();
        return s;
    };
    QString error;
    if (!m_db.open(&error))
        return failed(ImportSummary::Failure::Storage, error);
    const bool bulk = !m_options.dryRun && total >= bulkBytes.load() &&
                      m_db.backend() == Database::Backend::Sqlite;
    BulkLoad bulkLoad(m_db);
    // What a record is looked up by while the load runs: people by name, a lead's events (a
    // record already stored is recognised among them).
    bulkLoad.keepIndex(QStringLiteral("leads_name_hash"));
    bulkLoad.keepIndex(QStringLiteral("lead_events_lead"));
    if (bulk) {
        bulkLoad.useRollbackJournal();
        bulkLoad.buildSearchIndexAside();
    }
    // Before the transaction: its statements are gone when the transaction ends, so that a
    // rollback never meets one still prepared.
    Run run(*this, s, total);
    Transaction tx(m_db);
    if (!tx.isActive())
        return failed(ImportSummary::Failure::Storage,
                      QCoreApplication::translate("LeadImporter", "cannot start a transaction: %1")
                          .arg(tx.error()));
    if (bulk && !bulkLoad.begin(&error))
        return failed(
            ImportSummary::Failure::Storage,
            QCoreApplication::translate("LeadImporter", "cannot prepare the bulk load: %1")
                .arg(error));
    run.reportSearchText(bulkLoad.searchIndexBuilder());
    if (m_progress)
        m_progress(0, total);
    for (qsizetype i = 0; i < files; ++i) {
        const std::unique_ptr<ImportFile> file = open(i);
        if (!run.read(*file, tx)) {
            if (s.cancelled) {
                s.imported = s.merged = s.unchanged = s.skipped = 0; // the transaction rolls back
                s.leadIds.clear();
                return s;
            }
            return failed(s.failure, s.fatal);
        }
    }
    auto cancelled = [&] {
        if (!m_cancel || !m_cancel->load())
            return false;
        s.cancelled = true;
        s.imported = s.merged = s.unchanged = s.skipped = 0;
        s.leadIds.clear();
        return true;
    };
    if (m_options.dryRun || cancelled())
        return s; // counted, or cancelled: the transaction rolls back
    if (bulk && !bulkLoad.finish(&error))
        return failed(ImportSummary::Failure::Storage,
                      QCoreApplication::translate("LeadImporter", "cannot rebuild the indexes: %1")
                          .arg(error));
    if (cancelled())
        return s;
    if (!tx.commit())
        return failed(ImportSummary::Failure::Storage,
                      QCoreApplication::translate("LeadImporter", "cannot commit the import: %1")
                          .arg(tx.error()));
    if (m_progress)
        m_progress(total, total);
    return s;
}
