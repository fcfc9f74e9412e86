#include "qualificationsection.h"

#include "convertdialog.h"
#include "core/domain/disqualifyreason.h"
#include "core/domain/followupdestination.h"
#include "disqualifydialog.h"
#include "relativetime.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

QualificationSection::QualificationSection(const QString &actor, QWidget *parent)
    : QWidget(parent)
    , m_actor(actor) {
    setObjectName(QStringLiteral("qualificationSection"));
    setAccessibleName(tr("Qualification"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_state = new QLabel;
    m_state->setObjectName(QStringLiteral("qualificationState"));
    m_state->setAccessibleName(tr("Opportunity or disqualification"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_state);
    auto *buttons = new QHBoxLayout;
    m_qualify = new QPushButton(tr("&Qualify"));
    m_qualify->setObjectName(QStringLiteral("qualifyButton"));
    m_qualify->setAccessibleName(tr("Qualify"));
    m_qualify->setToolTip(tr("Tick every prerequisite and move the lead to Qualified"));
    m_convert = new QPushButton(tr("Con&vert…"));
    m_convert->setObjectName(QStringLiteral("convertLeadButton"));
    m_convert->setAccessibleName(tr("Convert to opportunity"));
    m_convert->setToolTip(tr("Record the opportunity's value and close date and move the lead "
                             "to Opportunity"));
    m_disqualify = new QPushButton(tr("&Disqualify…"));
    m_disqualify->setObjectName(QStringLiteral("disqualifyLeadButton"));
    m_disqualify->setAccessibleName(tr("Disqualify"));
    m_disqualify->setToolTip(tr("Close the lead as disqualified, with the reason"));
    connect(m_qualify, &QPushButton::clicked, this, &QualificationSection::qualify);
    connect(m_convert, &QPushButton::clicked, this, &QualificationSection::convert);
    connect(m_disqualify, &QPushButton::clicked, this, &QualificationSection::disqualify);
    buttons->addWidget(m_qualify);
    buttons->addWidget(m_convert);
    buttons->addWidget(m_disqualify);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    makeChecks();
}

void QualificationSection::setPolicy(const QualificationPolicy &policy) {
    m_policy = policy;
    makeChecks();
    display(m_lead);
}

void QualificationSection::makeChecks() {
    qDeleteAll(m_checks);
    m_checks.clear();
    auto *box = static_cast<QVBoxLayout *>(layout());
    int at = 0;
    for (const QualificationPolicy::Prerequisite &p : m_policy.prerequisites()) {
        auto *check = new QCheckBox(p.label);
        check->setObjectName(QStringLiteral("check_") + p.item);
        check->setAccessibleName(p.label);
        const QString item = p.item;
        connect(check, &QCheckBox::clicked, this, [this, item](bool on) { toggled(item, on); });
        m_checks << check;
        box->insertWidget(at++, check); // above the state line and the buttons
    }
    // New boxes join the window's focus chain at its end: Tab meets them just before the
    // buttons below them, as they are shown.
    QWidget *before = m_qualify->previousInFocusChain();
    while (before->focusPolicy() == Qt::NoFocus && before != this) // setTabOrder skips those
        before = before->previousInFocusChain();
    for (QCheckBox *check : std::as_const(m_checks)) {
        QWidget::setTabOrder(before, check);
        before = check;
    }
}

QString QualificationSection::leadName() const {
    const QString name = m_lead.fullName();
    return name.isEmpty() ? m_lead.company : name;
}

void QualificationSection::display(const Lead &lead) {
    m_lead = lead;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < m_checks.size(); ++i) {
        const QualificationPolicy::Prerequisite &p = m_policy.prerequisites().at(i);
        QCheckBox *check = m_checks.at(i);
        const bool ticked = lead.qualification.isTicked(p.item);
        check->setChecked(ticked);
        if (ticked) {
            const Qualification::Tick t = lead.qualification.tickOf(p.item);
            check->setText(tr("%1 — %2, %3").arg(p.label, t.by, RelativeTime::text(t.at, now)));
            check->setToolTip(tr("Ticked by %1 on %2").arg(t.by, RelativeTime::exact(t.at)));
        } else {
            check->setText(p.label);
            check->setToolTip(tr("Not known yet"));
        }
    }
    const QLocale locale;
    QString state;
    if (lead.stage == Stage::Disqualified && !lead.disqualifyReason.isEmpty()) {
        DisqualifyReason r;
        const QString reason = DisqualifyReasons::fromCanonicalName(lead.disqualifyReason, &r)
                                   ? DisqualifyReasons::displayName(r)
                                   : lead.disqualifyReason;
        state = lead.disqualifyNote.isEmpty()
                    ? tr("Disqualified: %1").arg(reason)
                    : tr("Disqualified: %1 — %2").arg(reason, lead.disqualifyNote);
    } else if (lead.opportunityValue > 0) {
        FollowUpDestination d;
        const QString where = FollowUpDestinations::fromCanonicalName(lead.destination, &d)
                                  ? FollowUpDestinations::displayName(d)
                                  : lead.destination;
        // The locale's own currency with its symbol where it puts it (€ 12.500,00), another
        // after the amount by its code.
        const QString amount =
            lead.opportunityCurrency == locale.currencySymbol(QLocale::CurrencyIsoCode)
                ? locale.toCurrencyString(lead.opportunityValue, locale.currencySymbol(), 2)
                : tr("%1 %2", "an amount, then its ISO 4217 currency code")
                      .arg(locale.toString(lead.opportunityValue, 'f', 2),
                           lead.opportunityCurrency);
        state = tr("Opportunity: %1 · expected to close %2 · followed up in %3")
                    .arg(amount, locale.toString(lead.expectedCloseAt.date(), QLocale::ShortFormat),
                         where);
    }
    m_state->setText(state);
    m_state->setVisible(!state.isEmpty());
    const bool closed = Stages::isClosed(lead.stage);
    m_qualify->setEnabled(!closed && lead.stage != Stage::Qualified &&
                          lead.stage != Stage::Opportunity);
    m_convert->setEnabled(lead.stage == Stage::Qualified || lead.stage == Stage::Opportunity);
    m_disqualify->setEnabled(lead.stage != Stage::Won && lead.stage != Stage::Lost &&
                             lead.stage != Stage::Disqualified);
}

void QualificationSection::request(const QualificationPolicy::Step &step, const QString &text) {
    if (!step.ok()) {
        emit refused(step.refusal);
        display(m_lead); // the boxes as stored
        return;
    }
    emit stepRequested(step.changes, text);
}

void QualificationSection::toggled(const QString &item, bool on) {
    if (on)
        request(m_policy.tick(m_lead, {item}, m_actor, QDateTime::currentDateTimeUtc()),
                tr("Tick %1").arg(item));
    else
        request(m_policy.untick(m_lead, {item}), tr("Untick %1").arg(item));
}

void QualificationSection::qualify() {
    request(m_policy.qualify(m_lead, m_policy.items(), m_actor, QDateTime::currentDateTimeUtc()),
            tr("Qualify %1").arg(leadName()));
}

void QualificationSection::convert() {
    OpportunityDetails current;
    current.value = m_lead.opportunityValue;
    current.currency = m_lead.opportunityCurrency;
    current.expectedCloseAt = m_lead.expectedCloseAt;
    current.destination = m_lead.destination;
    ConvertDialog dialog(leadName(), current, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    request(m_policy.convert(m_lead, dialog.details()),
            tr("Convert %1 to an opportunity").arg(leadName()));
}

void QualificationSection::disqualify() {
    DisqualifyDialog dialog(leadName(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    request(m_policy.disqualify(m_lead, dialog.reason(), dialog.text()),
            tr("Disqualify %1").arg(leadName()));
}
