#include "leadimporter.h"

#include "../domain/dedupkey.h"
#include "../domain/leadclassifier.h"
#include "../domain/leadcolumns.h"
#include "../domain/leadevent.h"
#include "../domain/leadsource.h"
#include "../storage/leadwriter.h"
#include "../storage/transaction.h"
#include "csvreader.h"
#include "leadcolumnparser.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>

namespace {

// The raw marketplace LeadSource ("AppSource-PLT|publisher.offer"): not a lead column, it gives
// the storefront, action and offer and is kept verbatim on the event.
const QString leadSourceField = QStringLiteral("lead_source");

QString headerKey(const QString &header) {
    QString key;
    for (const QChar c : header)
        if (c.isLetterOrNumber())
            key += c.toLower();
    return key;
}

// Header names, lower-cased without separators so that "FirstName" and "first_name" agree, to
// the canonical column (or lead_source) they fill: every canonical column Leadbench exports, and
// Microsoft's names for the same fields.
const QHash<QString, QString> &headerFields() {
    static const QHash<QString, QString> fields = [] {
        QHash<QString, QString> map;
        for (const QString &column : LeadColumns::all())
            if (LeadColumnParser::isSettable(column))
                map.insert(headerKey(column), column);
        map.insert(QStringLiteral("leadsource"), leadSourceField);
        map.insert(QStringLiteral("actioncode"), QStringLiteral("action"));
        for (const char *alias : {"createdtime", "created", "timestamp", "datetime"})
            map.insert(QLatin1String(alias), QStringLiteral("created_at"));
        return map;
    }();
    return fields;
}

// Columns Leadbench knows but does not take from a file, with the reason the warning gives.
const QHash<QString, QString> &ignoredColumns() {
    static const QHash<QString, QString> columns = {
        {QStringLiteral("id"), QStringLiteral("the database numbers its leads itself")},
        {QStringLiteral("privacyrestricted"),
         QStringLiteral("Leadbench works it out from the email")},
        {QStringLiteral("dedupkey"), QStringLiteral("Leadbench works it out from the lead")},
        {QStringLiteral("namehash"), QStringLiteral("Leadbench works it out from the lead")},
        {QStringLiteral("version"),
         QStringLiteral("it counts changes in the database the file came from")},
    };
    return columns;
}

} // namespace

QJsonObject ImportSummary::toJson() const {
    QJsonArray errs;
    for (const ImportError &e : errors)
        errs.append(
            QJsonObject{{QStringLiteral("line"), e.line}, {QStringLiteral("message"), e.message}});
    QJsonObject o{{QStringLiteral("read"), read},         {QStringLiteral("imported"), imported},
                  {QStringLiteral("merged"), merged},     {QStringLiteral("unchanged"), unchanged},
                  {QStringLiteral("rejected"), rejected}, {QStringLiteral("errors"), errs}};
    if (!fatal.isEmpty())
        o.insert(QStringLiteral("fatal"), fatal);
    if (cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    return o;
}

LeadImporter::LeadImporter(const Database &db, const QString &actor)
    : m_db(db)
    , m_actor(actor.isEmpty() ? QStringLiteral("import") : actor) {}

void LeadImporter::setProgressHandler(std::function<void(qint64, qint64)> handler) {
    m_progress = std::move(handler);
}

ImportSummary LeadImporter::importCsvFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ImportSummary s;
        s.fatal = QStringLiteral("%1: cannot open: %2").arg(path, file.errorString());
        s.failure = ImportSummary::Failure::Storage;
        return s;
    }
    return importCsv(&file, QFileInfo(path).fileName());
}

ImportSummary LeadImporter::importCsv(QIODevice *device, const QString &name) {
    ImportSummary s;
    CsvReader reader(device);
    reader.setEncoding(m_encoding);
    reader.setDelimiter(m_delimiter);
    // A pipe has no size: progress then tells how far it got, against a total of 0.
    const qint64 total = device->isSequential() ? 0 : device->size();
    if (!reader.next()) {
        s.failure = ImportSummary::Failure::Input;
        s.fatal = reader.unreadable().isEmpty()
                      ? QStringLiteral("%1: no header line: the input is empty").arg(name)
                      : QStringLiteral("%1: %2").arg(name, reader.unreadable());
        return s;
    }
    if (!reader.error().isEmpty()) {
        s.failure = ImportSummary::Failure::Input;
        s.fatal = QStringLiteral("%1: line %2: the header %3")
                      .arg(name)
                      .arg(reader.line())
                      .arg(reader.error());
        return s;
    }
    const QStringList header = reader.fields();
    // Which row field fills which column, in header order; LeadSource apart.
    QList<std::pair<int, QString>> mapped;
    QHash<QString, int> columnOf;
    int leadSourceAt = -1;
    for (int i = 0; i < header.size(); ++i) {
        const QString key = headerKey(header.at(i));
        const auto it = headerFields().constFind(key);
        const auto ignored = ignoredColumns().constFind(key);
        auto warn = [&](const QString &why) {
            s.warnings << QStringLiteral("%1: line 1: column %2 \"%3\" %4")
                              .arg(name)
                              .arg(i + 1)
                              .arg(header.at(i), why);
        };
        if (it == headerFields().constEnd()) {
            warn(ignored == ignoredColumns().constEnd()
                     ? QStringLiteral("is not a lead field; it is ignored")
                     : QStringLiteral("is ignored: %1").arg(*ignored));
        } else if (columnOf.contains(*it)) {
            warn(QStringLiteral("names the same field as column %1; it is ignored")
                     .arg(columnOf.value(*it) + 1));
        } else {
            columnOf.insert(*it, i);
            if (*it == leadSourceField)
                leadSourceAt = i;
            else
                mapped.append({i, *it});
        }
    }
    if (!columnOf.contains(QStringLiteral("email")) &&
        !columnOf.contains(QStringLiteral("first_name")) &&
        !columnOf.contains(QStringLiteral("last_name")) &&
        !columnOf.contains(QStringLiteral("company"))) {
        s.failure = ImportSummary::Failure::Input;
        // Only a delimiter given by hand can leave the semicolons of a Dutch Excel file unsplit.
        const bool semicolons = header.size() == 1 && header.first().contains(QLatin1Char(';'));
        s.fatal =
            QStringLiteral("%1: line 1: the header names none of Email, FirstName, "
                           "LastName, Company (or email, first_name, last_name, company)%2")
                .arg(name, semicolons ? QStringLiteral("; the file looks separated by semicolons "
                                                       "(--delimiter \";\")")
                                      : QString());
        return s;
    }
    const int testAt = columnOf.value(QStringLiteral("is_test"), -1);
    const int doNotContactAt = columnOf.value(QStringLiteral("do_not_contact"), -1);

    QString openError;
    if (!m_db.open(&openError)) {
        s.fatal = openError;
        s.failure = ImportSummary::Failure::Storage;
        return s;
    }
    LeadWriter writer(m_db);
    Transaction tx(m_db);
    if (!tx.isActive()) {
        s.fatal = QStringLiteral("cannot start a transaction: %1").arg(tx.error());
        s.failure = ImportSummary::Failure::Storage;
        return s;
    }
    auto reject = [&s](qint64 line, const QString &message) {
        ++s.rejected;
        s.errors.append({line, message});
    };

    while (reader.next()) {
        if (m_cancel && m_cancel->load()) {
            s.cancelled = true;
            s.imported = s.merged = s.unchanged = 0; // the transaction rolls back
            return s;
        }
        const QStringList &row = reader.fields();
        if (row.size() == 1 && row.first().trimmed().isEmpty())
            continue; // blank line
        ++s.read;
        const qint64 line = reader.line();
        if (!reader.error().isEmpty()) {
            reject(line, reader.error());
            continue;
        }
        if (row.size() != header.size()) {
            reject(line, QStringLiteral("has %1 fields, the header has %2")
                             .arg(row.size())
                             .arg(header.size()));
            continue;
        }

        Lead lead;
        LeadEvent event;
        event.channel = QStringLiteral("import");
        const QString rawSource = leadSourceAt < 0 ? QString() : row.at(leadSourceAt).trimmed();
        const LeadSource source = LeadSource::parse(rawSource);
        event.leadSource = rawSource;
        lead.storefront = source.storefront;
        lead.action = source.action;
        lead.offerId = source.offerId;
        QString problem;
        for (const auto &[at, column] : std::as_const(mapped)) {
            // The LeadSource names the action and offer; their own columns fill in only what
            // it leaves out. A storefront column says more than the LeadSource's prefix.
            if ((column == QLatin1String("action") && !source.action.isEmpty()) ||
                (column == QLatin1String("offer_id") && !source.offerId.isEmpty()))
                continue;
            if (!LeadColumnParser::set(lead, column, row.at(at).trimmed(), &problem))
                break;
        }
        if (!problem.isEmpty()) {
            reject(line, problem);
            continue;
        }
        if (lead.country.size() == 2)
            lead.country = lead.country.toUpper();
        if (DedupKey::of(lead).isEmpty()) { // punctuation alone identifies nobody either
            reject(line, QStringLiteral("no email, no name and no company: nothing identifies "
                                        "the customer"));
            continue;
        }
        event.occurredAt = lead.createdAt;
        event.storefront = lead.storefront;
        event.action = lead.action;
        event.offerTitle = lead.offerTitle;
        event.description = lead.description;
        const Lead asWritten = lead;
        LeadClassifier::classify(lead);
        // Flags a file states (Leadbench's own export) win over what the fields suggest: a
        // person may have cleared do_not_contact, or marked a lead as a test by hand.
        auto stated = [&row](int at) { return at >= 0 && !row.at(at).trimmed().isEmpty(); };
        if (stated(testAt))
            lead.isTest = asWritten.isTest;
        if (stated(doNotContactAt))
            lead.doNotContact = asWritten.doNotContact;

        const IntakeResult r = writer.intake(tx, lead, event, m_actor);
        if (r.outcome == IntakeResult::Outcome::Rejected) {
            // A storage failure poisons the transaction: nothing of this import lands.
            s.fatal = QStringLiteral("%1: line %2: %3").arg(name).arg(line).arg(r.error);
            s.failure =
                r.conflict ? ImportSummary::Failure::Conflict : ImportSummary::Failure::Storage;
            s.imported = s.merged = s.unchanged = 0;
            return s;
        }
        if (r.outcome == IntakeResult::Outcome::Inserted)
            ++s.imported;
        else if (r.outcome == IntakeResult::Outcome::Merged)
            ++s.merged;
        else
            ++s.unchanged;
        if (m_progress && s.read % 500 == 0)
            m_progress(reader.bytesRead(), total);
    }
    if (!tx.commit()) {
        s.fatal = QStringLiteral("cannot commit the import: %1").arg(tx.error());
        s.failure = ImportSummary::Failure::Storage;
        s.imported = s.merged = s.unchanged = 0;
        return s;
    }
    if (m_progress)
        m_progress(total, total);
    return s;
}
