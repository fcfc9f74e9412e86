#include "scoringrule.h"

#include "../domain/emailkind.h"
#include "../domain/storefront.h"
#include "../domain/titleseniority.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

struct KindName {
    RuleKind kind;
    const char *name;
};

constexpr KindName kindNames[] = {
    {RuleKind::Action, "action"},       {RuleKind::Storefront, "storefront"},
    {RuleKind::Seniority, "seniority"}, {RuleKind::EmailKind, "email"},
    {RuleKind::HasPhone, "has_phone"},  {RuleKind::HasCompany, "has_company"},
    {RuleKind::Country, "country"},     {RuleKind::Engagement, "engagement"},
    {RuleKind::Recency, "recency"},
};

bool takesValue(RuleKind kind) {
    return kind == RuleKind::Action || kind == RuleKind::Storefront ||
           kind == RuleKind::Seniority || kind == RuleKind::EmailKind;
}

} // namespace

QString ScoringRule::kindName(RuleKind kind) {
    for (const KindName &k : kindNames)
        if (k.kind == kind)
            return QLatin1String(k.name);
    return {};
}

bool ScoringRule::kindFromName(const QString &name, RuleKind *out) {
    for (const KindName &k : kindNames) {
        if (name == QLatin1String(k.name)) {
            *out = k.kind;
            return true;
        }
    }
    return false;
}

QJsonObject ScoringRule::toJson() const {
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("kind"), kindName(kind)},
                  {QStringLiteral("points"), points},
                  {QStringLiteral("label"), label}};
    if (takesValue(kind))
        o.insert(QStringLiteral("value"), value);
    if (kind == RuleKind::Country)
        o.insert(QStringLiteral("countries"), QJsonArray::fromStringList(countries));
    if (kind == RuleKind::Engagement)
        o.insert(QStringLiteral("min_events"), minimum);
    if (kind == RuleKind::Recency)
        o.insert(QStringLiteral("days"), days);
    return o;
}

ScoringRule ScoringRule::fromJson(const QJsonObject &json, QString *error) {
    ScoringRule r;
    error->clear();
    r.id = json.value(QStringLiteral("id")).toString().trimmed();
    const QString where = r.id.isEmpty()
                              ? QCoreApplication::translate("ScoringRule", "a rule without an id")
                              : QCoreApplication::translate("ScoringRule", "rule \"%1\"").arg(r.id);
    auto bad = [&](const QString &problem) {
        *error = where + QStringLiteral(": ") + problem;
        return r;
    };
    if (r.id.isEmpty())
        return bad(QCoreApplication::translate("ScoringRule", "\"id\" is missing"));
    const QString kind = json.value(QStringLiteral("kind")).toString();
    if (!kindFromName(kind, &r.kind))
        return bad(QCoreApplication::translate(
                       "ScoringRule",
                       "\"kind\": \"%1\" is not action, storefront, seniority, "
                       "email, has_phone, has_company, country, engagement or recency")
                       .arg(kind));
    const QJsonValue points = json.value(QStringLiteral("points"));
    if (!points.isDouble() || points.toDouble() != double(points.toInt()))
        return bad(QCoreApplication::translate("ScoringRule", "\"points\" must be a whole number"));
    r.points = points.toInt();
    if (r.points < -100 || r.points > 100)
        return bad(QCoreApplication::translate("ScoringRule", "\"points\": %1 is outside -100..100")
                       .arg(r.points));
    r.label = json.value(QStringLiteral("label")).toString().trimmed();
    if (r.label.isEmpty())
        return bad(QCoreApplication::translate(
            "ScoringRule", "\"label\" is missing: a rep reads it in the explanation"));
    if (takesValue(r.kind)) {
        r.value = json.value(QStringLiteral("value")).toString().trimmed();
        if (r.value.isEmpty())
            return bad(QCoreApplication::translate("ScoringRule", "\"value\" is missing"));
        bool known = true;
        if (r.kind == RuleKind::Storefront) {
            Storefront s;
            known = Storefronts::fromCanonicalName(r.value, &s);
        } else if (r.kind == RuleKind::Seniority) {
            Seniority s;
            known = TitleSeniority::fromCanonicalName(r.value, &s);
        } else if (r.kind == RuleKind::EmailKind) {
            EmailKind k;
            known = EmailKinds::fromCanonicalName(r.value, &k);
        }
        if (!known)
            return bad(QCoreApplication::translate("ScoringRule", "\"value\": \"%1\" is no %2")
                           .arg(r.value, kind));
    }
    if (r.kind == RuleKind::Country) {
        for (const QJsonValue &v : json.value(QStringLiteral("countries")).toArray()) {
            const QString code = v.toString().trimmed().toUpper();
            if (code.size() != 2)
                return bad(
                    QCoreApplication::translate(
                        "ScoringRule", "\"countries\": \"%1\" is not a two-letter country code")
                        .arg(v.toString()));
            r.countries << code;
        }
        if (r.countries.isEmpty())
            return bad(QCoreApplication::translate(
                "ScoringRule", "\"countries\" needs at least one country code"));
    }
    if (r.kind == RuleKind::Engagement) {
        r.minimum = json.value(QStringLiteral("min_events")).toInt(0);
        if (r.minimum < 1)
            return bad(QCoreApplication::translate(
                "ScoringRule", "\"min_events\" must be a whole number of at least 1"));
    }
    if (r.kind == RuleKind::Recency) {
        r.days = json.value(QStringLiteral("days")).toInt(0);
        if (r.days < 1)
            return bad(QCoreApplication::translate(
                "ScoringRule", "\"days\" must be a whole number of at least 1"));
    }
    return r;
}
