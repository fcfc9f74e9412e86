#pragma once

#include <QString>

// What an email address says about a lead: a work address, a free-mail address, or none.
enum class EmailKind { Corporate, FreeMail, Missing };

namespace EmailKinds {
EmailKind of(const QString &email); // Missing also for text that is no address
bool isFreeMailDomain(const QString &domain);
QString canonicalName(EmailKind k); // "corporate", "free-mail", "missing"
bool fromCanonicalName(const QString &name, EmailKind *out);
} // namespace EmailKinds
