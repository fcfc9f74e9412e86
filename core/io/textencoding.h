#pragma once

#include <QByteArray>
#include <QString>

// The text encodings CSV files arrive in, how to tell them apart, and how to decode them.
class TextEncoding {
public:
    enum Kind { Auto, Utf8, Utf16LE, Utf16BE, Windows1252 };

    // "auto", "utf-8", "utf-16", "utf-16le", "utf-16be", "windows-1252" (also "cp1252");
    // "utf-16" means "by its BOM, little-endian without one". False for any other name.
    static bool parse(const QString &name, Kind *kind);
    static QString name(Kind kind);

    // The encoding of a file that starts with `head`: its BOM, else UTF-8 when the bytes are
    // valid UTF-8, else Windows-1252 (what Excel writes on a Western European Windows).
    // `bomLength` receives the number of BOM bytes to skip.
    static Kind detect(const QByteArray &head, qsizetype *bomLength);
    // The BOM `head` starts with for `kind` (0 when none): an explicit choice still skips it.
    static qsizetype bomLength(Kind kind, const QByteArray &head);

    // True when `bytes` are valid UTF-8, ignoring a sequence cut off at the very end (the rest
    // of it may come with the next read).
    static bool isValidUtf8Prefix(const QByteArray &bytes);

    // Windows-1252 differs from Latin-1 in 0x80–0x9F (€, curly quotes, dashes, …), and Qt 6.4
    // has no built-in codec for it.
    static QString fromWindows1252(const QByteArray &bytes);
};
