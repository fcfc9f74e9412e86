#pragma once

#include "../domain/stage.h"
#include "../domain/storefront.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <optional>

// Which leads a list, count or statistic covers. Test leads are left out unless asked for.
struct LeadFilter {
    std::optional<Storefront> storefront;
    std::optional<Stage> stage;
    QString owner;
    QString offerId;
    QString action;
    QString search; // every word must appear in a name, email, company or title
    std::optional<int> minScore;
    QString grade;             // "A" to "D"; empty for any
    bool doNotContact = false; // only the leads marked do-not-contact
    QDateTime dueBefore;       // a next follow-up is set and earlier than this
    QDateTime since;           // created_at >= since
    QDateTime until;           // created_at < until
    bool includeTest = false;
    QString campaign;    // linked to this campaign (its name)
    QString origin;      // marketplace, co-sell, import, manual
    QString destination; // own-crm, co-sell, marketplace
    // Only the leads past the first-touch SLA (FirstTouchSla) of `slaTargetHours`, as at
    // `slaNow` (null: the time of the query): touched late, or open and still untouched.
    bool slaBreached = false;
    int slaTargetHours = 24;
    QDateTime slaNow;
    // Only these leads, when not empty (a selection in the window); the other conditions
    // still apply. Never part of a saved view.
    QList<qint64> ids;

    friend bool operator==(const LeadFilter &, const LeadFilter &) = default;
};

// The order of a list: any canonical column, or "name" (the name as shown), either way; ties
// broken by id. Stages sort in pipeline order; an unset follow-up sorts last either way.
struct LeadSort {
    QString column = QStringLiteral("last_event_at");
    bool descending = true;

    friend bool operator==(const LeadSort &, const LeadSort &) = default;
};

// Where a keyset page ends: the sort key values and id of its last lead.
struct LeadCursor {
    QVariantList keys;
    qint64 id = 0;
};
