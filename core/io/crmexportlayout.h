#pragma once

#include "crmvocabulary.h"

#include <QStringList>

struct Lead;

// The columns another CRM's lead import reads, under that CRM's own names, and each lead's
// values in that CRM's words, so that an exported file imports there without mapping.
class CrmExportLayout {
public:
    // Written where a CRM requires a value Leadbench does not have; it is Salesforce's own
    // placeholder for a web lead without a company.
    static QString notProvided() { return QStringLiteral("[not provided]"); }

    // Salesforce (Data Import Wizard) or Dynamics 365 (lead import).
    explicit CrmExportLayout(CrmVocabulary::Crm crm);

    // The canonical columns row() reads from a lead; an export reads only these.
    static const QStringList &sourceColumns();

    CrmVocabulary::Crm crm() const { return m_crm; }
    const QStringList &headers() const { return m_headers; }
    // One cell per header, in order.
    QStringList row(const Lead &lead) const;
    // Whether a cell holds text a person typed, which a spreadsheet must not run as a formula.
    // A phone number ("+31 20 555 0100") is left as it is: the CRM would keep a leading ' as
    // part of the number, and digits, spaces and + - ( ) . / run nothing.
    bool mayNeutralise(qsizetype column, const QString &cell) const;

private:
    CrmVocabulary::Crm m_crm;
    QStringList m_headers;
    QList<bool> m_typedText;
    qsizetype m_phone = -1;
};
