#pragma once

#include "followupplan.h"
#include "touch.h"

#include <QList>
#include <QPair>
#include <QStringList>
#include <QVariant>

#include <optional>

struct Lead;

// The columns an edit sets and the values it sets them to: what an update applies to a lead.
// Values are kept as given and checked when applied, so that a bad one is reported by the
// update that meets it.
class LeadChanges {
public:
    LeadChanges() = default;
    // A column set to a machine value (LeadColumns::value) or to text that parses into one.
    LeadChanges &set(const QString &column, const QVariant &value);
    // No column, note, touch or plan to store.
    bool isEmpty() const {
        return m_values.isEmpty() && m_note.trimmed().isEmpty() && !m_touch && !m_plan &&
               !m_followUpKind;
    }
    QStringList columns() const;
    QVariant value(const QString &column) const;

    // Columns a person may set; the others are kept by Leadbench (id, times of events,
    // the event count, the .edu flag).
    static bool isEditable(const QString &column);
    // Applies the changes to `lead`; returns the reason when one cannot be applied (a column
    // that is not editable, a value that is not of its kind or range, a disqualification for
    // "other" without a text), leaving `lead` as it was, else "".
    QString applyTo(Lead &lead) const;

    // A person's words with the change, stored as a `note` line; a backward stage move needs
    // one (StagePolicy).
    LeadChanges &setNote(const QString &text);
    QString note() const { return m_note; }
    // A touch logged with the change: one `touch` line in the timeline.
    LeadChanges &setTouch(const Touch &touch);
    const std::optional<Touch> &touch() const { return m_touch; }
    // The follow-up plan the lead has after the change (kind, cadence, first touch); unset:
    // the plan stays as stored.
    LeadChanges &setPlan(const FollowUpPlan &plan);
    const std::optional<FollowUpPlan> &plan() const { return m_plan; }
    // The kind of the next follow-up (TouchKinds: call, email, meeting, task), the rest of the
    // plan as stored.
    LeadChanges &setFollowUpKind(const QString &kind);
    const std::optional<QString> &followUpKind() const { return m_followUpKind; }

private:
    QList<QPair<QString, QVariant>> m_values;
    QString m_note;
    std::optional<Touch> m_touch;
    std::optional<FollowUpPlan> m_plan;
    std::optional<QString> m_followUpKind;
};
