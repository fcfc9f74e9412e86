#include "winmodel.h"

#include "../domain/lead.h"
#include "winfeatures.h"
#include "winhistory.h"
#include "winlogisticfit.h"

#include <QCoreApplication>
#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace {

constexpr int jsonFormat = 1;
const QLatin1String jsonKind("leadbench-win-model");

double sigmoid(double x) {
    return x >= 0 ? 1.0 / (1.0 + std::exp(-x)) : std::exp(x) / (1.0 + std::exp(x));
}

// The feature values that keep a weight of their own: per group the most common ones seen in
// at least minExamples closed leads, in a stable order. The rest share the group's pooled key.
QStringList ownColumns(const QHash<QString, qint64> &counts, const WinModel::Options &options) {
    QHash<QString, QList<std::pair<qint64, QString>>> byGroup;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        // Every group seen gets its pooled key, even one whose only value is that key.
        auto &values = byGroup[WinFeatures::groupOf(it.key())];
        if (!WinFeatures::isPooled(it.key()))
            values.append({it.value(), it.key()});
    }
    QStringList groups = byGroup.keys();
    std::sort(groups.begin(), groups.end());
    QStringList columns;
    for (const QString &group : groups) {
        QList<std::pair<qint64, QString>> values = byGroup.value(group);
        std::sort(values.begin(), values.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        int kept = 0;
        for (const auto &[count, key] : values) {
            if (count < options.minExamples || kept == options.maxValuesPerGroup)
                break;
            columns << key;
            ++kept;
        }
        columns << WinFeatures::pooledKey(group);
    }
    return columns;
}

bool readNumber(const QJsonObject &json, const QString &field, double *out, QString *error) {
    const QJsonValue v = json.value(field);
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        if (error)
            *error = QCoreApplication::translate("WinModel", "win model: \"%1\" must be a number")
                         .arg(field);
        return false;
    }
    *out = v.toDouble();
    return true;
}

bool readNumbers(const QJsonObject &json, const QString &field, QHash<QString, double> *out,
                 QString *error) {
    const QJsonValue v = json.value(field);
    if (!v.isObject()) {
        if (error)
            *error = QCoreApplication::translate("WinModel", "win model: \"%1\" must be an object")
                         .arg(field);
        return false;
    }
    const QJsonObject object = v.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!it.value().isDouble() || !std::isfinite(it.value().toDouble())) {
            if (error)
                *error =
                    QCoreApplication::translate("WinModel", "win model: %1 \"%2\" must be a number")
                        .arg(field, it.key());
            return false;
        }
        out->insert(it.key(), it.value().toDouble());
    }
    return true;
}

} // namespace

WinModel WinModel::train(const WinHistory &history, const Options &options) {
    std::vector<qsizetype> every(size_t(history.size()));
    std::iota(every.begin(), every.end(), 0);
    return train(history, every, options);
}

WinModel WinModel::train(const WinHistory &history, std::span<const qsizetype> leads,
                         const Options &options) {
    WinModel model;
    model.m_options = options;
    if (leads.empty())
        return model;
    const QStringList &keys = history.keys();
    std::vector<qint64> keyCounts(size_t(keys.size()), 0);
    for (const qsizetype lead : leads)
        for (const int key : history.features(lead))
            ++keyCounts[size_t(key)];
    QHash<QString, qint64> counts;
    for (qsizetype i = 0; i < keys.size(); ++i)
        if (keyCounts[size_t(i)] > 0)
            counts.insert(keys.at(i), keyCounts[size_t(i)]);
    const QStringList columns = ownColumns(counts, options);
    QHash<QString, int> columnOf;
    for (int i = 0; i < columns.size(); ++i)
        columnOf.insert(columns.at(i), i);
    // Each key's column, looked up once rather than once per lead: its own, or its group's
    // pooled one. Keys none of these leads has stay unset.
    std::vector<int> columnOfKey(size_t(keys.size()), -1);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (keyCounts[size_t(i)] == 0)
            continue;
        auto it = columnOf.constFind(keys.at(i));
        if (it == columnOf.cend())
            it = columnOf.constFind(WinFeatures::pooledKey(WinFeatures::groupOf(keys.at(i))));
        columnOfKey[size_t(i)] = it.value();
    }

    WinLogisticFit::Rows rows;
    rows.columns.reserve(leads.size() * size_t(WinFeatures::groups().size()));
    rows.rowStarts.reserve(leads.size() + 1);
    rows.won.reserve(leads.size());
    rows.columnCount = int(columns.size());
    std::vector<qint64> columnCounts(size_t(columns.size()), 0);
    std::vector<int> active;
    for (const qsizetype lead : leads) {
        active.clear();
        for (const int key : history.features(lead)) {
            const int column = columnOfKey[size_t(key)];
            active.push_back(column);
            ++columnCounts[size_t(column)];
        }
        rows.add(active, history.won(lead));
        model.m_wins += history.won(lead) ? 1 : 0;
    }
    model.m_examples = qint64(leads.size());

    const WinLogisticFit::Result fit = WinLogisticFit::fit(rows, options.l2);
    model.m_intercept = fit.intercept;
    model.m_iterations = fit.iterations;
    for (int i = 0; i < columns.size(); ++i) {
        model.m_weights.insert(columns.at(i), fit.weights.at(i));
        const QString group = WinFeatures::groupOf(columns.at(i));
        model.m_groupMeans[group] +=
            fit.weights.at(i) * double(columnCounts[size_t(i)]) / double(model.m_examples);
    }
    // A pooled key no training lead had stands for values never seen: score them as typical.
    for (int i = 0; i < columns.size(); ++i)
        if (columnCounts[size_t(i)] == 0 && WinFeatures::isPooled(columns.at(i)))
            model.m_weights[columns.at(i)] =
                model.m_groupMeans.value(WinFeatures::groupOf(columns.at(i)));
    return model;
}

double WinModel::weight(const QString &featureKey) const {
    if (const auto it = m_weights.constFind(featureKey); it != m_weights.cend())
        return it.value();
    const QString group = WinFeatures::groupOf(featureKey);
    if (const auto it = m_weights.constFind(WinFeatures::pooledKey(group)); it != m_weights.cend())
        return it.value();
    return m_groupMeans.value(group);
}

double WinModel::contribution(const QString &featureKey) const {
    return weight(featureKey) - m_groupMeans.value(WinFeatures::groupOf(featureKey));
}

double WinModel::baseLogOdds() const {
    double base = m_intercept;
    for (const double mean : m_groupMeans)
        base += mean;
    return base;
}

double WinModel::logOdds(const QStringList &featureKeys) const {
    double eta = m_intercept;
    for (const QString &key : featureKeys)
        eta += weight(key);
    return eta;
}

double WinModel::probability(const QStringList &featureKeys) const {
    return isTrained() ? sigmoid(logOdds(featureKeys)) : 0.5;
}

double WinModel::probability(const Lead &lead) const {
    return probability(WinFeatures::keysOf(lead));
}

WinDrivers WinModel::drivers(const Lead &lead, int count) const {
    WinDrivers out;
    if (!isTrained())
        return out;
    // Smaller moves than this change the probability by well under a tenth of a point.
    constexpr double negligible = 1e-3;
    for (const WinFeature &f : WinFeatures::of(lead)) {
        const double c = contribution(f.key);
        if (c > negligible)
            out.up.append({f.key, f.name, c});
        else if (c < -negligible)
            out.down.append({f.key, f.name, c});
    }
    std::sort(out.up.begin(), out.up.end(),
              [](const WinDriver &a, const WinDriver &b) { return a.logOdds > b.logOdds; });
    std::sort(out.down.begin(), out.down.end(),
              [](const WinDriver &a, const WinDriver &b) { return a.logOdds < b.logOdds; });
    out.up = out.up.mid(0, count);
    out.down = out.down.mid(0, count);
    return out;
}

QJsonObject WinModel::toJson() const {
    QJsonObject weights, means;
    for (auto it = m_weights.cbegin(); it != m_weights.cend(); ++it)
        weights.insert(it.key(), it.value());
    for (auto it = m_groupMeans.cbegin(); it != m_groupMeans.cend(); ++it)
        means.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("kind"), jsonKind},
        {QStringLiteral("format"), jsonFormat},
        {QStringLiteral("examples"), double(m_examples)},
        {QStringLiteral("wins"), double(m_wins)},
        {QStringLiteral("iterations"), m_iterations},
        {QStringLiteral("l2"), m_options.l2},
        {QStringLiteral("min_examples"), m_options.minExamples},
        {QStringLiteral("max_values_per_group"), m_options.maxValuesPerGroup},
        {QStringLiteral("intercept"), m_intercept},
        {QStringLiteral("weights"), weights},
        {QStringLiteral("group_means"), means},
    };
}

std::optional<WinModel> WinModel::fromJson(const QJsonObject &json, QString *error) {
    if (json.value(QStringLiteral("kind")).toString() != jsonKind) {
        if (error)
            *error =
                QCoreApplication::translate("WinModel", "win model: \"kind\" is \"%1\", not \"%2\"")
                    .arg(json.value(QStringLiteral("kind")).toString(), jsonKind);
        return std::nullopt;
    }
    const int format = json.value(QStringLiteral("format")).toInt();
    if (format < 1 || format > jsonFormat) {
        if (error)
            *error = QCoreApplication::translate(
                         "WinModel", "win model: format %1 is not one this version reads (1 to %2)")
                         .arg(format)
                         .arg(jsonFormat);
        return std::nullopt;
    }
    WinModel model;
    double examples = 0, wins = 0, minExamples = 0, maxValues = 0, iterations = 0;
    if (!readNumber(json, QStringLiteral("examples"), &examples, error) ||
        !readNumber(json, QStringLiteral("wins"), &wins, error) ||
        !readNumber(json, QStringLiteral("iterations"), &iterations, error) ||
        !readNumber(json, QStringLiteral("l2"), &model.m_options.l2, error) ||
        !readNumber(json, QStringLiteral("min_examples"), &minExamples, error) ||
        !readNumber(json, QStringLiteral("max_values_per_group"), &maxValues, error) ||
        !readNumber(json, QStringLiteral("intercept"), &model.m_intercept, error) ||
        !readNumbers(json, QStringLiteral("weights"), &model.m_weights, error) ||
        !readNumbers(json, QStringLiteral("group_means"), &model.m_groupMeans, error))
        return std::nullopt;
    if (examples < 0 || wins < 0 || wins > examples) {
        if (error)
            *error = QCoreApplication::translate(
                         "WinModel", "win model: %1 wins out of %2 examples is impossible")
                         .arg(wins)
                         .arg(examples);
        return std::nullopt;
    }
    model.m_examples = qint64(examples);
    model.m_wins = qint64(wins);
    model.m_iterations = int(iterations);
    model.m_options.minExamples = int(minExamples);
    model.m_options.maxValuesPerGroup = int(maxValues);
    return model;
}
