#include "qualificationpolicy.h"

#include "disqualifyreason.h"
#include "lead.h"
#include "leadcolumns.h"
#include "opportunitydetails.h"
#include "qualification.h"

#include <QCoreApplication>

namespace {

// "a", "a and b", "a, b and c".
QString listed(const QStringList &items) {
    if (items.size() < 2)
        return items.join(QString());
    return QCoreApplication::translate("QualificationPolicy", "%1 and %2")
        .arg(QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")), items.last());
}

} // namespace

QualificationPolicy::QualificationPolicy()
    : QualificationPolicy(QList<Prerequisite>{
          {QStringLiteral("budget"), QCoreApplication::translate("Qualification", "Budget")},
          {QStringLiteral("authority"), QCoreApplication::translate("Qualification", "Authority")},
          {QStringLiteral("need"), QCoreApplication::translate("Qualification", "Need")},
          {QStringLiteral("timeline"), QCoreApplication::translate("Qualification", "Timeline")},
      }) {}

QualificationPolicy::QualificationPolicy(const QList<Prerequisite> &prerequisites)
    : m_prerequisites(prerequisites) {}

QString QualificationPolicy::checkPrerequisites(const QList<Prerequisite> &prerequisites) {
    if (prerequisites.isEmpty())
        return QCoreApplication::translate("QualificationPolicy",
                                           "a checklist needs at least one prerequisite");
    QStringList seen;
    for (const Prerequisite &p : prerequisites) {
        if (!Qualification::isItemName(p.item))
            return QCoreApplication::translate("QualificationPolicy",
                                               "\"%1\" is not a prerequisite name: use 1 to 40 "
                                               "lower-case letters, digits, - and _")
                .arg(p.item);
        if (seen.contains(p.item))
            return QCoreApplication::translate("QualificationPolicy",
                                               "prerequisite \"%1\" is listed twice")
                .arg(p.item);
        if (p.label.trimmed().isEmpty())
            return QCoreApplication::translate("QualificationPolicy",
                                               "prerequisite \"%1\" has no label")
                .arg(p.item);
        seen << p.item;
    }
    return {};
}

QStringList QualificationPolicy::items() const {
    QStringList out;
    for (const Prerequisite &p : m_prerequisites)
        out << p.item;
    return out;
}

QStringList QualificationPolicy::missing(const Qualification &checklist) const {
    QStringList out;
    for (const Prerequisite &p : m_prerequisites)
        if (!checklist.isTicked(p.item))
            out << p.item;
    return out;
}

QString QualificationPolicy::ticked(const Lead &lead, const QStringList &items, const QString &by,
                                    const QDateTime &at, Qualification *checklist) const {
    *checklist = lead.qualification;
    const QStringList known = this->items();
    for (const QString &raw : items) {
        const QString item = raw.trimmed().toLower();
        if (!known.contains(item))
            return QCoreApplication::translate(
                       "QualificationPolicy",
                       "lead %1: \"%2\" is not a qualification prerequisite (%3)")
                .arg(QString::number(lead.id), raw, known.join(QStringLiteral(", ")));
        checklist->tick(item, by, at);
    }
    return {};
}

QString QualificationPolicy::closedTo(const Lead &lead, Move move) {
    const QString id = QString::number(lead.id);
    const bool qualify = move == Move::Qualify;
    if (Stages::isClosed(lead.stage)) {
        const QString stage = Stages::canonicalName(lead.stage);
        return qualify ? QCoreApplication::translate(
                             "QualificationPolicy",
                             "lead %1 is %2, a closed stage: it cannot be qualified")
                             .arg(id, stage)
                       : QCoreApplication::translate("QualificationPolicy",
                                                     "lead %1 is %2, a closed stage: it cannot be "
                                                     "converted to an opportunity")
                             .arg(id, stage);
    }
    if (lead.doNotContact)
        return qualify ? QCoreApplication::translate(
                             "QualificationPolicy",
                             "lead %1 is marked do-not-contact: it cannot be qualified; "
                             "disqualify it with reason dnc")
                             .arg(id)
                       : QCoreApplication::translate(
                             "QualificationPolicy",
                             "lead %1 is marked do-not-contact: it cannot be converted to an "
                             "opportunity; disqualify it with reason dnc")
                             .arg(id);
    if (lead.isTest)
        return qualify ? QCoreApplication::translate(
                             "QualificationPolicy",
                             "lead %1 is a test lead (MSFT_TEST_): it cannot be qualified; "
                             "disqualify it with reason test-lead")
                             .arg(id)
                       : QCoreApplication::translate(
                             "QualificationPolicy",
                             "lead %1 is a test lead (MSFT_TEST_): it cannot be converted to an "
                             "opportunity; disqualify it with reason test-lead")
                             .arg(id);
    return {};
}

QualificationPolicy::Step QualificationPolicy::tick(const Lead &lead, const QStringList &items,
                                                    const QString &by, const QDateTime &at) const {
    Step step;
    Qualification checklist;
    step.refusal = ticked(lead, items, by, at, &checklist);
    if (step.ok())
        step.changes.set(QStringLiteral("qualification"), checklist.toText());
    return step;
}

QualificationPolicy::Step QualificationPolicy::untick(const Lead &lead,
                                                      const QStringList &items) const {
    Step step;
    Qualification checklist = lead.qualification;
    const QStringList known = this->items();
    for (const QString &raw : items) {
        const QString item = raw.trimmed().toLower();
        // An item ticked under an earlier set of prerequisites can still be taken off.
        if (!known.contains(item) && !checklist.isTicked(item)) {
            step.refusal =
                QCoreApplication::translate(
                    "QualificationPolicy",
                    "lead %1: \"%2\" is not a qualification prerequisite (%3)")
                    .arg(QString::number(lead.id), raw, known.join(QStringLiteral(", ")));
            return step;
        }
        checklist.untick(item);
    }
    step.changes.set(QStringLiteral("qualification"), checklist.toText());
    return step;
}

QualificationPolicy::Step QualificationPolicy::qualify(const Lead &lead, const QStringList &items,
                                                       const QString &by,
                                                       const QDateTime &at) const {
    Step step;
    step.refusal = closedTo(lead, Move::Qualify);
    if (!step.ok())
        return step;
    if (lead.stage == Stage::Opportunity) {
        step.refusal = QCoreApplication::translate(
                           "QualificationPolicy",
                           "lead %1 is an opportunity already: it is past qualification")
                           .arg(lead.id);
        return step;
    }
    Qualification checklist;
    step.refusal = ticked(lead, items, by, at, &checklist);
    if (!step.ok())
        return step;
    const QStringList missing = this->missing(checklist);
    if (!missing.isEmpty()) {
        step.refusal =
            (missing.size() == 1
                 ? QCoreApplication::translate(
                       "QualificationPolicy",
                       "lead %1 cannot be qualified: %2 is not ticked (--check %3)")
                 : QCoreApplication::translate(
                       "QualificationPolicy",
                       "lead %1 cannot be qualified: %2 are not ticked (--check %3)"))
                .arg(QString::number(lead.id), listed(missing), missing.join(QLatin1Char(',')));
        return step;
    }
    step.changes.set(QStringLiteral("qualification"), checklist.toText())
        .set(QStringLiteral("stage"), Stages::canonicalName(Stage::Qualified))
        .set(QStringLiteral("disqualify_reason"), QString())
        .set(QStringLiteral("disqualify_note"), QString());
    return step;
}

QualificationPolicy::Step QualificationPolicy::convert(const Lead &lead,
                                                       const OpportunityDetails &details) const {
    Step step;
    step.refusal = closedTo(lead, Move::Convert);
    if (!step.ok())
        return step;
    if (lead.stage != Stage::Qualified && lead.stage != Stage::Opportunity) {
        step.refusal = QCoreApplication::translate("QualificationPolicy",
                                                   "lead %1 is %2: qualify it before converting "
                                                   "it to an opportunity")
                           .arg(QString::number(lead.id), Stages::canonicalName(lead.stage));
        return step;
    }
    const QStringList problems = details.problems();
    if (!problems.isEmpty()) {
        step.refusal =
            QCoreApplication::translate("QualificationPolicy", "lead %1 cannot be converted: %2")
                .arg(QString::number(lead.id), problems.join(QStringLiteral("; ")));
        return step;
    }
    step.changes.set(QStringLiteral("opportunity_value"), details.value)
        .set(QStringLiteral("opportunity_currency"), details.currency)
        .set(QStringLiteral("expected_close_at"), LeadColumns::isoUtc(details.expectedCloseAt))
        .set(QStringLiteral("destination"), details.destination)
        .set(QStringLiteral("stage"), Stages::canonicalName(Stage::Opportunity));
    return step;
}

QualificationPolicy::Step QualificationPolicy::disqualify(const Lead &lead, const QString &reason,
                                                          const QString &text) const {
    Step step;
    if (lead.stage == Stage::Won || lead.stage == Stage::Lost) {
        step.refusal =
            QCoreApplication::translate("QualificationPolicy",
                                        "lead %1 is %2, a closed stage: it cannot be disqualified")
                .arg(QString::number(lead.id), Stages::canonicalName(lead.stage));
        return step;
    }
    if (reason.trimmed().isEmpty()) {
        step.refusal = QCoreApplication::translate("QualificationPolicy",
                                                   "lead %1 needs a reason to be disqualified: %2")
                           .arg(QString::number(lead.id), DisqualifyReasons::namesText());
        return step;
    }
    DisqualifyReason r;
    if (!DisqualifyReasons::fromCanonicalName(reason, &r)) {
        step.refusal =
            QCoreApplication::translate("QualificationPolicy",
                                        "lead %1: \"%2\" is not a reason to disqualify (%3)")
                .arg(QString::number(lead.id), reason, DisqualifyReasons::namesText());
        return step;
    }
    if (DisqualifyReasons::needsText(r) && text.trimmed().isEmpty()) {
        step.refusal =
            QCoreApplication::translate("QualificationPolicy",
                                        "reason \"other\" needs a text saying why lead %1 is "
                                        "disqualified")
                .arg(lead.id);
        return step;
    }
    step.changes.set(QStringLiteral("stage"), Stages::canonicalName(Stage::Disqualified))
        .set(QStringLiteral("disqualify_reason"), DisqualifyReasons::canonicalName(r))
        .set(QStringLiteral("disqualify_note"), text.trimmed())
        .set(QStringLiteral("next_follow_up_at"), QString());
    return step;
}
