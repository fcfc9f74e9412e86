#include "cadence.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

QDateTime Cadence::dueAt(int step, const QDateTime &start, const QDateTime &now) const {
    if (step < 0 || step >= touches.size() || !start.isValid())
        return {};
    const QDateTime due = start.addDays(touches.at(step).day);
    return now.isValid() && due < now ? now : due;
}

QString Cadence::touchesText() const {
    QStringList parts;
    for (const CadenceTouch &t : touches)
        parts << QStringLiteral("%1 %2").arg(t.day).arg(TouchKinds::canonicalName(t.kind));
    return parts.join(QStringLiteral(", "));
}

bool Cadence::parseTouches(const QString &text, QList<CadenceTouch> *touches, QString *problem) {
    touches->clear();
    static const QRegularExpression one(QStringLiteral("^\\s*(\\d+)\\s*[: ]\\s*(\\w+)\\s*$"));
    int lastDay = -1;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch m = one.match(part);
        CadenceTouch t;
        if (!m.hasMatch() || !TouchKinds::fromCanonicalName(m.captured(2), &t.kind) ||
            !TouchKinds::isFollowUpKind(t.kind)) {
            *problem = QCoreApplication::translate("Cadence",
                                                   "\"%1\" is not a touch: a day and a kind (%2), "
                                                   "such as \"2 call\"")
                           .arg(part.trimmed(), TouchKinds::followUpNamesText());
            return false;
        }
        t.day = m.captured(1).toInt();
        if (t.day < lastDay) {
            *problem =
                QCoreApplication::translate("Cadence", "\"%1\": the touches must be in day order")
                    .arg(part.trimmed());
            return false;
        }
        lastDay = t.day;
        touches->append(t);
    }
    if (touches->isEmpty()) {
        *problem = QCoreApplication::translate(
            "Cadence", "a cadence needs at least one touch, such as \"0 email, 2 call\"");
        return false;
    }
    return true;
}

QJsonObject Cadence::toJson() const {
    QJsonArray list;
    for (const CadenceTouch &t : touches)
        list.append(QJsonObject{{QStringLiteral("day"), t.day},
                                {QStringLiteral("kind"), TouchKinds::canonicalName(t.kind)}});
    return {{QStringLiteral("description"), description}, {QStringLiteral("touches"), list}};
}

bool Cadence::fromJson(const QString &name, const QJsonObject &json, Cadence *out,
                       QString *problem) {
    Cadence c;
    c.name = name;
    c.description = json.value(QStringLiteral("description")).toString();
    for (const QJsonValue &v : json.value(QStringLiteral("touches")).toArray()) {
        CadenceTouch t;
        t.day = v.toObject().value(QStringLiteral("day")).toInt(-1);
        const QString kind = v.toObject().value(QStringLiteral("kind")).toString();
        if (t.day < 0 || !TouchKinds::fromCanonicalName(kind, &t.kind)) {
            *problem = QCoreApplication::translate(
                           "Cadence", "cadence \"%1\": a touch without a day or a known kind (%2)")
                           .arg(name, kind);
            return false;
        }
        c.touches << t;
    }
    if (c.touches.isEmpty()) {
        *problem =
            QCoreApplication::translate("Cadence", "cadence \"%1\" has no touches").arg(name);
        return false;
    }
    *out = c;
    return true;
}

QList<Cadence> Cadence::defaults() {
    const auto make = [](const char *name, const char *description, const char *touches) {
        Cadence c;
        c.name = QLatin1String(name);
        c.description = QLatin1String(description);
        QString ignored;
        parseTouches(QLatin1String(touches), &c.touches, &ignored);
        return c;
    };
    return {make("Contact me",
                 "AppSource and Azure Marketplace \"Contact me\" leads: eight touches over 45 days",
                 "0 email, 2 call, 5 email, 9 call, 14 email, 21 call, 30 email, 45 call"),
            make("Trial and install",
                 "Free trials, test drives and installs: help early, then ask how it went",
                 "0 email, 1 call, 3 email, 7 call, 14 meeting, 21 email, 30 call")};
}
