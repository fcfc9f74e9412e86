#include "leadrow.h"

#include "../domain/dedupkey.h"
#include "../domain/funnelstep.h"
#include "../domain/lead.h"
#include "../domain/leadcolumns.h"
#include "scorestore.h"
#include "sqlstatement.h"

#include <QJsonDocument>
#include <QSqlQuery>

using LeadColumns::isoUtc;
using LeadColumns::parseIsoUtc;

namespace LeadRow {

const QString &selectColumns() {
    static const QString columns =
        LeadColumns::all().join(QStringLiteral(", ")) +
        QStringLiteral(", privacy_restricted, version, extra_fields, %1, score_explanation, "
                       "win_drivers")
            .arg(ScoreStore::modelVersionSql());
    return columns;
}

const QStringList &writeColumns() {
    static const QStringList columns =
        LeadColumns::all().mid(1) +
        QStringList{QStringLiteral("privacy_restricted"),  QStringLiteral("dedup_key"),
                    QStringLiteral("name_hash"),           QStringLiteral("extra_fields"),
                    QStringLiteral("score_model_version"), QStringLiteral("score_explanation"),
                    QStringLiteral("win_drivers"),         QStringLiteral("reached_step")};
    return columns;
}

QString extraText(const QJsonObject &fields) {
    return fields.isEmpty()
               ? QString(QLatin1String(""))
               : QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact));
}

QVariant text(const QString &value) {
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

QVariant storedValue(const Lead &lead, const QString &column) {
    if (column == QLatin1String("dedup_key"))
        return DedupKey::of(lead);
    if (column == QLatin1String("name_hash"))
        return DedupKey::nameHash(lead);
    if (column == QLatin1String("extra_fields"))
        return extraText(lead.extraFields);
    if (column == QLatin1String("score_model_version"))
        return lead.scoreModelVersion;
    if (column == QLatin1String("score_explanation"))
        return text(lead.scoreExplanation);
    if (column == QLatin1String("win_drivers"))
        return text(lead.winDrivers);
    if (column == QLatin1String("reached_step")) // a new lead's; the history moves it on
        return int(FunnelSteps::of(lead.stage));
    if (column == QLatin1String("origin"))
        return lead.origin.isEmpty() ? QStringLiteral("marketplace") : lead.origin;
    const QVariant v = LeadColumns::value(lead, column);
    if (v.typeId() == QMetaType::Bool)
        return v.toBool() ? 1 : 0; // flags are stored as integers
    if (v.typeId() == QMetaType::QString)
        return text(v.toString());
    return v;
}

void bind(SqlStatement &q, const Lead &l, int i) {
    bind(q, l, DedupKey::identity(l), i);
}

void bind(SqlStatement &q, const Lead &l, const DedupKey::Identity &identity, int i) {
    q.bind(i++, Storefronts::canonicalName(l.storefront));
    for (const QString *value :
         {&l.action, &l.offerId, &l.offerTitle, &l.firstName, &l.lastName, &l.email, &l.phone,
          &l.country, &l.company, &l.title, &l.description})
        q.bind(i++, *value);
    q.bind(i++, isoUtc(l.createdAt));
    q.bind(i++, isoUtc(l.lastEventAt));
    q.bind(i++, l.events);
    q.bind(i++, Stages::canonicalName(l.stage));
    q.bind(i++, l.owner);
    q.bind(i++, l.score);
    q.bind(i++, l.grade);
    q.bind(i++, l.winProbability);
    q.bind(i++, isoUtc(l.nextFollowUpAt));
    q.bind(i++, l.followUps);
    q.bind(i++, l.doNotContact ? 1 : 0);
    q.bind(i++, l.isTest ? 1 : 0);
    q.bind(i++, l.campaign);
    q.bind(i++, l.origin.isEmpty() ? QStringLiteral("marketplace") : l.origin);
    q.bind(i++, l.qualification.toText());
    q.bind(i++, l.opportunityValue);
    q.bind(i++, l.opportunityCurrency);
    q.bind(i++, isoUtc(l.expectedCloseAt));
    for (const QString *value : {&l.destination, &l.disqualifyReason, &l.disqualifyNote})
        q.bind(i++, *value);
    q.bind(i++, l.privacyRestricted ? 1 : 0);
    q.bind(i++, identity.key);
    q.bind(i++, identity.nameHash);
    q.bind(i++, extraText(l.extraFields));
    q.bind(i++, l.scoreModelVersion);
    q.bind(i++, l.scoreExplanation);
    q.bind(i++, l.winDrivers);
    q.bind(i++, int(FunnelSteps::of(l.stage)));
}

namespace {

// A row of QSqlQuery's, read as leadOf() reads one.
struct QueryRow {
    const QSqlQuery &q;
    QString text(int i) const { return q.value(i).toString(); }
    qint64 integer(int i) const { return q.value(i).toLongLong(); }
    double real(int i) const { return q.value(i).toDouble(); }
};

// A row of SqlStatement's: on SQLite the stored UTF-8 and numbers, without a QVariant each.
struct StatementRow {
    const SqlStatement &q;
    QString text(int i) const { return q.textValue(i); }
    qint64 integer(int i) const { return q.intValue(i); }
    double real(int i) const { return q.realValue(i); }
};

template <class Row> Lead leadOf(const Row &q, int i) {
    Lead l;
    l.id = q.integer(i++);
    Storefronts::fromCanonicalName(q.text(i++), &l.storefront);
    l.action = q.text(i++);
    l.offerId = q.text(i++);
    l.offerTitle = q.text(i++);
    l.firstName = q.text(i++);
    l.lastName = q.text(i++);
    l.email = q.text(i++);
    l.phone = q.text(i++);
    l.country = q.text(i++);
    l.company = q.text(i++);
    l.title = q.text(i++);
    l.description = q.text(i++);
    l.createdAt = parseIsoUtc(q.text(i++));
    l.lastEventAt = parseIsoUtc(q.text(i++));
    l.events = int(q.integer(i++));
    Stages::fromCanonicalName(q.text(i++), &l.stage);
    l.owner = q.text(i++);
    l.score = int(q.integer(i++));
    l.grade = q.text(i++);
    l.winProbability = q.real(i++);
    l.nextFollowUpAt = parseIsoUtc(q.text(i++));
    l.followUps = int(q.integer(i++));
    l.doNotContact = q.integer(i++) != 0;
    l.isTest = q.integer(i++) != 0;
    l.campaign = q.text(i++);
    l.origin = q.text(i++);
    if (const QString checklist = q.text(i++); !checklist.isEmpty()) {
        QString problem; // a checklist the columns' rules refused is never stored
        Qualification::fromText(checklist, &l.qualification, &problem);
    }
    l.opportunityValue = q.real(i++);
    l.opportunityCurrency = q.text(i++);
    l.expectedCloseAt = parseIsoUtc(q.text(i++));
    l.destination = q.text(i++);
    l.disqualifyReason = q.text(i++);
    l.disqualifyNote = q.text(i++);
    l.privacyRestricted = q.integer(i++) != 0;
    l.version = q.integer(i++);
    const QString extra = q.text(i++);
    if (!extra.isEmpty())
        l.extraFields = QJsonDocument::fromJson(extra.toUtf8()).object();
    l.scoreModelVersion = int(q.integer(i++));
    l.scoreExplanation = q.text(i++);
    l.winDrivers = q.text(i++);
    return l;
}

} // namespace

Lead fromRow(const QSqlQuery &query, int first) {
    return leadOf(QueryRow{query}, first);
}

Lead fromStatement(const SqlStatement &statement, int first) {
    return leadOf(StatementRow{statement}, first);
}

} // namespace LeadRow
