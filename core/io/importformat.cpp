#include "importformat.h"

bool ImportFormat::parse(const QString &name, Kind *kind) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("auto"))
        *kind = Auto;
    else if (n == QLatin1String("csv"))
        *kind = Csv;
    else if (n == QLatin1String("xlsx"))
        *kind = Xlsx;
    else if (n == QLatin1String("json"))
        *kind = Json;
    else
        return false;
    return true;
}

QString ImportFormat::name(Kind kind) {
    switch (kind) {
    case Auto:
        return QStringLiteral("auto");
    case Csv:
        return QStringLiteral("csv");
    case Xlsx:
        return QStringLiteral("xlsx");
    case Json:
        return QStringLiteral("json");
    }
    return QString();
}

ImportFormat::Kind ImportFormat::detect(const QByteArray &head) {
    if (head.startsWith("PK\x03\x04"))
        return Xlsx;
    qsizetype i = head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < head.size() &&
           (head.at(i) == ' ' || head.at(i) == '\t' || head.at(i) == '\r' || head.at(i) == '\n'))
        ++i;
    if (i < head.size() && (head.at(i) == '{' || head.at(i) == '['))
        return Json;
    return Csv;
}
