#include "scoreexplanation.h"

#include "scoringmodel.h"

#include <QJsonObject>

namespace ScoreExplanation {

// Stored and written out in English like a rule's own label; the window translates both in
// the context "ScoringRules" as it shows them.
QString fixedLabel(const QString &rule) {
    if (rule == QLatin1String("cap.max"))
        return QStringLiteral(QT_TRANSLATE_NOOP("ScoringRules", "Capped at 100"));
    if (rule == QLatin1String("cap.min"))
        return QStringLiteral(
            QT_TRANSLATE_NOOP("ScoringRules", "Raised to 0: no score is below 0"));
    if (rule == QLatin1String("do-not-contact"))
        return QStringLiteral(QT_TRANSLATE_NOOP("ScoringRules", "Do not contact"));
    return {};
}

QString toText(const QList<ScoreLine> &lines) {
    QStringList parts;
    for (const ScoreLine &l : lines)
        parts << l.rule + QLatin1Char(':') + QString::number(l.points);
    return parts.join(QLatin1Char(' '));
}

QJsonArray toJson(const QList<ScoreLine> &lines) {
    QJsonArray out;
    for (const ScoreLine &l : lines) {
        QJsonObject o{{QStringLiteral("rule"), l.rule}, {QStringLiteral("points"), l.points}};
        if (!l.label.isEmpty())
            o.insert(QStringLiteral("label"), l.label);
        out.append(o);
    }
    return out;
}

QList<ScoreLine> fromText(const QString &text, const ScoringModel *model) {
    QList<ScoreLine> out;
    for (const QString &part : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype colon = part.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const int points = colon > 0 ? part.mid(colon + 1).toInt(&ok) : 0;
        if (!ok)
            return {}; // not an explanation
        ScoreLine line{part.left(colon), fixedLabel(part.left(colon)), points};
        if (line.label.isEmpty() && model) {
            for (const ScoringRule &r : model->rules) {
                if (r.id == line.rule) {
                    line.label = r.label;
                    break;
                }
            }
        }
        out << line;
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
