#include "scoreexplanation.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ScoreExplanation {

QString quoted(const QString &text) {
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString toJsonText(const QList<ScoreLine> &lines) {
    if (lines.isEmpty())
        return QLatin1String("");
    QString out = QStringLiteral("[");
    for (const ScoreLine &l : lines) {
        if (out.size() > 1)
            out += QLatin1Char(',');
        out += QStringLiteral("{\"rule\":") + quoted(l.rule) + QStringLiteral(",\"label\":") +
               quoted(l.label) + QStringLiteral(",\"points\":") + QString::number(l.points) +
               QLatin1Char('}');
    }
    return out + QLatin1Char(']');
}

QJsonArray toJson(const QList<ScoreLine> &lines) {
    QJsonArray out;
    for (const ScoreLine &l : lines)
        out.append(QJsonObject{{QStringLiteral("rule"), l.rule},
                               {QStringLiteral("label"), l.label},
                               {QStringLiteral("points"), l.points}});
    return out;
}

QList<ScoreLine> fromJsonText(const QString &text) {
    QList<ScoreLine> out;
    if (text.isEmpty())
        return out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        out << ScoreLine{o.value(QStringLiteral("rule")).toString(),
                         o.value(QStringLiteral("label")).toString(),
                         o.value(QStringLiteral("points")).toInt()};
    }
    return out;
}

int sum(const QList<ScoreLine> &lines) {
    int total = 0;
    for (const ScoreLine &l : lines)
        total += l.points;
    return total;
}

} // namespace ScoreExplanation
