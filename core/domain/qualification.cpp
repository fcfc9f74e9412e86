#include "qualification.h"

#include "leadcolumns.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

void Qualification::tick(const QString &item, const QString &by, const QDateTime &at) {
    if (!m_ticks.contains(item))
        m_ticks.insert(item, Tick{by, at.toUTC()});
}

void Qualification::untick(const QString &item) {
    m_ticks.remove(item);
}

QString Qualification::toText() const {
    if (m_ticks.isEmpty())
        return QString(QLatin1String(""));
    QJsonObject o;
    for (auto it = m_ticks.cbegin(); it != m_ticks.cend(); ++it)
        o.insert(it.key(), QJsonObject{{QStringLiteral("by"), it->by},
                                       {QStringLiteral("at"), LeadColumns::isoUtc(it->at)}});
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool Qualification::fromText(const QString &text, Qualification *out, QString *error) {
    Qualification q;
    if (text.trimmed().isEmpty()) {
        *out = q;
        return true;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QCoreApplication::translate(
                     "Qualification", "\"%1\" is not a checklist: a JSON object of item → {\"by\", "
                                      "\"at\"} is expected")
                     .arg(text.left(80));
        return false;
    }
    const QJsonObject o = doc.object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!isItemName(it.key())) {
            *error =
                QCoreApplication::translate(
                    "Qualification", "\"%1\" is not a checklist item name (lower-case letters, "
                                     "digits, - and _)")
                    .arg(it.key());
            return false;
        }
        const QJsonObject tick = it.value().toObject();
        const QJsonValue by = tick.value(QStringLiteral("by"));
        const QDateTime at = LeadColumns::parseIsoUtc(tick.value(QStringLiteral("at")).toString());
        if (!it.value().isObject() || !by.isString() || !at.isValid()) {
            *error = QCoreApplication::translate(
                         "Qualification", "checklist item \"%1\": {\"by\": name, \"at\": ISO 8601 "
                                          "time} is expected, not %2")
                         .arg(it.key(),
                              QString::fromUtf8(QJsonDocument(QJsonObject{{it.key(), it.value()}})
                                                    .toJson(QJsonDocument::Compact)));
            return false;
        }
        q.m_ticks.insert(it.key(), Tick{by.toString(), at});
    }
    *out = q;
    return true;
}

bool Qualification::isItemName(const QString &item) {
    if (item.isEmpty() || item.size() > 40)
        return false;
    for (const QChar c : item) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_'))
            return false;
    }
    return true;
}
