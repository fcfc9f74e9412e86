#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

class QJsonObject;
class QSqlQuery;
class SqlStatement;
struct Lead;
namespace DedupKey {
struct Identity;
}

// How a lead maps onto a row of the leads table: the column lists, the values bound on a
// write and the lead read back from a row. Only storage uses it.
namespace LeadRow {
// The columns a read selects, in the order fromRow() reads them.
const QString &selectColumns();
// The columns an insert writes (all but id and version), in the order bind() binds them.
const QStringList &writeColumns();
// The stored value of one write column of a lead ("" for unset text and times).
QVariant storedValue(const Lead &lead, const QString &column);
// Binds the write columns of a lead, in writeColumns() order, to a statement's placeholders
// 0, 1, … from `first` on.
void bind(SqlStatement &statement, const Lead &lead, int first = 0);
// The same with the lead's identity (DedupKey::identity) already worked out.
void bind(SqlStatement &statement, const Lead &lead, const DedupKey::Identity &identity,
          int first = 0);
Lead fromRow(const QSqlQuery &query, int first = 0);
Lead fromStatement(const SqlStatement &statement, int first = 0); // the same, from its row
// Empty text is stored as '' rather than NULL: columns are NOT NULL so sorting and keyset
// comparisons never meet a NULL.
QVariant text(const QString &value);
// A lead's extra fields as stored: compact JSON, "" when it has none.
QString extraText(const QJsonObject &fields);
} // namespace LeadRow
