#include "nurturepolicy.h"

#include "../domain/firsttouchsla.h"
#include "../domain/lead.h"

#include <QCoreApplication>

NurturePolicy::Step NurturePolicy::schedule(const Lead &lead, const QDateTime &at, TouchKind kind) {
    Step s;
    if (!TouchKinds::isFollowUpKind(kind)) {
        s.refusal =
            QCoreApplication::translate("NurturePolicy", "lead %1: a follow-up is a %2, not a %3")
                .arg(lead.id)
                .arg(TouchKinds::followUpNamesText(), TouchKinds::canonicalName(kind));
        return s;
    }
    s.changes.set(QStringLiteral("next_follow_up_at"), at.toUTC());
    s.changes.setFollowUpKind(TouchKinds::canonicalName(kind));
    return s;
}

NurturePolicy::Step NurturePolicy::logTouch(const Lead &lead, const FollowUpPlan &plan,
                                            const Touch &touch,
                                            const std::optional<Cadence> &cadence,
                                            const std::optional<NextFollowUp> &next,
                                            const QDateTime &now) {
    Step s;
    if (!TouchKinds::isLoggable(touch.kind)) {
        s.refusal =
            QCoreApplication::translate("NurturePolicy", "lead %1: a touch is a %2, not a %3")
                .arg(lead.id)
                .arg(TouchKinds::loggableNamesText(), TouchKinds::canonicalName(touch.kind));
        return s;
    }
    // The window offers no touch for these leads; nor does any other way in.
    const QString who = QCoreApplication::translate("NurturePolicy", "lead %1").arg(lead.id);
    if (Stages::isClosed(lead.stage))
        s.refusal =
            QCoreApplication::translate("NurturePolicy", "%1 is closed (%2): it gets no touches")
                .arg(who, Stages::canonicalName(lead.stage));
    else if (lead.doNotContact)
        s.refusal =
            QCoreApplication::translate("NurturePolicy", "%1 is do-not-contact: it gets no touches")
                .arg(who);
    else if (lead.isTest)
        s.refusal =
            QCoreApplication::translate("NurturePolicy", "%1 is a test lead: it gets no touches")
                .arg(who);
    if (!s.ok())
        return s;
    if (touch.outcome.trimmed().isEmpty()) {
        s.refusal = QCoreApplication::translate("NurturePolicy",
                                                "lead %1: a touch needs an outcome (such as "
                                                "\"left a voicemail\" or \"responded\")")
                        .arg(lead.id);
        return s;
    }
    Touch logged = touch;
    if (!logged.at.isValid())
        logged.at = now;
    FollowUpPlan after = plan;
    if (!after.firstTouchAt.isValid()) {
        after.firstTouchAt = logged.at.toUTC();
        after.firstTouchSeconds = FirstTouchSla::secondsToFirstTouch(lead.createdAt, logged.at);
    }
    s.changes.set(QStringLiteral("follow_ups"), lead.followUps + 1);
    const bool outreach = TouchKinds::isOutreach(touch.kind);
    if (outreach && lead.stage == Stage::New && !lead.doNotContact)
        s.changes.set(QStringLiteral("stage"), Stages::canonicalName(Stage::Contacted));
    std::optional<NextFollowUp> following = next;
    if (outreach && !after.cadence.isEmpty()) {
        const bool ends = touch.isResponse() || !cadence;
        const int step = after.cadenceStep + 1;
        const QDateTime due =
            ends ? QDateTime() : cadence->dueAt(step, after.cadenceStartedAt, now);
        if (due.isValid() && !lead.doNotContact && !Stages::isClosed(lead.stage)) {
            after.cadenceStep = step;
            if (!following)
                following = NextFollowUp{due, cadence->touches.at(step).kind};
        } else {
            after.cadence.clear();
            after.cadenceStep = 0;
            after.cadenceStartedAt = {};
        }
    }
    if (following) {
        s.changes.set(QStringLiteral("next_follow_up_at"), following->at.toUTC());
        after.kind = TouchKinds::canonicalName(following->kind);
    } else if (outreach) {
        s.changes.set(QStringLiteral("next_follow_up_at"), QString());
        after.kind.clear();
    }
    s.changes.setTouch(logged);
    s.changes.setPlan(after);
    return s;
}

NurturePolicy::Step NurturePolicy::enroll(const Lead &lead, const FollowUpPlan &plan,
                                          const Cadence &cadence, const QDateTime &now) {
    Step s;
    const QString who = QCoreApplication::translate("NurturePolicy", "lead %1").arg(lead.id);
    if (Stages::isClosed(lead.stage))
        s.refusal = QCoreApplication::translate("NurturePolicy",
                                                "%1 is closed (%2): it cannot join a cadence")
                        .arg(who, Stages::canonicalName(lead.stage));
    else if (lead.doNotContact)
        s.refusal = QCoreApplication::translate("NurturePolicy",
                                                "%1 is do-not-contact: it cannot join a cadence")
                        .arg(who);
    else if (lead.isTest)
        s.refusal = QCoreApplication::translate("NurturePolicy",
                                                "%1 is a test lead: it cannot join a cadence")
                        .arg(who);
    else if (cadence.touches.isEmpty())
        s.refusal = QCoreApplication::translate("NurturePolicy", "cadence \"%1\" has no touches")
                        .arg(cadence.name);
    if (!s.ok())
        return s;
    FollowUpPlan after = plan;
    after.cadence = cadence.name;
    after.cadenceStep = 0;
    after.cadenceStartedAt = now.toUTC();
    after.kind = TouchKinds::canonicalName(cadence.touches.first().kind);
    s.changes.set(QStringLiteral("next_follow_up_at"), cadence.dueAt(0, now, now).toUTC());
    s.changes.setPlan(after);
    return s;
}
