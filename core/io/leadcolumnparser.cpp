#include "leadcolumnparser.h"

#include "../domain/lead.h"
#include "../domain/leadcolumns.h"

#include <QVariant>

namespace LeadColumnParser {

bool isSettable(const QString &column) {
    return LeadColumns::isKnown(column) && column != QLatin1String("id");
}

bool set(Lead &lead, const QString &column, const QString &text, QString *error) {
    if (!isSettable(column)) {
        *error = QStringLiteral("field %1: not a column Leadbench reads").arg(column);
        return false;
    }
    if (text.isEmpty())
        return true;
    QVariant value;
    const QString problem = LeadColumns::parse(column, text, &value);
    if (problem.isEmpty() && LeadColumns::setValue(lead, column, value))
        return true;
    *error = QStringLiteral("field %1: %2").arg(column, problem);
    return false;
}

} // namespace LeadColumnParser
