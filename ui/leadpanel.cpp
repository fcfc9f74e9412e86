#include "leadpanel.h"

#include "core/domain/leadchanges.h"
#include "core/domain/leadcolumns.h"
#include "core/scoring/scoringmodel.h"
#include "elidedlabel.h"
#include "followupsection.h"
#include "leadeditor.h"
#include "leadtimeline.h"
#include "qualificationsection.h"
#include "scoresection.h"
#include "taborder.h"
#include "warningink.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace {

bool looksLikeEmail(const QString &email) {
    static const QRegularExpression pattern(QStringLiteral(R"(^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$)"));
    return pattern.match(email.trimmed()).hasMatch();
}

bool looksLikePhone(const QString &phone) {
    static const QRegularExpression allowed(QStringLiteral(R"(^\+?[0-9 ()./-]+$)"));
    const QString trimmed = phone.trimmed();
    const auto digits =
        std::count_if(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return c.isDigit(); });
    return allowed.match(trimmed).hasMatch() && digits >= 6 && digits <= 15;
}

} // namespace

LeadPanel::LeadPanel(const Database &db, LeadEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_editor(editor) {
    setObjectName(QStringLiteral("leadPanel"));
    setAccessibleName(tr("Lead panel"));
    buildWidgets();
    connect(m_editor, &LeadEditor::leadChanged, this, &LeadPanel::leadChanged);
    connect(m_editor, &LeadEditor::noteAdded, this, [this](qint64 id) {
        if (id != m_lead.id)
            return;
        m_notePending = false;
        m_note->clear();
        m_message->hide();
        refreshHistory();
    });
    connect(m_editor, &LeadEditor::failed, this, &LeadPanel::editFailed);
    clear();
}

LeadPanel::~LeadPanel() = default;

void LeadPanel::buildWidgets() {
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    m_empty = new QLabel(tr("Select a lead to see it here."));
    m_empty->setObjectName(QStringLiteral("emptyPanel"));
    m_empty->setAccessibleName(tr("No lead selected"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    outer->addWidget(m_empty);

    m_scroll = new QScrollArea;
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // Tab goes to the fields inside, which the area scrolls into view; no stop of its own.
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_body = new QWidget;
    m_scroll->setWidget(m_body);
    outer->addWidget(m_scroll, 1);

    auto *layout = new QVBoxLayout(m_body);
    const auto label = [](const QString &name, const QString &accessible) {
        auto *l = new QLabel;
        l->setObjectName(name);
        l->setAccessibleName(accessible);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setWordWrap(true);
        return l;
    };

    m_name = label(QStringLiteral("leadName"), tr("Name"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_name->setFont(big);
    layout->addWidget(m_name);

    m_dncReason = label(QStringLiteral("dncReason"), tr("Do not contact"));
    m_dncReason->setStyleSheet(WarningInk::styleSheet(palette()));
    layout->addWidget(m_dncReason);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // An address is one word: wrapped it would still be as wide as it is long.
    const auto link = [](const QString &name, const QString &accessible) {
        auto *l = new ElidedLabel;
        l->setObjectName(name);
        l->setAccessibleName(accessible);
        // A tab stop from the start, so that it has its place in the tab order below.
        l->setTextInteractionFlags(Qt::TextBrowserInteraction);
        return l;
    };
    m_email = link(QStringLiteral("emailLink"), tr("Email"));
    m_emailWarning = label(QStringLiteral("emailWarning"), tr("Email problem"));
    m_phone = link(QStringLiteral("phoneLink"), tr("Phone"));
    m_phoneWarning = label(QStringLiteral("phoneWarning"), tr("Phone problem"));
    for (QLabel *warning : {m_emailWarning, m_phoneWarning})
        warning->setStyleSheet(WarningInk::styleSheet(palette()));
    auto *emailBox = new QVBoxLayout;
    emailBox->addWidget(m_email);
    emailBox->addWidget(m_emailWarning);
    auto *phoneBox = new QVBoxLayout;
    phoneBox->addWidget(m_phone);
    phoneBox->addWidget(m_phoneWarning);
    form->addRow(tr("Email:"), emailBox);
    form->addRow(tr("Phone:"), phoneBox);
    m_company = label(QStringLiteral("companyLabel"), tr("Company"));
    form->addRow(tr("Company:"), m_company);
    m_title = label(QStringLiteral("titleLabel"), tr("Title"));
    form->addRow(tr("Title:"), m_title);
    m_country = label(QStringLiteral("countryLabel"), tr("Country"));
    form->addRow(tr("Country:"), m_country);
    m_offer = label(QStringLiteral("offerLabel"), tr("Offer"));
    form->addRow(tr("Offer:"), m_offer);
    m_storefront = label(QStringLiteral("storefrontLabel"), tr("Storefront"));
    form->addRow(tr("Storefront:"), m_storefront);
    m_score = new ScoreSection;
    form->addRow(tr("Score:"), m_score);

    m_stage = new QComboBox;
    m_stage->setObjectName(QStringLiteral("stageCombo"));
    m_stage->setAccessibleName(tr("Stage"));
    for (Stage s : Stages::all())
        m_stage->addItem(Stages::displayName(s), int(s));
    connect(m_stage, &QComboBox::activated, this, &LeadPanel::saveStage);
    form->addRow(tr("&Stage:"), m_stage);

    m_owner = new QLineEdit;
    m_owner->setObjectName(QStringLiteral("ownerEdit"));
    m_owner->setAccessibleName(tr("Owner"));
    m_owner->setPlaceholderText(tr("Nobody"));
    m_owner->setClearButtonEnabled(true);
    connect(m_owner, &QLineEdit::editingFinished, this, &LeadPanel::saveOwner);
    form->addRow(tr("&Owner:"), m_owner);

    m_followUpSet = new QCheckBox;
    m_followUpSet->setObjectName(QStringLiteral("followUpCheck"));
    m_followUpSet->setAccessibleName(tr("Follow up planned"));
    m_followUpSet->setToolTip(tr("Unticked: no follow-up planned"));
    m_followUp = new QDateTimeEdit;
    m_followUp->setObjectName(QStringLiteral("followUpEdit"));
    m_followUp->setAccessibleName(tr("Next follow-up"));
    m_followUp->setCalendarPopup(true);
    m_followUp->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    // The earliest time stands for "none": the box then says so instead of showing a date.
    m_followUp->setMinimumDateTime(QDateTime(QDate(2000, 1, 1), QTime(0, 0)));
    m_followUp->setSpecialValueText(tr("None planned"));
    connect(m_followUpSet, &QCheckBox::clicked, this, [this](bool on) {
        m_followUp->setEnabled(on);
        if (on && !m_lead.nextFollowUpAt.isValid()) // a sensible start: tomorrow morning
            m_followUp->setDateTime(QDateTime(QDate::currentDate().addDays(1), QTime(9, 0)));
        saveFollowUp();
    });
    connect(m_followUp, &QDateTimeEdit::editingFinished, this, &LeadPanel::saveFollowUp);
    auto *followUpBox = new QHBoxLayout;
    followUpBox->addWidget(m_followUpSet);
    followUpBox->addWidget(m_followUp, 1);
    auto *followUpLabel = new QLabel(tr("Next &follow-up:"));
    followUpLabel->setBuddy(m_followUp);
    form->addRow(followUpLabel, followUpBox);
    layout->addLayout(form);

    auto *followUpTitle = new QLabel(tr("Follow-up"));
    QFont heading = followUpTitle->font();
    heading.setBold(true);
    followUpTitle->setFont(heading);
    layout->addWidget(followUpTitle);
    m_followUps = new FollowUpSection(m_db, m_editor);
    connect(m_followUps, &FollowUpSection::refused, this, &LeadPanel::showMessage);
    layout->addWidget(m_followUps);

    auto *qualificationTitle = new QLabel(tr("Qualification"));
    QFont bold = qualificationTitle->font();
    bold.setBold(true);
    qualificationTitle->setFont(bold);
    layout->addWidget(qualificationTitle);
    m_qualification = new QualificationSection(m_editor->actor());
    connect(m_qualification, &QualificationSection::stepRequested, this, &LeadPanel::takeStep);
    connect(m_qualification, &QualificationSection::refused, this, &LeadPanel::showMessage);
    layout->addWidget(m_qualification);

    m_message = label(QStringLiteral("panelMessage"), tr("Save problem"));
    m_message->setStyleSheet(WarningInk::styleSheet(palette()));
    layout->addWidget(m_message);

    m_note = new QPlainTextEdit;
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setAccessibleName(tr("New note"));
    m_note->setPlaceholderText(tr("Log a call, an email, a next step…"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(m_note->fontMetrics().lineSpacing() * 4 + 12);
    m_addNote = new QPushButton(tr("Add &note"));
    m_addNote->setObjectName(QStringLiteral("addNoteButton"));
    m_addNote->setAccessibleName(tr("Add note"));
    connect(m_addNote, &QPushButton::clicked, this, &LeadPanel::addNote);
    layout->addWidget(m_note);
    layout->addWidget(m_addNote, 0, Qt::AlignRight);

    m_timeline = new LeadTimeline(m_db);
    connect(m_timeline, &LeadTimeline::shown, this, &LeadPanel::historyShown);
    layout->addWidget(m_timeline, 1);

    // Top to bottom as shown; the form's rows were made before the sections above them.
    TabOrder::follow({m_email, m_phone, m_stage, m_owner, m_followUpSet, m_followUp, m_followUps,
                      m_qualification, m_note, m_addNote, m_timeline});
}

void LeadPanel::clear() {
    m_lead = Lead();
    m_sent.clear();
    m_queued.clear();
    m_notePending = false;
    m_timeline->clear();
    m_followUps->clear();
    m_message->hide();
    m_empty->show();
    m_scroll->hide();
}

bool LeadPanel::hasWorkInProgress() const {
    return !m_sent.isEmpty() || !m_queued.isEmpty() || m_notePending || m_stepPending ||
           !m_note->toPlainText().trimmed().isEmpty();
}

void LeadPanel::setLead(const Lead &lead) {
    const bool same = lead.id == m_lead.id;
    m_lead = lead;
    if (!same) {
        m_sent.clear();
        m_queued.clear();
        m_notePending = false;
        m_note->clear();
        m_message->hide();
        // Another lead is read from its name down, not from where the last one was left.
        m_scroll->verticalScrollBar()->setValue(0);
    }
    m_empty->hide();
    m_scroll->show();
    showFields();
    m_followUps->display(lead);
    refreshHistory();
}

void LeadPanel::leadChanged(const Lead &lead) {
    if (lead.id != m_lead.id || lead.version < m_lead.version)
        return;
    m_sent.clear();
    m_stepPending = false;
    m_message->hide();
    setLead(lead);
    // Saves that waited for this version go now, unless the value is already stored.
    const QList<Queued> queued = std::exchange(m_queued, {});
    for (const Queued &q : queued) {
        if (LeadColumns::value(m_lead, q.column) != q.value)
            save(q.column, q.value, q.text);
    }
}

void LeadPanel::showFields() {
    const Lead &l = m_lead;
    const QString name = l.fullName();
    m_name->setText(name.isEmpty() ? (l.company.isEmpty() ? tr("Unnamed lead") : l.company) : name);
    showContact();
    m_company->setText(l.company);
    m_title->setText(l.title);
    m_country->setText(l.country);
    m_offer->setText(l.offerTitle.isEmpty() ? l.offerId
                                            : tr("%1 (%2)").arg(l.offerTitle, l.offerId));
    m_storefront->setText(tr("%1 · %2").arg(Storefronts::displayName(l.storefront),
                                            LeadTimeline::actionName(l.action)));
    m_score->display(ScoreSection::shownOf(l, m_scoringModel));
    m_qualification->display(l);
    m_stage->setCurrentIndex(m_stage->findData(int(l.stage)));
    // A value being typed stays; the stored one shows everywhere else.
    if (!(m_owner->hasFocus() && m_owner->isModified()))
        m_owner->setText(l.owner);
    m_owner->setModified(false);
    const bool planned = l.nextFollowUpAt.isValid();
    m_followUpSet->setChecked(planned);
    m_followUp->setEnabled(planned);
    m_followUp->setDateTime(planned ? l.nextFollowUpAt.toLocalTime()
                                    : m_followUp->minimumDateTime());
}

void LeadPanel::showContact() {
    const Lead &l = m_lead;
    const bool dnc = l.doNotContact;
    if (dnc) {
        m_dncReason->setText(l.action == QLatin1String("DNC")
                                 ? tr("Do not contact: the marketplace sent this lead through a "
                                      "cross-listed partner, for your information only.")
                                 : tr("Do not contact: this lead is marked do-not-contact."));
    } else if (l.privacyRestricted) {
        m_dncReason->setText(
            tr("Microsoft withholds contact details of .edu addresses for privacy."));
    }
    m_dncReason->setVisible(dnc || l.privacyRestricted);

    const auto contact = [&](ElidedLabel *label, QLabel *warning, const QString &value,
                             const QString &scheme, bool valid, const QString &problem) {
        const QString tip = dnc ? m_dncReason->text() : QString();
        if (value.isEmpty()) {
            label->setFullText(tr("none"), QString(), tip);
            label->setEnabled(false);
        } else if (dnc) {
            // No link to click: the reason above says why.
            label->setFullText(value, QString(), tip);
            label->setEnabled(false);
        } else {
            QString target = value.trimmed();
            if (scheme == QLatin1String("tel"))
                target.remove(QRegularExpression(QStringLiteral(R"([^0-9+])")));
            label->setFullText(value, scheme + QLatin1Char(':') + target, tip);
            label->setEnabled(true);
        }
        label->setOpenExternalLinks(!dnc && !value.isEmpty());
        label->setTextInteractionFlags(dnc ? Qt::TextSelectableByMouse
                                           : Qt::TextBrowserInteraction);
        warning->setText(problem);
        warning->setVisible(!value.isEmpty() && !valid);
    };
    contact(m_email, m_emailWarning, l.email, QStringLiteral("mailto"), looksLikeEmail(l.email),
            tr("This does not look like an email address."));
    contact(m_phone, m_phoneWarning, l.phone, QStringLiteral("tel"), looksLikePhone(l.phone),
            tr("This does not look like a phone number."));
}

void LeadPanel::refreshHistory() {
    if (hasLead())
        m_timeline->showLead(m_lead.id);
}

bool LeadPanel::isLoadingHistory() const {
    return m_timeline->isLoading();
}

void LeadPanel::save(const QString &column, const QVariant &value, const QString &text) {
    if (!hasLead())
        return;
    // Enter and the focus-out after it both finish an edit: the second is not another save.
    const auto sent = m_sent.constFind(column);
    if (sent != m_sent.cend() && *sent == value)
        return;
    if (!m_sent.isEmpty()) {
        m_queued.removeIf([&](const Queued &q) { return q.column == column; });
        m_queued.append({column, value, text});
        return;
    }
    m_sent.insert(column, value);
    m_message->hide();
    m_editor->edit({LeadVersion{m_lead.id, m_lead.version}}, LeadChanges().set(column, value),
                   text);
}

void LeadPanel::saveStage(int index) {
    const Stage stage = Stage(m_stage->itemData(index).toInt());
    if (stage == m_lead.stage)
        return;
    save(QStringLiteral("stage"), Stages::canonicalName(stage),
         tr("Set stage to %1").arg(Stages::displayName(stage)));
}

void LeadPanel::saveOwner() {
    const QString owner = m_owner->text().trimmed();
    if (owner == m_lead.owner) {
        m_sent.remove(QStringLiteral("owner"));
        return;
    }
    save(QStringLiteral("owner"), owner,
         owner.isEmpty() ? tr("Clear owner") : tr("Assign to %1").arg(owner));
}

void LeadPanel::saveFollowUp() {
    const bool planned =
        m_followUpSet->isChecked() && m_followUp->dateTime() != m_followUp->minimumDateTime();
    const QDateTime when = planned ? m_followUp->dateTime().toUTC() : QDateTime();
    if (when == m_lead.nextFollowUpAt)
        return;
    save(QStringLiteral("next_follow_up_at"), LeadColumns::isoUtc(when),
         planned ? tr("Set next follow-up") : tr("Clear next follow-up"));
}

void LeadPanel::setQualificationPolicy(const QualificationPolicy &policy) {
    m_qualification->setPolicy(policy);
}

void LeadPanel::setScoringModel(const ScoringModel &model) {
    m_scoringModel = model;
    if (hasLead())
        showFields();
}

void LeadPanel::qualify() {
    if (hasLead())
        m_qualification->qualify();
}

void LeadPanel::convert() {
    if (hasLead())
        m_qualification->convert();
}

void LeadPanel::disqualify() {
    if (hasLead())
        m_qualification->disqualify();
}

void LeadPanel::logTouch() {
    if (hasLead())
        m_followUps->logTouch();
}

void LeadPanel::enroll(const QList<LeadVersion> &leads) {
    m_followUps->enrollLeads(leads);
}

void LeadPanel::takeStep(const LeadChanges &changes, const QString &text) {
    if (!hasLead())
        return;
    if (m_stepPending || !m_sent.isEmpty()) {
        showMessage(tr("The last change is still being saved; try again in a moment."));
        m_qualification->display(m_lead);
        return;
    }
    m_stepPending = true;
    m_message->hide();
    m_editor->edit({LeadVersion{m_lead.id, m_lead.version}}, changes, text);
}

void LeadPanel::addNote() {
    const QString text = m_note->toPlainText().trimmed();
    if (!hasLead() || text.isEmpty() || m_notePending)
        return;
    m_notePending = true;
    m_message->hide();
    m_editor->addNote(m_lead.id, text);
}

void LeadPanel::editFailed(const QString &message) {
    // Only a failure of something this panel sent is its to show; the typed values stay.
    if (m_sent.isEmpty() && !m_notePending && !m_stepPending)
        return;
    m_stepPending = false;
    m_qualification->display(m_lead); // the boxes as stored
    m_sent.clear();
    m_queued.clear(); // their values stay typed in their fields, to commit again
    m_notePending = false;
    showMessage(message);
}

void LeadPanel::showMessage(const QString &message) {
    m_message->setText(message);
    m_message->show();
}
