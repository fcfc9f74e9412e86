#include "leadclassifier.h"

#include "lead.h"

namespace LeadClassifier {

namespace {
bool hasTestMarker(const QString &value) {
    // Looking for the underscore first is a plain scan; the case-blind search is not.
    return value.contains(QLatin1Char('_')) &&
           value.contains(QLatin1String("MSFT_TEST_"), Qt::CaseInsensitive);
}
} // namespace

bool isTestLead(const Lead &lead) {
    return hasTestMarker(lead.firstName) || hasTestMarker(lead.lastName) ||
           hasTestMarker(lead.email) || hasTestMarker(lead.company);
}

bool isPrivacyRestricted(const QString &email) {
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return false;
    const QString domain = email.mid(at + 1).trimmed().toLower();
    // US institutions end in .edu; others nest it (uni.edu.au).
    return domain.endsWith(QLatin1String(".edu")) || domain.contains(QLatin1String(".edu.")) ||
           domain == QLatin1String("edu");
}

bool isDoNotContact(const QString &action) {
    return action.trimmed().compare(QLatin1String("DNC"), Qt::CaseInsensitive) == 0;
}

void classify(Lead &lead) {
    lead.isTest = lead.isTest || isTestLead(lead); // a lead once marked test stays so
    lead.privacyRestricted = isPrivacyRestricted(lead.email);
    lead.doNotContact = lead.doNotContact || isDoNotContact(lead.action);
}

} // namespace LeadClassifier
