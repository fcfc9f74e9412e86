#pragma once

#include "datetext.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

// Which lead field each column of a file fills: proposed from the header and a few rows, shown
// to the user, and saved as a profile for the next file of the same kind.
struct ColumnMapping {
    using DateOrder = DateText::Order; // Auto, DayFirst, MonthFirst
    struct Column {
        QString header; // as written in the file
        // A canonical lead column (LeadColumns), one of the special targets, or empty: ignored.
        QString target;
        QString note; // why it is ignored or how it is read
        // Fills its target only when no other column does (a mobile number beside the phone);
        // it is then kept as an extra field.
        bool weak = false;
    };
    // Special targets besides canonical columns:
    static QString leadSourceTarget();   // "lead_source": a marketplace Source-Action|Offer string
    static QString customerInfoTarget(); // "customer_info": the Azure Table's JSON {"FirstName":…}
    static QString fullNameTarget();     // "full_name": one Name column, split into first / last
    static QString extraTarget();        // "extra": kept on the lead as an extra field
    static QString namePrefixTarget();   // "name_prefix": a Dutch tussenvoegsel, before last name
    // Every target a column may have, the empty one (ignored) aside.
    static bool isTarget(const QString &target);

    // The known layout the header matched best: "microsoft", "azure-table", "leadbench",
    // "salesforce", "dynamics", "hubspot", "dutch"; "mixed" when columns of several layouts
    // were needed; empty when the header names nothing known; or a profile's name.
    QString layout;
    QList<Column> columns; // one per file column, in file order
    DateOrder dateOrder = DateOrder::Auto;

    // Proposes a mapping: headers matched case- and punctuation-insensitively against the
    // known layouts; the sample rows (the first ~100 records) find a Source-Action|Offer column
    // wherever it is, and settle the date order (a day above 12 settles it; else the layout's
    // habit: Salesforce and HubSpot month-first, Dutch day-first; ISO needs none).
    static ColumnMapping detect(const QStringList &header, const QList<QStringList> &samples = {});
    // Empty when the mapping fills something that identifies a customer (email, first or last
    // name, company, a full name or customer info); else the message the importer gives.
    QString missingIdentity() const;
    // The columns' headers and targets and the date order, reusable on any file with those
    // headers.
    QJsonObject toProfile(const QString &name) const;
    // The profile's targets for the header's columns; columns the profile does not know are
    // detected. Sets *error (and returns what could be mapped) when the profile is not one, a
    // target is unknown, or a column the profile reads is missing from the header.
    static ColumnMapping fromProfile(const QJsonObject &profile, const QStringList &header,
                                     QString *error);
    int indexOf(const QString &target) const; // the column filling `target`, -1 when none

private:
    // Claims each target for one column: weak columns yield, later duplicates are ignored.
    void resolveDuplicates();
    void settleDateOrder(const QList<QStringList> &samples, const QString &habitLayout);
};
