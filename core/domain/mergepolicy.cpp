#include "mergepolicy.h"

#include "dedupkey.h"
#include "lead.h"
#include "leadclassifier.h"
#include "leaddiff.h"

namespace MergePolicy {

Lead created(const Lead &incoming, const QDateTime &at) {
    Lead lead = incoming;
    LeadClassifier::classify(lead);
    if (!lead.createdAt.isValid())
        lead.createdAt = at;
    if (!lead.lastEventAt.isValid())
        lead.lastEventAt = std::max(lead.createdAt, at);
    lead.events = std::max(1, lead.events);
    return lead;
}

Lead merged(const Lead &stored, const Lead &incoming, const QDateTime &at) {
    Lead lead = stored;
    for (QString Lead::*member :
         {&Lead::firstName, &Lead::lastName, &Lead::email, &Lead::phone, &Lead::country,
          &Lead::company, &Lead::title, &Lead::offerTitle, &Lead::description, &Lead::campaign}) {
        if ((lead.*member).isEmpty() && !(incoming.*member).isEmpty())
            lead.*member = incoming.*member;
    }
    if (!lead.createdAt.isValid() || at < lead.createdAt)
        lead.createdAt = at;
    if (!lead.lastEventAt.isValid() || at >= lead.lastEventAt) {
        // The newest touch says where the customer is now (Contact me → Test Drive → Install).
        lead.lastEventAt = at;
        if (!incoming.action.isEmpty())
            lead.action = incoming.action;
        if (incoming.storefront != Storefront::Other)
            lead.storefront = incoming.storefront;
    }
    lead.events += 1;
    // A file's extra columns are kept as they first came; new ones are added.
    for (auto it = incoming.extraFields.constBegin(); it != incoming.extraFields.constEnd(); ++it)
        if (!lead.extraFields.contains(it.key()))
            lead.extraFields.insert(it.key(), it.value());
    LeadClassifier::classify(lead);
    // Only the record itself can ask for do-not-contact: a rep who cleared the flag on this
    // lead is not overruled by an older DNC action it still carries.
    lead.doNotContact = stored.doNotContact || incoming.doNotContact ||
                        LeadClassifier::isDoNotContact(incoming.action);
    return lead;
}

bool addsNothing(const Lead &stored, const Lead &incoming) {
    Lead after = merged(stored, incoming, stored.lastEventAt);
    after.events = stored.events;
    return LeadDiff::changes(stored, after).isEmpty() && after.extraFields == stored.extraFields;
}

std::optional<Lead> samePerson(const Lead &incoming, const QList<Lead> &candidates) {
    const QString key = DedupKey::nameKey(incoming);
    std::optional<Lead> found;
    for (const Lead &candidate : candidates) {
        if (DedupKey::nameKey(candidate) != key)
            continue; // the same name hash, another person
        if (found)
            return std::nullopt; // two such people: the record cannot tell which one it is
        found = candidate;
    }
    return found;
}

} // namespace MergePolicy
