#include "leadimporter.h"

#include "../domain/leadclassifier.h"
#include "../domain/leadcolumns.h"
#include "../domain/leadevent.h"
#include "../domain/leadsource.h"
#include "../storage/leadwriter.h"
#include "../storage/transaction.h"
#include "csvreader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>

namespace {

enum class Field {
    LeadSource,
    Action,
    OfferId,
    OfferTitle,
    Storefront,
    FirstName,
    LastName,
    Email,
    Phone,
    Country,
    Company,
    Title,
    Description,
    CreatedAt,
    Stage,
    Owner,
    Campaign,
    Origin
};

// Header names, lower-cased without separators, so "FirstName" and "first_name" agree.
const QHash<QString, Field> &headerNames() {
    static const QHash<QString, Field> names = {
        {QStringLiteral("leadsource"), Field::LeadSource},
        {QStringLiteral("actioncode"), Field::Action},
        {QStringLiteral("action"), Field::Action},
        {QStringLiteral("offerid"), Field::OfferId},
        {QStringLiteral("offertitle"), Field::OfferTitle},
        {QStringLiteral("storefront"), Field::Storefront},
        {QStringLiteral("firstname"), Field::FirstName},
        {QStringLiteral("lastname"), Field::LastName},
        {QStringLiteral("email"), Field::Email},
        {QStringLiteral("phone"), Field::Phone},
        {QStringLiteral("country"), Field::Country},
        {QStringLiteral("company"), Field::Company},
        {QStringLiteral("title"), Field::Title},
        {QStringLiteral("description"), Field::Description},
        {QStringLiteral("createdat"), Field::CreatedAt},
        {QStringLiteral("createdtime"), Field::CreatedAt},
        {QStringLiteral("created"), Field::CreatedAt},
        {QStringLiteral("timestamp"), Field::CreatedAt},
        {QStringLiteral("datetime"), Field::CreatedAt},
        {QStringLiteral("stage"), Field::Stage},
        {QStringLiteral("owner"), Field::Owner},
        {QStringLiteral("campaign"), Field::Campaign},
        {QStringLiteral("origin"), Field::Origin},
    };
    return names;
}

// Columns of Leadbench's own export that are derived on import rather than read.
const QStringList &derivedColumns() {
    static const QStringList columns = {QStringLiteral("id"),
                                        QStringLiteral("lasteventat"),
                                        QStringLiteral("events"),
                                        QStringLiteral("score"),
                                        QStringLiteral("grade"),
                                        QStringLiteral("winprobability"),
                                        QStringLiteral("nextfollowupat"),
                                        QStringLiteral("followups"),
                                        QStringLiteral("donotcontact"),
                                        QStringLiteral("istest")};
    return columns;
}

QString headerKey(const QString &header) {
    QString key;
    for (const QChar c : header)
        if (c.isLetterOrNumber())
            key += c.toLower();
    return key;
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
    const qint64 total = device->size();
    if (!reader.next() || !reader.error().isEmpty()) {
        s.failure = ImportSummary::Failure::Input;
        s.fatal = QStringLiteral("%1: no header line%2")
                      .arg(name, reader.error().isEmpty() ? QString()
                                                          : QStringLiteral(": ") + reader.error());
        return s;
    }
    const QStringList header = reader.fields();
    QHash<Field, int> columnOf;
    for (int i = 0; i < header.size(); ++i) {
        const QString key = headerKey(header.at(i));
        const auto it = headerNames().constFind(key);
        if (it != headerNames().constEnd() && !columnOf.contains(*it))
            columnOf.insert(*it, i);
        else if (it == headerNames().constEnd() && !derivedColumns().contains(key))
            s.warnings << QStringLiteral("%1: line 1: column %2 \"%3\" is not a lead field; "
                                         "it is ignored")
                              .arg(name)
                              .arg(i + 1)
                              .arg(header.at(i));
    }
    if (!columnOf.contains(Field::Email) && !columnOf.contains(Field::FirstName) &&
        !columnOf.contains(Field::LastName) && !columnOf.contains(Field::Company)) {
        s.failure = ImportSummary::Failure::Input;
        const bool semicolons = header.size() == 1 && header.first().contains(QLatin1Char(';'));
        s.fatal =
            QStringLiteral("%1: line 1: the header names none of Email, FirstName, "
                           "LastName, Company (or email, first_name, last_name, company)%2")
                .arg(name, semicolons ? QStringLiteral("; the file looks separated by semicolons, "
                                                       "and Leadbench reads comma-separated CSV")
                                      : QString());
        return s;
    }

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
            reject(line, QStringLiteral("%1 fields where the header has %2")
                             .arg(row.size())
                             .arg(header.size()));
            continue;
        }
        auto get = [&](Field f) {
            const int c = columnOf.value(f, -1);
            return c < 0 ? QString() : row.at(c).trimmed();
        };

        Lead lead;
        LeadEvent event;
        event.channel = QStringLiteral("import");
        const QString rawSource = get(Field::LeadSource);
        const LeadSource source = LeadSource::parse(rawSource);
        event.leadSource = rawSource;
        lead.storefront = source.storefront;
        lead.action = source.action.isEmpty() ? get(Field::Action) : source.action;
        lead.offerId = source.offerId.isEmpty() ? get(Field::OfferId) : source.offerId;
        const QString storefront = get(Field::Storefront);
        if (!storefront.isEmpty() &&
            !Storefronts::fromCanonicalName(storefront, &lead.storefront)) {
            reject(line,
                   QStringLiteral("field storefront: unknown storefront \"%1\"").arg(storefront));
            continue;
        }
        lead.offerTitle = get(Field::OfferTitle);
        lead.firstName = get(Field::FirstName);
        lead.lastName = get(Field::LastName);
        lead.email = get(Field::Email);
        lead.phone = get(Field::Phone);
        lead.country = get(Field::Country);
        if (lead.country.size() == 2)
            lead.country = lead.country.toUpper();
        lead.company = get(Field::Company);
        lead.title = get(Field::Title);
        lead.description = get(Field::Description);
        lead.owner = get(Field::Owner);
        lead.campaign = get(Field::Campaign);
        lead.origin = get(Field::Origin);
        const QString stage = get(Field::Stage);
        if (!stage.isEmpty() && !Stages::fromCanonicalName(stage, &lead.stage)) {
            reject(line, QStringLiteral("field stage: unknown stage \"%1\"").arg(stage));
            continue;
        }
        const QString created = get(Field::CreatedAt);
        if (!created.isEmpty()) {
            lead.createdAt = LeadColumns::parseIsoUtc(created);
            if (!lead.createdAt.isValid()) {
                reject(line, QStringLiteral("field created_at: \"%1\" is not an ISO 8601 "
                                            "timestamp")
                                 .arg(created));
                continue;
            }
        }
        if (!lead.email.isEmpty() && !lead.email.contains(QLatin1Char('@'))) {
            reject(line,
                   QStringLiteral("field email: \"%1\" is not an email address").arg(lead.email));
            continue;
        }
        if (lead.email.isEmpty() && lead.firstName.isEmpty() && lead.lastName.isEmpty() &&
            lead.company.isEmpty()) {
            reject(line, QStringLiteral("no email, no name and no company: nothing identifies "
                                        "the customer"));
            continue;
        }
        event.occurredAt = lead.createdAt;
        event.storefront = lead.storefront;
        event.action = lead.action;
        event.offerTitle = lead.offerTitle;
        event.description = lead.description;
        LeadClassifier::classify(lead);

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
