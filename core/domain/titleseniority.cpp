#include "titleseniority.h"

#include <QList>
#include <QStringList>

namespace {

struct Level {
    Seniority seniority;
    const char *canonical;
    const char *display;
};

constexpr Level levels[] = {
    {Seniority::CLevel, "c-level", "C-level"},
    {Seniority::VicePresident, "vp", "VP"},
    {Seniority::Director, "director", "Director"},
    {Seniority::Manager, "manager", "Manager"},
    {Seniority::IndividualContributor, "individual", "Individual contributor"},
    {Seniority::Student, "student", "Student"},
    {Seniority::Unknown, "unknown", "Unknown"},
};

// Words are matched whole, in a lower-cased title with punctuation turned into spaces; the first
// level with a match wins, so "Vice President" is a VP before it is a president.
struct Words {
    Seniority seniority;
    QStringList words;  // any one of these as a whole word
    QStringList within; // or a compound word holding one ("geschäftsführerin", "productmanager")
};

const QList<Words> &vocabulary() {
    static const QList<Words> table = {
        {Seniority::Student,
         {QStringLiteral("student"), QStringLiteral("intern"), QStringLiteral("stagiair"),
          QStringLiteral("stagiaire"), QStringLiteral("praktikant"), QStringLiteral("praktikantin"),
          QStringLiteral("werkstudent"), QStringLiteral("estudiante"), QStringLiteral("becario"),
          QStringLiteral("trainee"), QStringLiteral("étudiant"), QStringLiteral("etudiant")},
         {}},
        {Seniority::VicePresident,
         {QStringLiteral("vp"), QStringLiteral("svp"), QStringLiteral("evp"),
          QStringLiteral("vice"), QStringLiteral("vicepresident")},
         {}},
        {Seniority::CLevel,
         {QStringLiteral("ceo"),       QStringLiteral("cto"),
          QStringLiteral("cio"),       QStringLiteral("cfo"),
          QStringLiteral("coo"),       QStringLiteral("cmo"),
          QStringLiteral("cdo"),       QStringLiteral("ciso"),
          QStringLiteral("chief"),     QStringLiteral("founder"),
          QStringLiteral("cofounder"), QStringLiteral("co-founder"),
          QStringLiteral("president"), QStringLiteral("eigenaar"),
          QStringLiteral("oprichter"), QStringLiteral("directeur-generaal"),
          QStringLiteral("algemeen"),  QStringLiteral("vorstand"),
          QStringLiteral("inhaber"),   QStringLiteral("pdg"),
          QStringLiteral("fundador")},
         {QStringLiteral("geschäftsführer"), QStringLiteral("geschaftsfuhrer")}},
        {Seniority::Director,
         {QStringLiteral("director"), QStringLiteral("head"), QStringLiteral("directeur"),
          QStringLiteral("direktor"), QStringLiteral("direktorin"), QStringLiteral("leiter"),
          QStringLiteral("leiterin"), QStringLiteral("hoofd"), QStringLiteral("directora"),
          QStringLiteral("responsable"), QStringLiteral("jefe"), QStringLiteral("jefa")},
         {QStringLiteral("bereichsleiter"), QStringLiteral("abteilungsleiter")}},
        {Seniority::Manager,
         {QStringLiteral("manager"), QStringLiteral("lead"), QStringLiteral("teamlead"),
          QStringLiteral("supervisor"), QStringLiteral("coordinator"), QStringLiteral("gerente"),
          QStringLiteral("manageur"), QStringLiteral("teamleider"),
          QStringLiteral("leidinggevende"), QStringLiteral("chef"), QStringLiteral("teamleiter"),
          QStringLiteral("teamleiterin")},
         {QStringLiteral("manager")}},
    };
    return table;
}

QStringList wordsOf(const QString &title) {
    QString cleaned = title.toLower();
    for (QChar &c : cleaned)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-'))
            c = QLatin1Char(' ');
    return cleaned.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

Seniority TitleSeniority::of(const QString &title) {
    const QStringList words = wordsOf(title);
    if (words.isEmpty())
        return Seniority::Unknown;
    for (const Words &level : vocabulary()) {
        for (const QString &word : words) {
            if (level.words.contains(word))
                return level.seniority;
            for (const QString &part : level.within)
                if (word.contains(part))
                    return level.seniority;
        }
    }
    return Seniority::IndividualContributor;
}

QString TitleSeniority::canonicalName(Seniority s) {
    for (const Level &l : levels)
        if (l.seniority == s)
            return QLatin1String(l.canonical);
    return QStringLiteral("unknown");
}

QString TitleSeniority::displayName(Seniority s) {
    for (const Level &l : levels)
        if (l.seniority == s)
            return QLatin1String(l.display);
    return QStringLiteral("Unknown");
}

bool TitleSeniority::fromCanonicalName(const QString &name, Seniority *out) {
    for (const Level &l : levels) {
        if (name == QLatin1String(l.canonical)) {
            *out = l.seniority;
            return true;
        }
    }
    return false;
}
