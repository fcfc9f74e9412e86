#include "languageloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace {

// The same settings file as the window's layout.
const QLatin1String settingsOrganization("Leadbench");
const QLatin1String settingsApplication("Leadbench");
const QLatin1String choiceKey("ui/language");
// Where the build embeds the compiled translations (qt_add_translations' resource prefix).
const QLatin1String embeddedTranslations(":/i18n");

QString codeOf(const QLocale &locale) {
    return QLocale::languageToCode(locale.language());
}

} // namespace

LanguageLoader::LanguageLoader() = default;

LanguageLoader::~LanguageLoader() {
    if (m_leadbench)
        QCoreApplication::removeTranslator(m_leadbench.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
}

QStringList LanguageLoader::languages() {
    return {QStringLiteral("en"), QStringLiteral("nl")};
}

QString LanguageLoader::nativeName(const QString &language) {
    const QString name = QLocale(QLocale::codeToLanguage(language)).nativeLanguageName();
    return name.isEmpty() ? name : name.at(0).toUpper() + name.mid(1);
}

QString LanguageLoader::storedChoice() {
    const QString choice =
        QSettings(settingsOrganization, settingsApplication).value(choiceKey).toString();
    return languages().contains(choice) ? choice : QString();
}

void LanguageLoader::storeChoice(const QString &language) {
    QSettings s(settingsOrganization, settingsApplication);
    if (languages().contains(language))
        s.setValue(choiceKey, language);
    else
        s.remove(choiceKey);
}

QLocale LanguageLoader::localeFor(const QString &language) {
    const QLocale system = QLocale::system();
    if (language.isEmpty() || codeOf(system) == language)
        return system;
    return QLocale(QLocale::codeToLanguage(language));
}

bool LanguageLoader::install(const QLocale &locale, QString *error) {
    QLocale::setDefault(locale);
    // The first of the locale's languages that Leadbench speaks; English when none is.
    m_language = QStringLiteral("en");
    for (const QString &name : locale.uiLanguages()) {
        const QString code = codeOf(QLocale(name));
        if (languages().contains(code)) {
            m_language = code;
            break;
        }
    }
    if (m_leadbench)
        QCoreApplication::removeTranslator(m_leadbench.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_leadbench.reset();
    m_qt.reset();
    if (m_language == QLatin1String("en"))
        return true;

    const QLocale spoken(QLocale::codeToLanguage(m_language));
    auto leadbench = std::make_unique<QTranslator>();
    if (!leadbench->load(spoken, QStringLiteral("leadbench"), QStringLiteral("_"),
                         embeddedTranslations)) {
        if (error)
            *error = QStringLiteral("no translation %1/leadbench_%2.qm in the program")
                         .arg(embeddedTranslations, m_language);
        m_language = QStringLiteral("en");
        return false;
    }
    QCoreApplication::installTranslator(leadbench.get());
    m_leadbench = std::move(leadbench);
    // Qt's own words for its standard dialogs and buttons; without the package they stay
    // English, which is no reason to refuse the rest.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(spoken, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qt = std::move(qt);
    }
    return true;
}
