#pragma once

#include "../domain/intakerecord.h"
#include "../domain/lead.h"
#include "../domain/leadevent.h"
#include "columnmapping.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

// One record of a file as a lead, or why it cannot be one.
struct MappedRecord {
    Lead lead;         // classified (LeadClassifier), country as ISO code
    LeadEvent event;   // channel "import", the raw LeadSource kept verbatim
    QJsonObject extra; // columns mapped to "extra" that have text: header → value
    // Why the record cannot be a lead, naming the file's header: field Country: "…" is …;
    // empty when fine.
    QString error;
    QStringList warnings; // what was changed or left out but did not reject the record

    IntakeRecord toIntake() const; // the lead with its extra fields, ready to be taken in
};

// Turns one record of a file into a lead by a ColumnMapping. Built once per file; map() runs
// for every row, so the header's meaning is settled here and a row costs lookups only.
class LeadRecordMapper {
public:
    explicit LeadRecordMapper(const ColumnMapping &mapping);
    MappedRecord map(const QStringList &fields) const; // fields.size() == mapping.columns.size()

private:
    enum class Kind {
        Text,
        Email,
        Action,  // fills what the LeadSource leaves out
        OfferId, // likewise
        Storefront,
        Stage,
        Grade,
        Country,
        Time,
        Flag,
        Parsed, // the rest of Leadbench's columns, read by LeadColumns::parse
        LeadSource,
        CustomerInfo,
        FullName,
        NamePrefix,
        Extra
    };
    struct Setter {
        int at = 0;
        Kind kind = Kind::Text;
        QString header;
        QString column;
        QString Lead::*text = nullptr;
        QDateTime Lead::*time = nullptr;
        bool Lead::*flag = nullptr;
    };
    // False, with r.error set, when the value rejects the record.
    bool apply(const Setter &s, const QString &value, MappedRecord &r) const;
    void setCountry(const QString &header, const QString &value, MappedRecord &r) const;
    bool setCustomerInfo(const Setter &s, const QString &value, MappedRecord &r) const;

    // In the order they run: LeadSource, CustomerInfo and a full name first, so that the
    // columns of their own win; a name prefix after the last name.
    QList<Setter> m_setters;
    int m_columns = 0;
    int m_testAt = -1;
    int m_doNotContactAt = -1;
    DateText::Order m_dateOrder = DateText::Order::Auto;
};
