#include "logtouchdialog.h"

#include "followupdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

LogTouchDialog::LogTouchDialog(const QString &leadName, TouchKind kind,
                               const std::optional<NurturePolicy::NextFollowUp> &next,
                               const QString &nextNote, QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("logTouchDialog"));
    setWindowTitle(tr("Log a touch with %1").arg(leadName));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_kind = FollowUpDialog::kindBox(kind, true);
    m_kind->setObjectName(QStringLiteral("touchKind"));
    m_kind->setAccessibleName(tr("Kind of touch"));
    form->addRow(tr("&Kind:"), m_kind);
    m_outcome = new QComboBox;
    m_outcome->setObjectName(QStringLiteral("touchOutcome"));
    m_outcome->setAccessibleName(tr("Outcome"));
    m_outcome->setEditable(true);
    m_outcome->addItems({QString(), tr("left a voicemail"), tr("no answer"), tr("sent"),
                         tr("talked"), QStringLiteral("responded")});
    m_outcome->lineEdit()->setPlaceholderText(tr("How it went; \"responded\" ends a cadence"));
    form->addRow(tr("&Outcome:"), m_outcome);
    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("touchText"));
    m_text->setAccessibleName(tr("What was said"));
    m_text->setTabChangesFocus(true);
    m_text->setMaximumHeight(m_text->fontMetrics().lineSpacing() * 4 + 12);
    form->addRow(tr("&Text:"), m_text);

    m_scheduleNext = new QCheckBox(tr("&Next follow-up:"));
    m_scheduleNext->setObjectName(QStringLiteral("scheduleNext"));
    m_scheduleNext->setAccessibleName(tr("Schedule the next follow-up"));
    m_scheduleNext->setChecked(next.has_value());
    m_nextAt =
        new QDateTimeEdit((next ? next->at : FollowUpDialog::tomorrowMorning()).toLocalTime());
    m_nextAt->setObjectName(QStringLiteral("nextFollowUpWhen"));
    m_nextAt->setAccessibleName(tr("Next follow-up time"));
    m_nextAt->setCalendarPopup(true);
    m_nextAt->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_nextKind = FollowUpDialog::kindBox(next ? next->kind : TouchKind::Call, false);
    m_nextKind->setObjectName(QStringLiteral("nextFollowUpKind"));
    m_nextKind->setAccessibleName(tr("Next follow-up kind"));
    auto *nextRow = new QHBoxLayout;
    nextRow->addWidget(m_nextAt, 1);
    nextRow->addWidget(m_nextKind);
    form->addRow(m_scheduleNext, nextRow);
    auto *hint = new QLabel(nextNote);
    hint->setObjectName(QStringLiteral("nextFollowUpHint"));
    hint->setWordWrap(true);
    hint->setVisible(!nextNote.isEmpty());
    form->addRow(QString(), hint);
    layout->addLayout(form);
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("touchProblem"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_ok = buttons->addButton(tr("&Log touch"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("logTouchButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Tab reaching the box goes to its accept button (the box's focus proxy) and on from there:
    // Cancel, made first, would come before it and never be reached.
    setTabOrder(m_ok, buttons->button(QDialogButtonBox::Cancel));
    connect(m_outcome, &QComboBox::currentTextChanged, this, &LogTouchDialog::check);
    connect(m_scheduleNext, &QCheckBox::toggled, this, &LogTouchDialog::check);
    check();
}

void LogTouchDialog::check() {
    const bool outcome = !m_outcome->currentText().trimmed().isEmpty();
    m_ok->setEnabled(outcome);
    m_problem->setText(outcome ? QString() : tr("Say how it went: the outcome is needed."));
    m_nextAt->setEnabled(m_scheduleNext->isChecked());
    m_nextKind->setEnabled(m_scheduleNext->isChecked());
}

Touch LogTouchDialog::touch() const {
    Touch t;
    t.kind = TouchKind(m_kind->currentData().toInt());
    t.outcome = m_outcome->currentText().trimmed();
    t.text = m_text->toPlainText().trimmed();
    return t;
}

std::optional<NurturePolicy::NextFollowUp> LogTouchDialog::next() const {
    if (!m_scheduleNext->isChecked())
        return std::nullopt;
    return NurturePolicy::NextFollowUp{m_nextAt->dateTime().toUTC(),
                                       TouchKind(m_nextKind->currentData().toInt())};
}
