#pragma once

#include <QString>

// A person's name in one piece, as a "Name" column holds it, split into first and last name.
struct PersonName {
    QString first;
    QString last;

    // "Jan de Vries" → Jan / de Vries (the last name starts at a particle such as van, de, von,
    // da, le); "Mary Ann Smith" → Mary Ann / Smith; "Vries, Jan de" → Jan de / Vries; "Smith
    // Jr." keeps the suffix with the last name. Salutations (Mr, Mrs, Dr, Dhr., Mevr., Herr,
    // Frau) are dropped. One word is a first name, which is what a form's single name field
    // mostly gets, unless a salutation stood before it ("Dhr. Jansen" → last name Jansen).
    static PersonName split(const QString &text);
};
