#pragma once

#include <QHash>
#include <QList>
#include <QString>

// The column headers one kind of file uses (Microsoft's lead fields, an Azure Table export,
// Leadbench's own columns, Salesforce, Dynamics 365, HubSpot, Dutch labels) and the lead
// field each one fills. Headers are compared by key().
struct HeaderLayout {
    struct Entry {
        QString target; // as ColumnMapping::Column::target; empty: ignored
        QString note;
        // Fills its field only when no other column does: Azure's Timestamp beside
        // CreatedTime, a mobile number beside the phone.
        bool weak = false;
    };
    QString name;
    QHash<QString, Entry> entries; // by key()
    // Months and days as the layout's program writes them when they are ambiguous.
    enum class DateHabit { None, DayFirst, MonthFirst } dateHabit = DateHabit::None;

    // Lower case, letters and digits only: "First Name", "first_name" and "FirstName" agree.
    static QString key(const QString &header);
    // microsoft, azure-table, leadbench, salesforce, dynamics, hubspot, dutch: the order in
    // which a tie is settled.
    static const QList<HeaderLayout> &all();
    // Headers any file may use: Name and Full Name as one name to split.
    static const HeaderLayout &common();
};
