#include "followupdialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {

QString kindLabel(TouchKind kind) {
    switch (kind) {
    case TouchKind::Call:
        return FollowUpDialog::tr("Call");
    case TouchKind::Email:
        return FollowUpDialog::tr("Email");
    case TouchKind::Meeting:
        return FollowUpDialog::tr("Meeting");
    case TouchKind::Task:
        return FollowUpDialog::tr("Task");
    case TouchKind::Note:
        break;
    }
    return FollowUpDialog::tr("Note");
}

} // namespace

QComboBox *FollowUpDialog::kindBox(TouchKind kind, bool loggable) {
    auto *box = new QComboBox;
    for (TouchKind k : TouchKinds::all()) {
        if (loggable ? TouchKinds::isLoggable(k) : TouchKinds::isFollowUpKind(k))
            box->addItem(kindLabel(k), int(k));
    }
    box->setCurrentIndex(std::max(0, box->findData(int(kind))));
    box->setAccessibleName(tr("Kind of touch"));
    return box;
}

QDateTime FollowUpDialog::tomorrowMorning() {
    return QDateTime(QDate::currentDate().addDays(1), QTime(9, 0));
}

FollowUpDialog::FollowUpDialog(const QString &leadName, const QDateTime &at, TouchKind kind,
                               QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("followUpDialog"));
    setWindowTitle(tr("Schedule a follow-up with %1").arg(leadName));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_at = new QDateTimeEdit((at.isValid() ? at : tomorrowMorning()).toLocalTime());
    m_at->setObjectName(QStringLiteral("followUpWhen"));
    m_at->setAccessibleName(tr("When"));
    m_at->setCalendarPopup(true);
    m_at->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    form->addRow(tr("&When:"), m_at);
    m_kind = kindBox(kind, false);
    m_kind->setObjectName(QStringLiteral("followUpKind"));
    m_kind->setAccessibleName(tr("What"));
    form->addRow(tr("W&hat:"), m_kind);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *schedule = buttons->addButton(tr("&Schedule"), QDialogButtonBox::AcceptRole);
    schedule->setObjectName(QStringLiteral("scheduleButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Tab reaching the box goes to its accept button (the box's focus proxy) and on from there:
    // Cancel, made first, would come before it and never be reached.
    setTabOrder(schedule, buttons->button(QDialogButtonBox::Cancel));
}

QDateTime FollowUpDialog::at() const {
    return m_at->dateTime().toUTC();
}

TouchKind FollowUpDialog::kind() const {
    return TouchKind(m_kind->currentData().toInt());
}
