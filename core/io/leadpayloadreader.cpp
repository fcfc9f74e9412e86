#include "leadpayloadreader.h"

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <climits>

namespace {

const QString userDetails = QStringLiteral("UserDetails");

// The fields Microsoft documents for the HTTPS endpoint, in the order a person reads them.
const QStringList &knownFields() {
    static const QStringList fields = {
        QStringLiteral("FirstName"),  QStringLiteral("LastName"),   QStringLiteral("Email"),
        QStringLiteral("Phone"),      QStringLiteral("Country"),    QStringLiteral("Company"),
        QStringLiteral("Title"),      QStringLiteral("LeadSource"), QStringLiteral("ActionCode"),
        QStringLiteral("OfferTitle"), QStringLiteral("Description")};
    return fields;
}

// The documented fields match in any case ("email" is Email); other keys as they are.
QString columnKey(const QString &key) {
    return knownFields().contains(key, Qt::CaseInsensitive) ? key.toLower() : key;
}

QString valueText(const QJsonValue &v) {
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        // Whole numbers keep every digit: a phone number sent as a number stays its digits.
        const qint64 whole = v.toInteger(LLONG_MIN);
        if (whole != LLONG_MIN)
            return QString::number(whole);
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString typeName(const QJsonValue &v) {
    switch (v.type()) {
    case QJsonValue::String:
        return QCoreApplication::translate("LeadPayloadReader", "a string");
    case QJsonValue::Bool:
        return QCoreApplication::translate("LeadPayloadReader", "a boolean");
    case QJsonValue::Double:
        return QCoreApplication::translate("LeadPayloadReader", "a number");
    case QJsonValue::Array:
        return QCoreApplication::translate("LeadPayloadReader", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("LeadPayloadReader", "an object");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("null");
}

// Where each element of the top-level array starts (or the lone object), as byte offset and
// line; one pass over valid JSON, minding only strings and nesting.
void elementStarts(const QByteArray &json, QList<qint64> *starts, QList<qint64> *lines) {
    qint64 line = 1;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    bool elementNext = false;
    bool topArray = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '\n')
            ++line;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if ((depth == 0 && c == '{') || (depth == 1 && elementNext && c != ']')) {
            *starts << i;
            *lines << line;
            elementNext = false;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (depth == 0 && c == '[')
                topArray = elementNext = true;
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 1 && topArray) {
            elementNext = true;
        }
    }
}

} // namespace

LeadPayloadReader::LeadPayloadReader(QIODevice *device)
    : m_device(device) {}

qint64 LeadPayloadReader::bytesRead() const {
    if (m_next >= 0 && m_next < m_starts.size())
        return m_starts.at(m_next);
    return m_loaded ? m_size : 0;
}

bool LeadPayloadReader::load() {
    m_loaded = true;
    QByteArray data;
    while (data.size() <= maxInputSize) {
        const QByteArray chunk =
            m_device->read(qMin<qint64>(1 << 20, maxInputSize + 1 - data.size()));
        if (!chunk.isEmpty()) {
            data += chunk;
            continue;
        }
        if (m_device->isSequential() && m_device->waitForReadyRead(-1))
            continue;
        break;
    }
    m_size = data.size();
    if (data.size() > maxInputSize) {
        m_unreadable =
            QCoreApplication::translate("LeadPayloadReader",
                                        "is over %1 MiB, more than lead payloads take; split it")
                .arg(maxInputSize >> 20);
        return false;
    }
    if (data.trimmed().isEmpty()) {
        m_unreadable =
            QCoreApplication::translate("LeadPayloadReader", "is empty: it holds no lead payload");
        return false;
    }
    // A BOM from a Windows editor; offsets below count from after it.
    const qsizetype bom = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const QByteArray json = data.mid(bom);
    const QByteArray start = json.trimmed().left(1);
    if (start != "{" && start != "[") {
        m_unreadable =
            QCoreApplication::translate("LeadPayloadReader",
                                        "is no lead payload JSON: that starts with { or [, this "
                                        "with \"%1\"")
                .arg(QString::fromUtf8(json.trimmed().left(10)));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const qsizetype offset = std::clamp<qsizetype>(parseError.offset, 0, json.size());
        const qsizetype lineStart = json.lastIndexOf('\n', offset - 1) + 1;
        m_unreadable =
            QCoreApplication::translate("LeadPayloadReader",
                                        "is not valid JSON: %1 at line %2, column %3 (byte %4)")
                .arg(parseError.errorString())
                .arg(json.left(offset).count('\n') + 1)
                .arg(offset - lineStart + 1)
                .arg(offset + bom);
        return false;
    }
    if (doc.isObject()) {
        m_payloads.append(doc.object());
    } else if (doc.isArray()) {
        m_payloads = doc.array();
    } else {
        m_unreadable = QCoreApplication::translate(
            "LeadPayloadReader", "is neither a lead payload object nor an array of them");
        return false;
    }
    elementStarts(json, &m_starts, &m_lines);
    for (qint64 &start : m_starts)
        start += bom;

    m_header = knownFields();
    for (qsizetype i = 0; i < m_header.size(); ++i)
        m_columns.insert(columnKey(m_header.at(i)), i);
    auto see = [&](const QString &key) {
        const QString folded = columnKey(key);
        if (!m_columns.contains(folded)) {
            m_columns.insert(folded, m_header.size());
            m_header << key;
        }
    };
    for (const QJsonValue &payload : std::as_const(m_payloads)) {
        const QJsonObject object = payload.toObject();
        const QJsonObject details = object.value(userDetails).toObject();
        for (auto it = details.constBegin(); it != details.constEnd(); ++it)
            see(it.key());
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            if (it.key() != userDetails || !it.value().isObject())
                see(it.key());
    }
    return true;
}

bool LeadPayloadReader::next() {
    m_fields.clear();
    m_error.clear();
    if (!m_loaded && !load())
        return false;
    if (!m_unreadable.isEmpty() || m_next >= m_payloads.size())
        return false;
    if (m_next < 0) {
        m_fields = m_header;
        m_line = m_textLine = 0;
        m_next = 0;
        return true;
    }
    const qsizetype i = m_next++;
    m_line = i + 1;
    m_textLine = m_lines.value(i);
    for (qsizetype c = 0; c < m_header.size(); ++c)
        m_fields << QString();
    const QJsonValue payload = m_payloads.at(i);
    if (!payload.isObject()) {
        m_error = QCoreApplication::translate("LeadPayloadReader", "is %1, not a lead object")
                      .arg(typeName(payload));
        return true;
    }
    const QJsonObject object = payload.toObject();
    auto fill = [&](const QJsonObject &from, bool topLevel) {
        for (auto it = from.constBegin(); it != from.constEnd(); ++it) {
            if (topLevel && it.key() == userDetails && it.value().isObject())
                continue;
            const qsizetype c = m_columns.value(columnKey(it.key()), -1);
            if (c >= 0 && m_fields.at(c).isEmpty())
                m_fields[c] = valueText(it.value());
        }
    };
    const QJsonValue details = object.value(userDetails);
    if (details.isObject())
        fill(details.toObject(), false);
    fill(object, true);
    return true;
}
