#pragma once

#include "../domain/stage.h"
#include "../domain/storefront.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

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

// The order of a list: any canonical column, either way; ties broken by id.
struct LeadSort {
    QString column = QStringLiteral("last_event_at");
    bool descending = true;
};

// Where a keyset page ends: the sort value and id of its last lead.
struct LeadCursor {
    QVariant sortValue;
    qint64 id = 0;
};
