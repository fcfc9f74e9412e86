#pragma once

struct Lead;
class QString;

// Flags a lead from what the marketplace documents: test leads, .edu privacy, do-not-contact.
namespace LeadClassifier {
bool isTestLead(const Lead &lead);              // MSFT_TEST_ in a name, email or company
bool isPrivacyRestricted(const QString &email); // .edu address: Microsoft withholds PII
bool isDoNotContact(const QString &action);     // DNC: cross-listed partner, inform only
void classify(Lead &lead);                      // sets isTest, privacyRestricted and doNotContact
} // namespace LeadClassifier
