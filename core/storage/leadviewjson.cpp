#include "leadviewjson.h"

#include "../domain/leadcolumns.h"
#include "leadquery.h"

#include <QTimeZone>

namespace {

const QLatin1String meValue("me");
const QLatin1String todayValue("today");

QString text(const QJsonObject &json, const char *key) {
    return json.value(QLatin1String(key)).toString();
}

QDateTime timeOf(const QJsonObject &json, const char *key) {
    const QString value = text(json, key);
    return value.isEmpty() ? QDateTime() : LeadColumns::parseIsoUtc(value);
}

bool isGrade(const QString &grade) {
    return grade.size() == 1 && grade.at(0) >= QLatin1Char('A') && grade.at(0) <= QLatin1Char('D');
}

} // namespace

QDateTime LeadViewJson::endOfDay(const QDateTime &now) {
    const QDateTime local = now.toLocalTime();
    return QDateTime(local.date().addDays(1), QTime(0, 0), QTimeZone::systemTimeZone()).toUTC();
}

QJsonObject LeadViewJson::filterToJson(const LeadFilter &f, const Context &context) {
    QJsonObject json;
    auto put = [&json](const char *key, const QJsonValue &value) {
        json.insert(QLatin1String(key), value);
    };
    if (f.storefront)
        put("storefront", Storefronts::canonicalName(*f.storefront));
    if (f.stage)
        put("stage", Stages::canonicalName(*f.stage));
    if (!f.owner.isEmpty())
        put("owner", !context.me.isEmpty() && f.owner == context.me ? QString(meValue) : f.owner);
    if (!f.offerId.isEmpty())
        put("offer_id", f.offerId);
    if (!f.action.isEmpty())
        put("action", f.action);
    if (!f.search.trimmed().isEmpty())
        put("search", f.search);
    if (f.minScore)
        put("min_score", *f.minScore);
    if (!f.grade.isEmpty())
        put("grade", f.grade);
    if (f.doNotContact)
        put("do_not_contact", true);
    if (f.dueBefore.isValid())
        put("due_before", f.dueBefore == endOfDay(context.now) ? QString(todayValue)
                                                               : LeadColumns::isoUtc(f.dueBefore));
    if (f.since.isValid())
        put("since", LeadColumns::isoUtc(f.since));
    if (f.until.isValid())
        put("until", LeadColumns::isoUtc(f.until));
    if (f.includeTest)
        put("include_test", true);
    if (!f.campaign.isEmpty())
        put("campaign", f.campaign);
    if (!f.origin.isEmpty())
        put("origin", f.origin);
    if (!f.destination.isEmpty())
        put("destination", f.destination);
    if (f.slaBreached) // the team's target is read again when the view is applied
        put("past_first_touch_sla", true);
    // f.ids is left out on purpose: a selection names leads of the moment, not a view to
    // come back to.
    return json;
}

LeadFilter LeadViewJson::filterFromJson(const QJsonObject &json, const Context &context) {
    LeadFilter f;
    Storefront storefront = Storefront::Other;
    if (Storefronts::fromCanonicalName(text(json, "storefront"), &storefront))
        f.storefront = storefront;
    Stage stage = Stage::New;
    if (Stages::fromCanonicalName(text(json, "stage"), &stage))
        f.stage = stage;
    f.owner = text(json, "owner");
    // "me" is whoever applies the view; with nobody known it would match nothing useful.
    if (f.owner == meValue)
        f.owner = context.me;
    f.offerId = text(json, "offer_id");
    f.action = text(json, "action");
    f.search = text(json, "search");
    const QJsonValue minScore = json.value(QLatin1String("min_score"));
    if (minScore.isDouble())
        f.minScore = minScore.toInt();
    if (isGrade(text(json, "grade")))
        f.grade = text(json, "grade");
    f.doNotContact = json.value(QLatin1String("do_not_contact")).toBool();
    f.dueBefore =
        text(json, "due_before") == todayValue ? endOfDay(context.now) : timeOf(json, "due_before");
    f.since = timeOf(json, "since");
    f.until = timeOf(json, "until");
    f.includeTest = json.value(QLatin1String("include_test")).toBool();
    f.campaign = text(json, "campaign");
    f.origin = text(json, "origin");
    f.destination = text(json, "destination");
    f.slaBreached = json.value(QLatin1String("past_first_touch_sla")).toBool();
    return f;
}

QJsonObject LeadViewJson::sortToJson(const LeadSort &sort) {
    return QJsonObject{{QLatin1String("column"), sort.column},
                       {QLatin1String("descending"), sort.descending}};
}

LeadSort LeadViewJson::sortFromJson(const QJsonObject &json) {
    LeadSort sort;
    const QString column = text(json, "column");
    if (!LeadQuery::isSortable(column))
        return sort;
    sort.column = column;
    sort.descending = json.value(QLatin1String("descending")).toBool();
    return sort;
}

QJsonArray LeadViewJson::columnsToJson(const QStringList &columns) {
    return QJsonArray::fromStringList(columns);
}

QStringList LeadViewJson::columnsFromJson(const QJsonArray &json) {
    QStringList columns;
    for (const QJsonValue &value : json) {
        if (value.isString() && !value.toString().isEmpty())
            columns << value.toString();
    }
    return columns;
}
