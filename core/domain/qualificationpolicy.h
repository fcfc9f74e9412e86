#pragma once

#include "leadchanges.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class Qualification;
struct Lead;
struct OpportunityDetails;

// The qualification prerequisites (BANT by default) and the rules of each step from lead to
// opportunity: ticking the checklist, qualify, convert, disqualify. Each step is the column
// changes an edit applies, so that it goes through the versioned write with an activity per
// column and undoes like any edit; or the reason it is refused, naming the lead and what is
// missing.
class QualificationPolicy {
public:
    struct Prerequisite {
        QString item;  // checklist item name (Qualification::isItemName)
        QString label; // as a person reads it: "Budget"
    };
    struct Step {
        LeadChanges changes;
        QString refusal; // "" when the step may be taken
        bool ok() const { return refusal.isEmpty(); }
    };

    // Budget, authority, need, timeline.
    QualificationPolicy();
    // Other prerequisites, in the order a checklist shows them; every one is needed to qualify.
    explicit QualificationPolicy(const QList<Prerequisite> &prerequisites);

    // Why these cannot be a checklist (none, an item name that is not one, an item twice, an
    // item without a label), or "".
    static QString checkPrerequisites(const QList<Prerequisite> &prerequisites);

    const QList<Prerequisite> &prerequisites() const { return m_prerequisites; }
    QStringList items() const;
    // The prerequisites `checklist` has not ticked, in order.
    QStringList missing(const Qualification &checklist) const;

    // Ticks or unticks prerequisites of the lead's checklist. An item that is no prerequisite
    // is refused; ticking a ticked item keeps who ticked it first.
    Step tick(const Lead &lead, const QStringList &items, const QString &by,
              const QDateTime &at) const;
    Step untick(const Lead &lead, const QStringList &items) const;
    // Ticks `items`, then moves the lead to qualified once every prerequisite is ticked; clears
    // a disqualification left from before. Refused for a closed lead, an opportunity, a
    // do-not-contact lead and a test lead.
    Step qualify(const Lead &lead, const QStringList &items, const QString &by,
                 const QDateTime &at) const;
    // Records the opportunity details and moves a qualified lead to opportunity (an
    // opportunity's details may be changed the same way). Every detail is needed.
    Step convert(const Lead &lead, const OpportunityDetails &details) const;
    // Moves the lead to disqualified with a reason (DisqualifyReasons' canonical name) and an
    // optional text ("other" needs one); the next follow-up is cleared. Refused without a
    // reason and for a won or lost lead.
    Step disqualify(const Lead &lead, const QString &reason, const QString &text) const;

private:
    // Ticks `items` on the lead's checklist into `checklist`; the refusal, or "".
    QString ticked(const Lead &lead, const QStringList &items, const QString &by,
                   const QDateTime &at, Qualification *checklist) const;
    // The moves forward a closed, do-not-contact or test lead is refused, each its own sentence.
    enum class Move { Qualify, Convert };
    // Why the lead cannot move forward at all (closed, do-not-contact, test), or "".
    static QString closedTo(const Lead &lead, Move move);

    QList<Prerequisite> m_prerequisites;
};
