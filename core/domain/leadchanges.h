#pragma once

#include <QList>
#include <QPair>
#include <QStringList>
#include <QVariant>

struct Lead;

// The columns an edit sets and the values it sets them to: what an update applies to a lead.
// Values are kept as given and checked when applied, so that a bad one is reported by the
// update that meets it.
class LeadChanges {
public:
    LeadChanges() = default;
    // A column set to a machine value (LeadColumns::value) or to text that parses into one.
    LeadChanges &set(const QString &column, const QVariant &value);
    bool isEmpty() const { return m_values.isEmpty(); }
    QStringList columns() const;
    QVariant value(const QString &column) const;

    // Columns a person may set; the others are kept by Leadbench (id, times of events,
    // the event count, the .edu flag).
    static bool isEditable(const QString &column);
    // Applies the changes to `lead`; returns the reason when one cannot be applied (a column
    // that is not editable, a value that is not of its kind or range, a disqualification for
    // "other" without a text), leaving `lead` as it was, else "".
    QString applyTo(Lead &lead) const;

private:
    QList<QPair<QString, QVariant>> m_values;
};
