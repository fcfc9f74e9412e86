#include "leadrow.h"

#include "../domain/dedupkey.h"
#include "../domain/funnelstep.h"
#include "../domain/lead.h"
#include "../domain/leadcolumns.h"
#include "sqlstatement.h"

#include <QJsonDocument>
#include <QSqlQuery>

using LeadColumns::isoUtc;
using LeadColumns::parseIsoUtc;

namespace LeadRow {

const QString &selectColumns() {
    static const QString columns = LeadColumns::all().join(QStringLiteral(", ")) +
                                   QStringLiteral(", privacy_restricted, version, extra_fields, "
                                                  "score_model_version, score_explanation, "
                                                  "win_drivers");
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
    q.bind(i++, DedupKey::of(l));
    q.bind(i++, DedupKey::nameHash(l));
    q.bind(i++, extraText(l.extraFields));
    q.bind(i++, l.scoreModelVersion);
    q.bind(i++, l.scoreExplanation);
    q.bind(i++, l.winDrivers);
    q.bind(i++, int(FunnelSteps::of(l.stage)));
}

Lead fromRow(const QSqlQuery &q, int i) {
    Lead l;
    l.id = q.value(i++).toLongLong();
    Storefronts::fromCanonicalName(q.value(i++).toString(), &l.storefront);
    l.action = q.value(i++).toString();
    l.offerId = q.value(i++).toString();
    l.offerTitle = q.value(i++).toString();
    l.firstName = q.value(i++).toString();
    l.lastName = q.value(i++).toString();
    l.email = q.value(i++).toString();
    l.phone = q.value(i++).toString();
    l.country = q.value(i++).toString();
    l.company = q.value(i++).toString();
    l.title = q.value(i++).toString();
    l.description = q.value(i++).toString();
    l.createdAt = parseIsoUtc(q.value(i++).toString());
    l.lastEventAt = parseIsoUtc(q.value(i++).toString());
    l.events = q.value(i++).toInt();
    Stages::fromCanonicalName(q.value(i++).toString(), &l.stage);
    l.owner = q.value(i++).toString();
    l.score = q.value(i++).toInt();
    l.grade = q.value(i++).toString();
    l.winProbability = q.value(i++).toDouble();
    l.nextFollowUpAt = parseIsoUtc(q.value(i++).toString());
    l.followUps = q.value(i++).toInt();
    l.doNotContact = q.value(i++).toInt() != 0;
    l.isTest = q.value(i++).toInt() != 0;
    l.campaign = q.value(i++).toString();
    l.origin = q.value(i++).toString();
    if (const QString checklist = q.value(i++).toString(); !checklist.isEmpty()) {
        QString problem; // a checklist the columns' rules refused is never stored
        Qualification::fromText(checklist, &l.qualification, &problem);
    }
    l.opportunityValue = q.value(i++).toDouble();
    l.opportunityCurrency = q.value(i++).toString();
    l.expectedCloseAt = parseIsoUtc(q.value(i++).toString());
    l.destination = q.value(i++).toString();
    l.disqualifyReason = q.value(i++).toString();
    l.disqualifyNote = q.value(i++).toString();
    l.privacyRestricted = q.value(i++).toInt() != 0;
    l.version = q.value(i++).toLongLong();
    const QString extra = q.value(i++).toString();
    if (!extra.isEmpty())
        l.extraFields = QJsonDocument::fromJson(extra.toUtf8()).object();
    l.scoreModelVersion = q.value(i++).toInt();
    l.scoreExplanation = q.value(i++).toString();
    l.winDrivers = q.value(i++).toString();
    return l;
}

} // namespace LeadRow
