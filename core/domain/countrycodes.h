#pragma once

#include <QString>

// Country names as people and CRMs write them, read as ISO 3166 alpha-2 codes.
namespace CountryCodes {
// The ISO 3166 alpha-2 code for an ISO code in any case, an English name, a common alias (USA,
// UK, England, "Korea, Republic of"), or the country's name in its own languages (Deutschland,
// België, 日本), case-, accent- and space-insensitively; empty when it names no country.
QString fromText(const QString &text);
bool isCode(const QString &code); // an assigned alpha-2 code, upper case
} // namespace CountryCodes
