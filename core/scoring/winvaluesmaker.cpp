#include "winvaluesmaker.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

WinValuesMaker::WinValuesMaker(const WinModel &model)
    : m_model(model) {}

void WinValuesMaker::make(const Lead &lead, double *probability, QByteArray *drivers) {
    drivers->clear();
    if (!m_model.isTrained() || lead.isTest || lead.doNotContact || Stages::isClosed(lead.stage)) {
        *probability = 0.0;
        return;
    }
    *probability = m_model.probability(lead);
    const WinDrivers found = m_model.drivers(lead, 3);
    drivers->append(R"({"up":[)");
    append(found.up, drivers);
    drivers->append(R"(],"down":[)");
    append(found.down, drivers);
    drivers->append("]}");
}

void WinValuesMaker::append(const QList<WinDriver> &drivers, QByteArray *out) {
    for (qsizetype i = 0; i < drivers.size(); ++i) {
        if (i > 0)
            out->append(',');
        out->append(piece(drivers.at(i)));
    }
}

// {"name":"Director","effect":0.41}: the effect in log-odds, to two decimals.
const QByteArray &WinValuesMaker::piece(const WinDriver &d) {
    const QString id = d.key + QChar(0) + d.name;
    auto it = m_pieces.find(id);
    if (it != m_pieces.end())
        return it.value();
    // The name escaped as JSON, without the brackets of the array it was written in.
    const QByteArray name = QJsonDocument(QJsonArray{d.name}).toJson(QJsonDocument::Compact);
    const double effect = std::round(d.logOdds * 100.0) / 100.0;
    QByteArray json = R"({"name":)" + name.mid(1, name.size() - 2) + R"(,"effect":)" +
                      QByteArray::number(effect == 0.0 ? 0.0 : effect, 'g', 15) + '}';
    return m_pieces.insert(id, json).value();
}
