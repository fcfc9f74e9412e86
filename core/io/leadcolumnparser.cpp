#include "leadcolumnparser.h"

#include "../domain/lead.h"
#include "../domain/leadcolumns.h"

#include <QHash>

#include <cmath>
#include <functional>

namespace LeadColumnParser {

namespace {

// Sets one column from non-empty text; returns an error message, empty when it was set.
using Setter = std::function<QString(Lead &, const QString &)>;

Setter text(QString Lead::*member) {
    return [member](Lead &l, const QString &t) {
        l.*member = t;
        return QString();
    };
}

Setter time(QDateTime Lead::*member) {
    return [member](Lead &l, const QString &t) {
        const QDateTime when = LeadColumns::parseIsoUtc(t);
        if (!when.isValid())
            return QStringLiteral("\"%1\" is not an ISO 8601 timestamp").arg(t);
        l.*member = when;
        return QString();
    };
}

Setter whole(int Lead::*member, int minimum) {
    return [member, minimum](Lead &l, const QString &t) {
        bool ok = false;
        const int n = t.toInt(&ok);
        if (!ok || n < minimum)
            return minimum == 0 ? QStringLiteral("\"%1\" is not a count").arg(t)
                                : QStringLiteral("\"%1\" is not a whole number of at least %2")
                                      .arg(t)
                                      .arg(minimum);
        l.*member = n;
        return QString();
    };
}

Setter flag(bool Lead::*member) {
    return [member](Lead &l, const QString &t) {
        bool value = false;
        if (!parseFlag(t, &value))
            return QStringLiteral("\"%1\" is not true or false").arg(t);
        l.*member = value;
        return QString();
    };
}

const QHash<QString, Setter> &setters() {
    static const QHash<QString, Setter> map = {
        {QStringLiteral("storefront"),
         [](Lead &l, const QString &t) {
             return Storefronts::fromCanonicalName(t, &l.storefront)
                        ? QString()
                        : QStringLiteral("unknown storefront \"%1\"").arg(t);
         }},
        {QStringLiteral("action"), text(&Lead::action)},
        {QStringLiteral("offer_id"), text(&Lead::offerId)},
        {QStringLiteral("offer_title"), text(&Lead::offerTitle)},
        {QStringLiteral("first_name"), text(&Lead::firstName)},
        {QStringLiteral("last_name"), text(&Lead::lastName)},
        {QStringLiteral("email"),
         [](Lead &l, const QString &t) {
             if (!t.contains(QLatin1Char('@')))
                 return QStringLiteral("\"%1\" is not an email address").arg(t);
             l.email = t;
             return QString();
         }},
        {QStringLiteral("phone"), text(&Lead::phone)},
        {QStringLiteral("country"), text(&Lead::country)},
        {QStringLiteral("company"), text(&Lead::company)},
        {QStringLiteral("title"), text(&Lead::title)},
        {QStringLiteral("description"), text(&Lead::description)},
        {QStringLiteral("created_at"), time(&Lead::createdAt)},
        {QStringLiteral("last_event_at"), time(&Lead::lastEventAt)},
        {QStringLiteral("events"), whole(&Lead::events, 1)},
        {QStringLiteral("stage"),
         [](Lead &l, const QString &t) {
             return Stages::fromCanonicalName(t, &l.stage)
                        ? QString()
                        : QStringLiteral("unknown stage \"%1\"").arg(t);
         }},
        {QStringLiteral("owner"), text(&Lead::owner)},
        {QStringLiteral("score"),
         [](Lead &l, const QString &t) {
             bool ok = false;
             const int n = t.toInt(&ok);
             if (!ok)
                 return QStringLiteral("\"%1\" is not a whole number").arg(t);
             l.score = n;
             return QString();
         }},
        {QStringLiteral("grade"), text(&Lead::grade)},
        {QStringLiteral("win_probability"),
         [](Lead &l, const QString &t) {
             bool ok = false;
             const double p = t.toDouble(&ok);
             if (!ok || !std::isfinite(p) || p < 0.0 || p > 1.0)
                 return QStringLiteral("\"%1\" is not a probability from 0 to 1").arg(t);
             l.winProbability = p;
             return QString();
         }},
        {QStringLiteral("next_follow_up_at"), time(&Lead::nextFollowUpAt)},
        {QStringLiteral("follow_ups"), whole(&Lead::followUps, 0)},
        {QStringLiteral("do_not_contact"), flag(&Lead::doNotContact)},
        {QStringLiteral("is_test"), flag(&Lead::isTest)},
        {QStringLiteral("campaign"), text(&Lead::campaign)},
        {QStringLiteral("origin"), text(&Lead::origin)},
    };
    return map;
}

} // namespace

bool isSettable(const QString &column) {
    return setters().contains(column);
}

bool set(Lead &lead, const QString &column, const QString &text, QString *error) {
    const auto it = setters().constFind(column);
    if (it == setters().constEnd()) {
        *error = QStringLiteral("field %1: not a column Leadbench reads").arg(column);
        return false;
    }
    if (text.isEmpty())
        return true;
    const QString problem = (*it)(lead, text);
    if (problem.isEmpty())
        return true;
    *error = QStringLiteral("field %1: %2").arg(column, problem);
    return false;
}

bool parseFlag(const QString &text, bool *out) {
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes")) {
        *out = true;
        return true;
    }
    if (t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("no")) {
        *out = false;
        return true;
    }
    return false;
}

} // namespace LeadColumnParser
