#include "scoringmodel.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

QString ScoringModel::gradeFor(int score) const {
    if (score >= gradeA)
        return QStringLiteral("A");
    if (score >= gradeB)
        return QStringLiteral("B");
    if (score >= gradeC)
        return QStringLiteral("C");
    return QStringLiteral("D");
}

QJsonObject ScoringModel::toJson() const {
    QJsonArray list;
    for (const ScoringRule &r : rules)
        list.append(r.toJson());
    return {{QStringLiteral("version"), version},
            {QStringLiteral("grades"), QJsonObject{{QStringLiteral("A"), gradeA},
                                                   {QStringLiteral("B"), gradeB},
                                                   {QStringLiteral("C"), gradeC}}},
            {QStringLiteral("rules"), list}};
}

QByteArray ScoringModel::toJsonText() const {
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

std::optional<ScoringModel> ScoringModel::fromJson(const QJsonObject &json, QString *error) {
    error->clear();
    ScoringModel m;
    m.version = json.value(QStringLiteral("version")).toInt(0);
    const QJsonObject grades = json.value(QStringLiteral("grades")).toObject();
    int *const bands[] = {&m.gradeA, &m.gradeB, &m.gradeC};
    const char *const names[] = {"A", "B", "C"};
    for (int i = 0; i < 3; ++i) {
        const QJsonValue v = grades.value(QLatin1String(names[i]));
        if (v.isUndefined())
            continue; // the usual band
        if (!v.isDouble() || v.toInt(-1) < 0 || v.toInt(-1) > 100) {
            *error = QCoreApplication::translate("ScoringModel",
                                                 "grades.%1: %2 is not a score from 0 to 100")
                         .arg(QLatin1String(names[i]),
                              QString::fromUtf8(
                                  QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
                                  .mid(1)
                                  .chopped(1));
            return std::nullopt;
        }
        *bands[i] = v.toInt();
    }
    if (!(m.gradeA > m.gradeB && m.gradeB > m.gradeC)) {
        *error = QCoreApplication::translate(
                     "ScoringModel", "grades: A (%1) must be above B (%2) and B above C (%3)")
                     .arg(m.gradeA)
                     .arg(m.gradeB)
                     .arg(m.gradeC);
        return std::nullopt;
    }
    const QJsonValue rules = json.value(QStringLiteral("rules"));
    if (!rules.isArray()) {
        *error = QCoreApplication::translate("ScoringModel", "rules: a list of rules is missing");
        return std::nullopt;
    }
    QSet<QString> ids;
    const QJsonArray list = rules.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) {
            *error =
                QCoreApplication::translate("ScoringModel", "rules[%1]: not a rule object").arg(i);
            return std::nullopt;
        }
        QString problem;
        const ScoringRule r = ScoringRule::fromJson(list.at(i).toObject(), &problem);
        if (!problem.isEmpty()) {
            *error = QStringLiteral("rules[%1], %2").arg(i).arg(problem);
            return std::nullopt;
        }
        if (ids.contains(r.id)) {
            *error = QCoreApplication::translate("ScoringModel",
                                                 "rules[%1], rule \"%2\": the id is used twice")
                         .arg(i)
                         .arg(r.id);
            return std::nullopt;
        }
        ids.insert(r.id);
        m.rules << r;
    }
    return m;
}

std::optional<ScoringModel> ScoringModel::fromJsonText(const QByteArray &text, QString *error) {
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = parse.error != QJsonParseError::NoError
                     ? QCoreApplication::translate("ScoringModel", "not JSON at offset %1: %2")
                           .arg(parse.offset)
                           .arg(parse.errorString())
                     : QCoreApplication::translate("ScoringModel", "not a JSON object");
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

ScoringModel ScoringModel::defaultModel() {
    static const ScoringModel model = [] {
        QFile file(QStringLiteral(":/scoring/default-model.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the default scoring model is missing from the program's resources");
        QString error;
        const std::optional<ScoringModel> m = fromJsonText(file.readAll(), &error);
        if (!m)
            qFatal("the default scoring model is broken: %s", qPrintable(error));
        ScoringModel shipped = *m;
        shipped.version = 0;
        return shipped;
    }();
    return model;
}
