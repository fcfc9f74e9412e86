#include "leadcolumns.h"

#include "disqualifyreason.h"
#include "followupdestination.h"
#include "lead.h"
#include "opportunitydetails.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

#include <cmath>
#include <functional>
#include <limits>

namespace LeadColumns {

namespace {
using Getter = std::function<QVariant(const Lead &)>;

const QHash<QString, Getter> &getters() {
    static const QHash<QString, Getter> map = {
        {QStringLiteral("id"), [](const Lead &l) { return QVariant(l.id); }},
        {QStringLiteral("storefront"),
         [](const Lead &l) { return QVariant(Storefronts::canonicalName(l.storefront)); }},
        {QStringLiteral("action"), [](const Lead &l) { return QVariant(l.action); }},
        {QStringLiteral("offer_id"), [](const Lead &l) { return QVariant(l.offerId); }},
        {QStringLiteral("offer_title"), [](const Lead &l) { return QVariant(l.offerTitle); }},
        {QStringLiteral("first_name"), [](const Lead &l) { return QVariant(l.firstName); }},
        {QStringLiteral("last_name"), [](const Lead &l) { return QVariant(l.lastName); }},
        {QStringLiteral("email"), [](const Lead &l) { return QVariant(l.email); }},
        {QStringLiteral("phone"), [](const Lead &l) { return QVariant(l.phone); }},
        {QStringLiteral("country"), [](const Lead &l) { return QVariant(l.country); }},
        {QStringLiteral("company"), [](const Lead &l) { return QVariant(l.company); }},
        {QStringLiteral("title"), [](const Lead &l) { return QVariant(l.title); }},
        {QStringLiteral("description"), [](const Lead &l) { return QVariant(l.description); }},
        {QStringLiteral("created_at"), [](const Lead &l) { return QVariant(isoUtc(l.createdAt)); }},
        {QStringLiteral("last_event_at"),
         [](const Lead &l) { return QVariant(isoUtc(l.lastEventAt)); }},
        {QStringLiteral("events"), [](const Lead &l) { return QVariant(l.events); }},
        {QStringLiteral("stage"),
         [](const Lead &l) { return QVariant(Stages::canonicalName(l.stage)); }},
        {QStringLiteral("owner"), [](const Lead &l) { return QVariant(l.owner); }},
        {QStringLiteral("score"), [](const Lead &l) { return QVariant(l.score); }},
        {QStringLiteral("grade"), [](const Lead &l) { return QVariant(l.grade); }},
        {QStringLiteral("win_probability"),
         [](const Lead &l) { return QVariant(l.winProbability); }},
        {QStringLiteral("next_follow_up_at"),
         [](const Lead &l) { return QVariant(isoUtc(l.nextFollowUpAt)); }},
        {QStringLiteral("follow_ups"), [](const Lead &l) { return QVariant(l.followUps); }},
        {QStringLiteral("do_not_contact"), [](const Lead &l) { return QVariant(l.doNotContact); }},
        {QStringLiteral("is_test"), [](const Lead &l) { return QVariant(l.isTest); }},
        {QStringLiteral("campaign"), [](const Lead &l) { return QVariant(l.campaign); }},
        {QStringLiteral("origin"), [](const Lead &l) { return QVariant(l.origin); }},
        {QStringLiteral("privacy_restricted"),
         [](const Lead &l) { return QVariant(l.privacyRestricted); }},
        {QStringLiteral("version"), [](const Lead &l) { return QVariant(l.version); }},
        {QStringLiteral("qualification"),
         [](const Lead &l) { return QVariant(l.qualification.toText()); }},
        {QStringLiteral("opportunity_value"),
         [](const Lead &l) { return QVariant(l.opportunityValue); }},
        {QStringLiteral("opportunity_currency"),
         [](const Lead &l) { return QVariant(l.opportunityCurrency); }},
        {QStringLiteral("expected_close_at"),
         [](const Lead &l) { return QVariant(isoUtc(l.expectedCloseAt)); }},
        {QStringLiteral("destination"), [](const Lead &l) { return QVariant(l.destination); }},
        {QStringLiteral("disqualify_reason"),
         [](const Lead &l) { return QVariant(l.disqualifyReason); }},
        {QStringLiteral("disqualify_note"),
         [](const Lead &l) { return QVariant(l.disqualifyNote); }},
    };
    return map;
}
} // namespace

const QStringList &all() {
    static const QStringList columns = {QStringLiteral("id"),
                                        QStringLiteral("storefront"),
                                        QStringLiteral("action"),
                                        QStringLiteral("offer_id"),
                                        QStringLiteral("offer_title"),
                                        QStringLiteral("first_name"),
                                        QStringLiteral("last_name"),
                                        QStringLiteral("email"),
                                        QStringLiteral("phone"),
                                        QStringLiteral("country"),
                                        QStringLiteral("company"),
                                        QStringLiteral("title"),
                                        QStringLiteral("description"),
                                        QStringLiteral("created_at"),
                                        QStringLiteral("last_event_at"),
                                        QStringLiteral("events"),
                                        QStringLiteral("stage"),
                                        QStringLiteral("owner"),
                                        QStringLiteral("score"),
                                        QStringLiteral("grade"),
                                        QStringLiteral("win_probability"),
                                        QStringLiteral("next_follow_up_at"),
                                        QStringLiteral("follow_ups"),
                                        QStringLiteral("do_not_contact"),
                                        QStringLiteral("is_test"),
                                        QStringLiteral("campaign"),
                                        QStringLiteral("origin"),
                                        QStringLiteral("qualification"),
                                        QStringLiteral("opportunity_value"),
                                        QStringLiteral("opportunity_currency"),
                                        QStringLiteral("expected_close_at"),
                                        QStringLiteral("destination"),
                                        QStringLiteral("disqualify_reason"),
                                        QStringLiteral("disqualify_note")};
    return columns;
}

bool isKnown(const QString &column) {
    return getters().contains(column) && !stored().contains(column);
}

const QStringList &stored() {
    static const QStringList columns = {QStringLiteral("privacy_restricted"),
                                        QStringLiteral("version")};
    return columns;
}

const QStringList &tracked() {
    static const QStringList columns = all() + QStringList{QStringLiteral("privacy_restricted")};
    return columns;
}

Type type(const QString &column) {
    static const QHash<QString, Type> types = {
        {QStringLiteral("id"), Type::Integer},
        {QStringLiteral("version"), Type::Integer},
        {QStringLiteral("events"), Type::Integer},
        {QStringLiteral("score"), Type::Integer},
        {QStringLiteral("follow_ups"), Type::Integer},
        {QStringLiteral("win_probability"), Type::Real},
        {QStringLiteral("do_not_contact"), Type::Flag},
        {QStringLiteral("is_test"), Type::Flag},
        {QStringLiteral("privacy_restricted"), Type::Flag},
        {QStringLiteral("created_at"), Type::Time},
        {QStringLiteral("last_event_at"), Type::Time},
        {QStringLiteral("next_follow_up_at"), Type::Time},
        {QStringLiteral("storefront"), Type::Storefront},
        {QStringLiteral("stage"), Type::Stage},
        {QStringLiteral("opportunity_value"), Type::Real},
        {QStringLiteral("expected_close_at"), Type::Time},
    };
    return types.value(column, Type::Text);
}

namespace {
// Reads the qualification and opportunity columns; false for any other column. "" is unset.
bool parseQualificationColumn(const QString &column, const QString &t, QVariant *value,
                              QString *problem) {
    if (column == QLatin1String("qualification")) {
        Qualification checklist;
        if (Qualification::fromText(t, &checklist, problem))
            *value = checklist.toText();
        return true;
    }
    if (column == QLatin1String("opportunity_currency")) {
        const QString code = t.toUpper();
        if (!code.isEmpty() && !OpportunityDetails::isCurrencyCode(code))
            *problem = QCoreApplication::translate("LeadColumns",
                                                   "\"%1\" is not an ISO 4217 currency code")
                           .arg(t);
        *value = code;
        return true;
    }
    if (column == QLatin1String("destination")) {
        FollowUpDestination d;
        if (t.isEmpty())
            *value = QString(QLatin1String(""));
        else if (FollowUpDestinations::fromCanonicalName(t, &d))
            *value = FollowUpDestinations::canonicalName(d);
        else
            *problem =
                QCoreApplication::translate("LeadColumns", "\"%1\" is not a destination (%2)")
                    .arg(t, FollowUpDestinations::namesText());
        return true;
    }
    if (column == QLatin1String("disqualify_reason")) {
        DisqualifyReason r;
        if (t.isEmpty())
            *value = QString(QLatin1String(""));
        else if (DisqualifyReasons::fromCanonicalName(t, &r))
            *value = DisqualifyReasons::canonicalName(r);
        else
            *problem = QCoreApplication::translate("LeadColumns",
                                                   "\"%1\" is not a reason to disqualify (%2)")
                           .arg(t, DisqualifyReasons::namesText());
        return true;
    }
    return false;
}
} // namespace

QString parse(const QString &column, const QString &text, QVariant *value) {
    const QString t = text.trimmed();
    bool ok = true;
    switch (type(column)) {
    case Type::Integer: {
        const qint64 n = t.isEmpty() ? 0 : t.toLongLong(&ok);
        if (!ok)
            return QCoreApplication::translate("LeadColumns", "\"%1\" is not a whole number")
                .arg(text);
        if (column == QLatin1String("score") && (n < 0 || n > 100))
            return QCoreApplication::translate("LeadColumns", "%1 is not between 0 and 100")
                .arg(text);
        if (column == QLatin1String("events") && (n < 1 || n > std::numeric_limits<int>::max()))
            return QCoreApplication::translate("LeadColumns", "%1 is not a count of at least 1")
                .arg(text);
        if (column == QLatin1String("follow_ups") && (n < 0 || n > std::numeric_limits<int>::max()))
            return QCoreApplication::translate("LeadColumns", "%1 is not a count").arg(text);
        *value = column == QLatin1String("id") || column == QLatin1String("version")
                     ? QVariant(n)
                     : QVariant(int(n));
        return {};
    }
    case Type::Real: {
        const double x = t.isEmpty() ? 0.0 : t.toDouble(&ok);
        if (!ok || !std::isfinite(x))
            return QCoreApplication::translate("LeadColumns", "\"%1\" is not a number").arg(text);
        if (column == QLatin1String("win_probability") && (x < 0.0 || x > 1.0))
            return QCoreApplication::translate("LeadColumns", "%1 is not between 0 and 1")
                .arg(text);
        if (column == QLatin1String("opportunity_value") && x < 0.0)
            return QCoreApplication::translate("LeadColumns", "%1 is not an amount (0 when unset)")
                .arg(text);
        *value = x;
        return {};
    }
    case Type::Flag: {
        const QString l = t.toLower();
        if (l == QLatin1String("true") || l == QLatin1String("1") || l == QLatin1String("yes"))
            *value = true;
        else if (l.isEmpty() || l == QLatin1String("false") || l == QLatin1String("0") ||
                 l == QLatin1String("no"))
            *value = false;
        else
            return QCoreApplication::translate("LeadColumns", "\"%1\" is not true or false")
                .arg(text);
        return {};
    }
    case Type::Time: {
        if (t.isEmpty()) {
            *value = QString();
            return {};
        }
        const QDateTime when = parseIsoUtc(t);
        if (!when.isValid())
            return QCoreApplication::translate("LeadColumns", "\"%1\" is not an ISO 8601 time")
                .arg(text);
        *value = isoUtc(when);
        return {};
    }
    case Type::Storefront: {
        Storefront s;
        if (!Storefronts::fromCanonicalName(t, &s))
            return QCoreApplication::translate(
                       "LeadColumns", "\"%1\" is not a storefront (appsource, azure-marketplace, "
                                      "azure-portal, other)")
                .arg(text);
        *value = Storefronts::canonicalName(s);
        return {};
    }
    case Type::Stage: {
        Stage s;
        if (!Stages::fromCanonicalName(t, &s)) {
            QStringList names;
            for (Stage st : Stages::all())
                names << Stages::canonicalName(st);
            return QCoreApplication::translate("LeadColumns", "\"%1\" is not a stage (%2)")
                .arg(text, names.join(QStringLiteral(", ")));
        }
        *value = Stages::canonicalName(s);
        return {};
    }
    case Type::Text:
        break;
    }
    if (column == QLatin1String("grade")) {
        const QString grade = t.toUpper();
        if (!grade.isEmpty() && grade != QLatin1String("A") && grade != QLatin1String("B") &&
            grade != QLatin1String("C") && grade != QLatin1String("D"))
            return QCoreApplication::translate("LeadColumns", "\"%1\" is not A, B, C or D")
                .arg(text);
        *value = grade;
        return {};
    }
    if (column == QLatin1String("origin")) {
        static const QStringList origins = {QStringLiteral("marketplace"),
                                            QStringLiteral("co-sell"), QStringLiteral("import"),
                                            QStringLiteral("manual")};
        if (!origins.contains(t))
            return QCoreApplication::translate("LeadColumns", "\"%1\" is not an origin (%2)")
                .arg(text, origins.join(QStringLiteral(", ")));
        *value = t;
        return {};
    }
    if (QString problem; parseQualificationColumn(column, t, value, &problem))
        return problem;
    if (column == QLatin1String("email") && !t.isEmpty() && !t.contains(QLatin1Char('@')))
        return QCoreApplication::translate("LeadColumns", "\"%1\" is not an email address")
            .arg(text);
    *value = text;
    return {};
}

bool setValue(Lead &l, const QString &column, const QVariant &v) {
    static const QHash<QString, QString Lead::*> texts = {
        {QStringLiteral("action"), &Lead::action},
        {QStringLiteral("offer_id"), &Lead::offerId},
        {QStringLiteral("offer_title"), &Lead::offerTitle},
        {QStringLiteral("first_name"), &Lead::firstName},
        {QStringLiteral("last_name"), &Lead::lastName},
        {QStringLiteral("email"), &Lead::email},
        {QStringLiteral("phone"), &Lead::phone},
        {QStringLiteral("country"), &Lead::country},
        {QStringLiteral("company"), &Lead::company},
        {QStringLiteral("title"), &Lead::title},
        {QStringLiteral("description"), &Lead::description},
        {QStringLiteral("owner"), &Lead::owner},
        {QStringLiteral("grade"), &Lead::grade},
        {QStringLiteral("campaign"), &Lead::campaign},
        {QStringLiteral("origin"), &Lead::origin},
        {QStringLiteral("opportunity_currency"), &Lead::opportunityCurrency},
        {QStringLiteral("destination"), &Lead::destination},
        {QStringLiteral("disqualify_reason"), &Lead::disqualifyReason},
        {QStringLiteral("disqualify_note"), &Lead::disqualifyNote},
    };
    if (const auto it = texts.constFind(column); it != texts.cend()) {
        l.*(*it) = v.toString();
        return true;
    }
    if (column == QLatin1String("storefront"))
        return Storefronts::fromCanonicalName(v.toString(), &l.storefront);
    if (column == QLatin1String("stage"))
        return Stages::fromCanonicalName(v.toString(), &l.stage);
    if (column == QLatin1String("qualification")) {
        QString problem;
        return Qualification::fromText(v.toString(), &l.qualification, &problem);
    }
    if (column == QLatin1String("expected_close_at")) {
        l.expectedCloseAt = parseIsoUtc(v.toString());
        return l.expectedCloseAt.isValid() || v.toString().isEmpty();
    }
    if (column == QLatin1String("created_at") || column == QLatin1String("last_event_at") ||
        column == QLatin1String("next_follow_up_at")) {
        const QDateTime when = parseIsoUtc(v.toString());
        if (!when.isValid() && !v.toString().isEmpty())
            return false;
        (column == QLatin1String("created_at")      ? l.createdAt
         : column == QLatin1String("last_event_at") ? l.lastEventAt
                                                    : l.nextFollowUpAt) = when;
        return true;
    }
    if (column == QLatin1String("id"))
        l.id = v.toLongLong();
    else if (column == QLatin1String("events"))
        l.events = v.toInt();
    else if (column == QLatin1String("score"))
        l.score = v.toInt();
    else if (column == QLatin1String("follow_ups"))
        l.followUps = v.toInt();
    else if (column == QLatin1String("win_probability"))
        l.winProbability = v.toDouble();
    else if (column == QLatin1String("do_not_contact"))
        l.doNotContact = v.toBool();
    else if (column == QLatin1String("is_test"))
        l.isTest = v.toBool();
    else if (column == QLatin1String("privacy_restricted"))
        l.privacyRestricted = v.toBool();
    else if (column == QLatin1String("version"))
        l.version = v.toLongLong();
    else if (column == QLatin1String("opportunity_value"))
        l.opportunityValue = v.toDouble();
    else
        return false;
    return true;
}

QString valueText(const QVariant &v) {
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::Double:
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    default:
        return v.toString();
    }
}

QVariant value(const Lead &lead, const QString &column) {
    const auto it = getters().constFind(column);
    return it == getters().constEnd() ? QVariant() : (*it)(lead);
}

QString text(const Lead &lead, const QString &column) {
    return valueText(value(lead, column));
}

} // namespace LeadColumns
