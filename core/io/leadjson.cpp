#include "leadjson.h"

#include "../domain/activity.h"
#include "../domain/lead.h"
#include "../domain/leadcolumns.h"
#include "../domain/leadevent.h"
#include "../scoring/scoreexplanation.h"
#include "../storage/leadstats.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace LeadJson {

QJsonObject lead(const Lead &l, const QStringList &columns) {
    QJsonObject o;
    for (const QString &col : columns) {
        const QVariant v = LeadColumns::value(l, col);
        // Unset timestamps are null in JSON rather than empty strings.
        if (v.typeId() == QMetaType::QString && v.toString().isEmpty() &&
            col.endsWith(QLatin1String("_at")))
            o.insert(col, QJsonValue::Null);
        else
            o.insert(col, QJsonValue::fromVariant(v));
    }
    return o;
}

QJsonObject storedLead(const Lead &l) {
    QJsonObject o = lead(l, LeadColumns::all());
    o.insert(QStringLiteral("privacy_restricted"), l.privacyRestricted);
    o.insert(QStringLiteral("version"), l.version);
    if (!l.extraFields.isEmpty())
        o.insert(QStringLiteral("extra_fields"), l.extraFields);
    o.insert(QStringLiteral("score_model_version"), l.scoreModelVersion);
    o.insert(QStringLiteral("score_explanation"),
             ScoreExplanation::toJson(ScoreExplanation::fromText(l.scoreExplanation)));
    // The predictive model's reasons as it stored them; [] when it has given none.
    const QJsonDocument drivers = QJsonDocument::fromJson(l.winDrivers.toUtf8());
    o.insert(QStringLiteral("win_drivers"), drivers.isArray()    ? QJsonValue(drivers.array())
                                            : drivers.isObject() ? QJsonValue(drivers.object())
                                                                 : QJsonValue(QJsonArray()));
    return o;
}

QJsonObject event(const LeadEvent &e) {
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("occurred_at"), LeadColumns::isoUtc(e.occurredAt)},
            {QStringLiteral("storefront"), Storefronts::canonicalName(e.storefront)},
            {QStringLiteral("action"), e.action},
            {QStringLiteral("lead_source"), e.leadSource},
            {QStringLiteral("offer_title"), e.offerTitle},
            {QStringLiteral("description"), e.description},
            {QStringLiteral("channel"), e.channel}};
}

QJsonObject activity(const Activity &a) {
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("at"), LeadColumns::isoUtc(a.at)},
            {QStringLiteral("actor"), a.actor},
            {QStringLiteral("kind"), ActivityKinds::canonicalName(a.kind)},
            {QStringLiteral("field"), a.field},
            {QStringLiteral("old_value"), QJsonValue::fromVariant(a.oldValue)},
            {QStringLiteral("new_value"), QJsonValue::fromVariant(a.newValue)},
            {QStringLiteral("note"), a.note}};
}

QJsonObject stats(const LeadStats &s) {
    auto toObject = [](const QMap<QString, qint64> &m) {
        QJsonObject o;
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            o.insert(it.key(), it.value());
        return o;
    };
    return {{QStringLiteral("total"), s.total},
            {QStringLiteral("by_storefront"), toObject(s.byStorefront)},
            {QStringLiteral("by_stage"), toObject(s.byStage)},
            {QStringLiteral("by_action"), toObject(s.byAction)}};
}

} // namespace LeadJson
