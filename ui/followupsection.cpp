#include "followupsection.h"

#include "core/nurture/emailtemplate.h"
#include "core/storage/cadencerepository.h"
#include "core/storage/databasereader.h"
#include "core/storage/followupplanstore.h"
#include "followupdialog.h"
#include "leadeditor.h"
#include "logtouchdialog.h"
#include "relativetime.h"

#include <QDesktopServices>
#include <QGridLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <limits>

struct FollowUpSection::Read {
    quint64 generation = 0;
    qint64 leadId = 0;
    FollowUpPlan plan;
    QList<Cadence> cadences;
    QString error;
};

namespace {

QString kindWord(const QString &kind) {
    TouchKind k;
    if (!TouchKinds::fromCanonicalName(kind, &k))
        return FollowUpSection::tr("Follow-up");
    switch (k) {
    case TouchKind::Call:
        return FollowUpSection::tr("Call");
    case TouchKind::Email:
        return FollowUpSection::tr("Email");
    case TouchKind::Meeting:
        return FollowUpSection::tr("Meeting");
    case TouchKind::Task:
        return FollowUpSection::tr("Task");
    case TouchKind::Note:
        break;
    }
    return FollowUpSection::tr("Note");
}

QString hoursText(qint64 seconds) {
    if (seconds < 3600)
        return FollowUpSection::tr("%1 min").arg(std::max<qint64>(1, seconds / 60));
    if (seconds < 48 * 3600)
        return FollowUpSection::tr("%1 h").arg(seconds / 3600);
    return FollowUpSection::tr("%1 days").arg(seconds / 86400);
}

} // namespace

FollowUpSection::FollowUpSection(const Database &db, LeadEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_reader(std::make_unique<DatabaseReader>(db)) {
    setObjectName(QStringLiteral("followUpSection"));
    setAccessibleName(tr("Follow-up"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    const auto label = [](const QString &name, const QString &accessible) {
        auto *l = new QLabel;
        l->setObjectName(name);
        l->setAccessibleName(accessible);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return l;
    };
    m_when = label(QStringLiteral("followUpWhen"), tr("Next follow-up"));
    m_cadence = label(QStringLiteral("followUpCadence"), tr("Cadence and first touch"));
    m_blocked = label(QStringLiteral("followUpBlocked"), tr("Why no follow-up"));
    layout->addWidget(m_when);
    layout->addWidget(m_cadence);
    layout->addWidget(m_blocked);
    const auto button = [](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QPushButton(text);
        b->setObjectName(name);
        b->setAccessibleName(QString(text).remove(QLatin1Char('&')).remove(QChar(0x2026)));
        b->setToolTip(tip);
        b->setProperty("defaultTip", tip);
        return b;
    };
    m_log = button(tr("&Log touch…"), QStringLiteral("logTouchButton"),
                   tr("Record a call, email, meeting or note and plan the next follow-up"));
    m_schedule = button(tr("Sc&hedule…"), QStringLiteral("scheduleFollowUpButton"),
                        tr("Plan the next follow-up: when and what"));
    m_enroll = button(tr("En&roll…"), QStringLiteral("enrollButton"),
                      tr("Put the lead in a cadence: each touch schedules the next"));
    m_email = button(tr("E&mail…"), QStringLiteral("emailButton"),
                     tr("Write to the lead in your mail program from the template, and log "
                        "the email"));
    connect(m_log, &QPushButton::clicked, this, &FollowUpSection::logTouch);
    connect(m_schedule, &QPushButton::clicked, this, &FollowUpSection::schedule);
    connect(m_enroll, &QPushButton::clicked, this, &FollowUpSection::enroll);
    connect(m_email, &QPushButton::clicked, this, &FollowUpSection::email);
    // A refusal of a step asked for here is shown here; the editor's other failures are not.
    connect(m_editor, &LeadEditor::failed, this, [this](const QString &message) {
        if (m_pending)
            emit refused(message);
    });
    connect(m_editor, &LeadEditor::busyChanged, this, [this](bool busy) {
        if (!busy)
            m_pending = false;
    });
    // Two by two: the panel is narrow, and no button should be cut off.
    auto *buttons = new QGridLayout;
    buttons->setContentsMargins(0, 2, 0, 0);
    buttons->addWidget(m_log, 0, 0);
    buttons->addWidget(m_schedule, 0, 1);
    buttons->addWidget(m_enroll, 1, 0);
    buttons->addWidget(m_email, 1, 1);
    buttons->setColumnStretch(2, 1);
    layout->addLayout(buttons);
    display(Lead()); // reads the cadences at once
}

FollowUpSection::~FollowUpSection() {
    m_latest.store(std::numeric_limits<quint64>::max());
    m_reader.reset();
}

QString FollowUpSection::blockedReason(const Lead &lead) {
    if (lead.doNotContact)
        return tr("No follow-ups: this lead is do-not-contact.");
    if (lead.isTest)
        return tr("No follow-ups: this is a test lead.");
    if (Stages::isClosed(lead.stage))
        return tr("No follow-ups: the lead is closed (%1).").arg(Stages::displayName(lead.stage));
    return {};
}

QString FollowUpSection::leadName() const {
    const QString name = m_lead.fullName();
    return name.isEmpty()
               ? (m_lead.company.isEmpty() ? tr("lead %1").arg(m_lead.id) : m_lead.company)
               : name;
}

void FollowUpSection::clear() {
    m_lead = Lead();
    m_plan = FollowUpPlan();
    m_latest.store(++m_generation);
    m_loading = false;
}

void FollowUpSection::display(const Lead &lead) {
    if (lead.id != m_lead.id)
        m_plan = FollowUpPlan();
    m_lead = lead;
    showPlan();
    const quint64 generation = ++m_generation;
    m_latest.store(generation);
    m_loading = true;
    const qint64 id = lead.id;
    m_reader->post([this, generation, id](const Database &db) {
        // Skipped when a newer read is queued, unless it is the first (the cadences for the
        // Lead menu's enrolment before any lead is shown).
        if (generation != m_latest.load() && id != 0)
            return true;
        Read r;
        r.generation = generation;
        r.leadId = id;
        const FollowUpPlanStore plans(db);
        const std::optional<FollowUpPlan> plan = plans.plan(id);
        if (plan)
            r.plan = *plan;
        else
            r.error = plans.lastError();
        const CadenceRepository cadences(db);
        r.cadences = cadences.all();
        if (r.error.isEmpty())
            r.error = cadences.lastError();
        QMetaObject::invokeMethod(
            this, [this, r] { arrived(r); }, Qt::QueuedConnection);
        return r.error.isEmpty();
    });
}

void FollowUpSection::arrived(const Read &r) {
    // The cadences are everyone's: the newest list is kept whichever lead it came with.
    if (!r.cadences.isEmpty())
        m_cadences = r.cadences;
    if (r.generation != m_generation || r.leadId != m_lead.id)
        return;
    m_loading = false;
    m_plan = r.plan;
    showPlan();
    if (!r.error.isEmpty())
        m_cadence->setText(tr("Could not read the follow-up plan: %1").arg(r.error));
    emit planShown();
}

std::optional<Cadence> FollowUpSection::cadenceNamed(const QString &name) const {
    for (const Cadence &c : m_cadences) {
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

void FollowUpSection::showPlan() {
    const Lead &l = m_lead;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (l.nextFollowUpAt.isValid()) {
        const QString what = kindWord(m_plan.kind);
        const QString owner = l.owner.isEmpty() ? tr("nobody's yet") : tr("%1's").arg(l.owner);
        const QString when = RelativeTime::text(l.nextFollowUpAt, now);
        m_when->setText(l.nextFollowUpAt < now
                            ? tr("Overdue: %1, due %2 · %3").arg(what.toLower(), when, owner)
                            : tr("%1 %2 · %3").arg(what, when, owner));
        m_when->setToolTip(RelativeTime::exact(l.nextFollowUpAt));
    } else {
        m_when->setText(tr("No follow-up planned."));
        m_when->setToolTip(QString());
    }
    QStringList lines;
    if (!m_plan.cadence.isEmpty()) {
        const std::optional<Cadence> c = cadenceNamed(m_plan.cadence);
        lines << (c ? tr("Cadence %1: touch %2 of %3 (day %4)")
                          .arg(m_plan.cadence)
                          .arg(m_plan.cadenceStep + 1)
                          .arg(c->touches.size())
                          .arg(c->touches.value(m_plan.cadenceStep).day)
                    : tr("Cadence %1, touch %2").arg(m_plan.cadence).arg(m_plan.cadenceStep + 1));
    }
    if (m_plan.firstTouchAt.isValid()) {
        const QString after = hoursText(m_plan.firstTouchSeconds);
        lines << (l.followUps == 1
                      ? tr("First touched %1 after arrival; 1 touch so far.").arg(after)
                      : tr("First touched %1 after arrival; %2 touches so far.")
                            .arg(after)
                            .arg(l.followUps));
    } else if (l.followUps > 0)
        lines << (l.followUps == 1 ? tr("1 touch so far.")
                                   : tr("%1 touches so far.").arg(l.followUps));
    else if (!m_loading)
        lines << tr("Not touched yet.");
    m_cadence->setText(lines.join(QLatin1Char('\n')));
    m_cadence->setVisible(!lines.isEmpty());

    const QString blocked = blockedReason(l);
    m_blocked->setText(blocked);
    m_blocked->setVisible(!blocked.isEmpty());
    for (QPushButton *b : {m_log, m_schedule, m_enroll, m_email}) {
        b->setEnabled(blocked.isEmpty() && l.id != 0);
        b->setToolTip(blocked.isEmpty() ? b->property("defaultTip").toString() : blocked);
    }
    m_email->setEnabled(m_email->isEnabled() && !l.email.trimmed().isEmpty());
    if (l.email.trimmed().isEmpty() && blocked.isEmpty())
        m_email->setToolTip(tr("The lead has no email address."));
}

std::optional<NurturePolicy::NextFollowUp> FollowUpSection::proposedNext(QString *note) const {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_plan.cadence.isEmpty()) {
        const std::optional<Cadence> c = cadenceNamed(m_plan.cadence);
        if (c) {
            const int step = m_plan.cadenceStep + 1;
            const QDateTime due = c->dueAt(step, m_plan.cadenceStartedAt, now);
            if (due.isValid()) {
                *note = tr("From the cadence %1: touch %2 of %3. \"responded\" ends the "
                           "cadence.")
                            .arg(c->name)
                            .arg(step + 1)
                            .arg(c->touches.size());
                return NurturePolicy::NextFollowUp{due, c->touches.at(step).kind};
            }
            *note = tr("This is the last touch of the cadence %1.").arg(c->name);
            return std::nullopt;
        }
    }
    return NurturePolicy::NextFollowUp{FollowUpDialog::tomorrowMorning().toUTC(), TouchKind::Call};
}

void FollowUpSection::logTouch() {
    if (m_lead.id == 0)
        return;
    if (const QString blocked = blockedReason(m_lead); !blocked.isEmpty()) {
        emit refused(blocked);
        return;
    }
    QString note;
    const std::optional<NurturePolicy::NextFollowUp> next = proposedNext(&note);
    TouchKind kind = TouchKind::Call;
    TouchKinds::fromCanonicalName(m_plan.kind, &kind);
    if (!TouchKinds::isLoggable(kind))
        kind = TouchKind::Note;
    LogTouchDialog dialog(leadName(), kind, next, note, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    LeadEditor::NurtureStep step;
    step.kind = LeadEditor::NurtureStep::Kind::LogTouch;
    step.touch = dialog.touch();
    step.next = dialog.next();
    m_pending = true;
    m_editor->nurture(
        {LeadVersion{m_lead.id, m_lead.version}}, step,
        tr("Log %1 with %2")
            .arg(kindWord(TouchKinds::canonicalName(step.touch.kind)).toLower(), leadName()));
}

void FollowUpSection::schedule() {
    if (m_lead.id == 0)
        return;
    if (const QString blocked = blockedReason(m_lead); !blocked.isEmpty()) {
        emit refused(blocked);
        return;
    }
    TouchKind kind = TouchKind::Call;
    TouchKinds::fromCanonicalName(m_plan.kind, &kind);
    FollowUpDialog dialog(leadName(), m_lead.nextFollowUpAt, kind, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    LeadEditor::NurtureStep step;
    step.kind = LeadEditor::NurtureStep::Kind::Schedule;
    step.at = dialog.at();
    step.followUpKind = dialog.kind();
    m_pending = true;
    m_editor->nurture(
        {LeadVersion{m_lead.id, m_lead.version}}, step,
        tr("Schedule %1 with %2")
            .arg(kindWord(TouchKinds::canonicalName(step.followUpKind)).toLower(), leadName()));
}

void FollowUpSection::enroll() {
    if (m_lead.id == 0)
        return;
    if (const QString blocked = blockedReason(m_lead); !blocked.isEmpty()) {
        emit refused(blocked);
        return;
    }
    enrollLeads({LeadVersion{m_lead.id, m_lead.version}});
}

void FollowUpSection::enrollLeads(const QList<LeadVersion> &leads) {
    if (leads.isEmpty())
        return;
    if (m_cadences.isEmpty()) {
        emit refused(tr("The cadences are still being read; try again in a moment."));
        return;
    }
    QStringList names;
    for (const Cadence &c : std::as_const(m_cadences))
        names << c.name;
    bool ok = false;
    const QString who = leads.size() == 1 && leads.first().id == m_lead.id
                            ? leadName()
                            : tr("%L1 leads").arg(leads.size());
    const int current = std::max<int>(0, int(names.indexOf(m_plan.cadence)));
    const QString name =
        QInputDialog::getItem(this, tr("Enroll in a cadence"), tr("Cadence for %1:").arg(who),
                              names, current, false, &ok);
    if (!ok || name.isEmpty())
        return;
    LeadEditor::NurtureStep step;
    step.kind = LeadEditor::NurtureStep::Kind::Enroll;
    step.cadence = name;
    m_pending = true;
    m_editor->nurture(leads, step, tr("Enroll %1 in %2").arg(who, name));
}

void FollowUpSection::email() {
    if (m_lead.id == 0)
        return;
    QString refusal;
    const QString owner = m_lead.owner.isEmpty() ? m_editor->actor() : m_lead.owner;
    const QUrl url = EmailTemplate::standard().mailto(m_lead, owner, &refusal);
    if (!url.isValid() || !refusal.isEmpty()) {
        emit refused(refusal.isEmpty() ? tr("No email can be written to this lead.") : refusal);
        return;
    }
    if (!QDesktopServices::openUrl(url)) {
        emit refused(tr("No mail program opened the email to %1.").arg(m_lead.email));
        return;
    }
    LeadEditor::NurtureStep step;
    step.kind = LeadEditor::NurtureStep::Kind::LogTouch;
    step.touch.kind = TouchKind::Email;
    step.touch.outcome = QStringLiteral("sent");
    step.touch.text = EmailTemplate::fill(EmailTemplate::standard().subject, m_lead, owner);
    m_pending = true;
    m_editor->nurture({LeadVersion{m_lead.id, m_lead.version}}, step,
                      tr("Email %1").arg(leadName()));
}
