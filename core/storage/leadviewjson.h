#pragma once

#include "leadfilter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

// The saved form of a view's filter, sort and columns as JSON. Two filter values are kept
// symbolic, because a view on a shared database is applied by other people on other days:
// the owner "me" (whoever applies it) and the follow-ups due "today" (by the end of the day it
// is applied, local time).
class LeadViewJson {
public:
    // Who "me" is and when "today" ends, at the moment a view is saved or applied.
    struct Context {
        QString me;
        QDateTime now;
    };

    // A filter as saved: an owner equal to context.me becomes "me", a due time at the end of
    // context's day becomes "today"; unset values are left out.
    static QJsonObject filterToJson(const LeadFilter &filter, const Context &context);
    // The filter a saved form means now; unknown keys and values that are not understood are
    // ignored (a newer Leadbench may have saved them).
    static LeadFilter filterFromJson(const QJsonObject &json, const Context &context);
    static QJsonObject sortToJson(const LeadSort &sort);
    // The default sort when the column is not sortable.
    static LeadSort sortFromJson(const QJsonObject &json);
    static QJsonArray columnsToJson(const QStringList &columns);
    static QStringList columnsFromJson(const QJsonArray &json);
    // The end of `now`'s local day (midnight after it), in UTC.
    static QDateTime endOfDay(const QDateTime &now);
};
