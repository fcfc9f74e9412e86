#pragma once

#include <QString>

// How senior a job title is, as a rep reads it: the buyer, the sponsor, the user or a student.
enum class Seniority {
    CLevel,
    VicePresident,
    Director,
    Manager,
    IndividualContributor,
    Student,
    Unknown
};

namespace TitleSeniority {
// English and the common Dutch, German, French and Spanish titles; Unknown for an empty title.
Seniority of(const QString &title);
QString canonicalName(
    Seniority s); // "c-level", "vp", "director", "manager", "individual", "student", "unknown"
QString displayName(Seniority s); // "C-level", "VP", "Director", …
bool fromCanonicalName(const QString &name, Seniority *out);
} // namespace TitleSeniority
