#include "textencoding.h"

namespace {

// Windows-1252's 0x80–0x9F. The five bytes it leaves undefined map to the C1 control of the
// same number, as Windows itself decodes them, so that no byte is ever lost.
constexpr char16_t windows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

} // namespace

bool TextEncoding::parse(const QString &name, Kind *kind) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("auto"))
        *kind = Auto;
    else if (n == QLatin1String("utf-8") || n == QLatin1String("utf8"))
        *kind = Utf8;
    else if (n == QLatin1String("utf-16") || n == QLatin1String("utf16") ||
             n == QLatin1String("utf-16le"))
        *kind = Utf16LE;
    else if (n == QLatin1String("utf-16be"))
        *kind = Utf16BE;
    else if (n == QLatin1String("windows-1252") || n == QLatin1String("cp1252"))
        *kind = Windows1252;
    else
        return false;
    return true;
}

QString TextEncoding::name(Kind kind) {
    switch (kind) {
    case Auto:
        return QStringLiteral("auto");
    case Utf8:
        return QStringLiteral("utf-8");
    case Utf16LE:
        return QStringLiteral("utf-16le");
    case Utf16BE:
        return QStringLiteral("utf-16be");
    case Windows1252:
        return QStringLiteral("windows-1252");
    }
    return QString();
}

qsizetype TextEncoding::bomLength(Kind kind, const QByteArray &head) {
    switch (kind) {
    case Utf8:
        return head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    case Utf16LE:
        return head.startsWith("\xFF\xFE") ? 2 : 0;
    case Utf16BE:
        return head.startsWith("\xFE\xFF") ? 2 : 0;
    case Auto:
    case Windows1252:
        break;
    }
    return 0;
}

TextEncoding::Kind TextEncoding::detect(const QByteArray &head, qsizetype *bomLength) {
    *bomLength = 0;
    for (const Kind kind : {Utf8, Utf16LE, Utf16BE}) {
        if (const qsizetype n = TextEncoding::bomLength(kind, head)) {
            *bomLength = n;
            return kind;
        }
    }
    return isValidUtf8Prefix(head) ? Utf8 : Windows1252;
}

bool TextEncoding::isValidUtf8Prefix(const QByteArray &bytes) {
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        if (c >= 0xC2 && c <= 0xDF)
            length = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            length = 3;
        else if (c >= 0xF0 && c <= 0xF4)
            length = 4;
        else
            return false;
        for (int k = 1; k < length; ++k) {
            if (i + k >= n)
                return true; // cut off by the read, not wrong
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
        }
        // Overlong three- and four-byte forms, surrogates, and code points past U+10FFFF.
        if ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] >= 0xA0) ||
            (c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] >= 0x90))
            return false;
        i += length;
    }
    return true;
}

QString TextEncoding::fromWindows1252(const QByteArray &bytes) {
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        out[i] = (c >= 0x80 && c < 0xA0) ? QChar(windows1252High[c - 0x80]) : QChar(char16_t(c));
    }
    return text;
}
