#pragma once

#include "../domain/stage.h"
#include "../domain/storefront.h"

#include <QDateTime>
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
    QDateTime since; // created_at >= since
    QDateTime until; // created_at < until
    bool includeTest = false;
};

// The order of a list: any canonical column, or "name" (the name as shown), either way; ties
// broken by id. Stages sort in pipeline order; an unset follow-up sorts last either way.
struct LeadSort {
    QString column = QStringLiteral("last_event_at");
    bool descending = true;
};

// Where a keyset page ends: the sort key values and id of its last lead.
struct LeadCursor {
    QVariantList keys;
    qint64 id = 0;
};
