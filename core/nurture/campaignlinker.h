#pragma once

#include "../storage/database.h"

#include <QString>

// Links the leads without a campaign to one by the campaign rules (storefront and action), each
// link a versioned edit of the lead's `campaign` with its timeline line.
class CampaignLinker {
public:
    explicit CampaignLinker(const Database &db);

    struct Result {
        bool ok = false;
        qint64 linked = 0;
        qint64 unmatched = 0; // no rule for their storefront and action
        QString error;
    };
    Result linkByRules(const QString &actor);

private:
    Database m_db;
};
