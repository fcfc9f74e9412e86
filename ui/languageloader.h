#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

#include <memory>

class QTranslator;

// The language the window speaks: Leadbench's and Qt's own translations installed on the
// application, and the default locale that dates, numbers and currency are formatted in.
class LanguageLoader {
public:
    LanguageLoader();
    ~LanguageLoader(); // removes the translators it installed
    LanguageLoader(const LanguageLoader &) = delete;
    LanguageLoader &operator=(const LanguageLoader &) = delete;

    // The languages Leadbench speaks, as ISO 639 codes; English is the source.
    static QStringList languages();
    // A language's name in that language ("Nederlands"), as the Language menu lists it.
    static QString nativeName(const QString &language);

    // Settings → Language: a code from languages(), or empty to follow the system.
    static QString storedChoice();
    static void storeChoice(const QString &language);

    // The locale for `language` (a code, or empty for the system's): the system locale when it
    // is in that language, so that its territory's formats stay (nl_BE), else the language's
    // own. An empty choice on a system in a language Leadbench does not speak keeps the
    // system's formats; the words are then English.
    static QLocale localeFor(const QString &language);

    // Makes `locale` the default and installs Leadbench's and Qt's translations for its
    // language. False, with the reason, when a language Leadbench speaks has no translation
    // in the program (the window then stays English).
    bool install(const QLocale &locale, QString *error = nullptr);
    // The language installed: a code from languages().
    QString language() const { return m_language; }

private:
    std::unique_ptr<QTranslator> m_leadbench;
    std::unique_ptr<QTranslator> m_qt;
    QString m_language;
};
