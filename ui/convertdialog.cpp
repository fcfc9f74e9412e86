#include "convertdialog.h"

#include "core/domain/followupdestination.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

ConvertDialog::ConvertDialog(const QString &leadName, const OpportunityDetails &current,
                             QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("convertDialog"));
    setWindowTitle(tr("Convert %1 to an opportunity").arg(leadName));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_value = new QDoubleSpinBox;
    m_value->setObjectName(QStringLiteral("opportunityValue"));
    m_value->setAccessibleName(tr("Estimated value"));
    m_value->setRange(0, 1e12);
    m_value->setDecimals(2);
    m_value->setGroupSeparatorShown(true);
    m_value->setValue(current.value);
    form->addRow(tr("Estimated &value:"), m_value);
    m_currency = new QLineEdit(current.currency.isEmpty()
                                   ? QLocale().currencySymbol(QLocale::CurrencyIsoCode)
                                   : current.currency);
    m_currency->setObjectName(QStringLiteral("opportunityCurrency"));
    m_currency->setAccessibleName(tr("Currency"));
    m_currency->setMaxLength(3);
    m_currency->setPlaceholderText(QStringLiteral("EUR"));
    form->addRow(tr("&Currency:"), m_currency);
    m_close = new QDateEdit;
    m_close->setObjectName(QStringLiteral("expectedClose"));
    m_close->setAccessibleName(tr("Expected close date"));
    m_close->setCalendarPopup(true);
    m_close->setDate(current.expectedCloseAt.isValid() ? current.expectedCloseAt.date()
                                                       : QDate::currentDate().addMonths(3));
    form->addRow(tr("Expected c&lose:"), m_close);
    m_destination = new QComboBox;
    m_destination->setObjectName(QStringLiteral("destination"));
    m_destination->setAccessibleName(tr("Where it is followed up"));
    for (FollowUpDestination d : FollowUpDestinations::all())
        m_destination->addItem(FollowUpDestinations::displayName(d),
                               FollowUpDestinations::canonicalName(d));
    if (const int i = m_destination->findData(current.destination); i >= 0)
        m_destination->setCurrentIndex(i);
    form->addRow(tr("Followed up in:"), m_destination);
    layout->addLayout(form);
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("convertProblem"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_ok = buttons->addButton(tr("C&onvert"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("convertButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Tab reaching the box goes to its accept button (the box's focus proxy) and on from there:
    // Cancel, made first, would come before it and never be reached.
    setTabOrder(m_ok, buttons->button(QDialogButtonBox::Cancel));
    connect(m_value, &QDoubleSpinBox::valueChanged, this, &ConvertDialog::check);
    connect(m_currency, &QLineEdit::textChanged, this, &ConvertDialog::check);
    check();
}

OpportunityDetails ConvertDialog::details() const {
    OpportunityDetails d;
    d.value = m_value->value();
    d.currency = m_currency->text().trimmed().toUpper();
    d.expectedCloseAt = QDateTime(m_close->date(), QTime(0, 0), QTimeZone::utc());
    d.destination = m_destination->currentData().toString();
    return d;
}

void ConvertDialog::check() {
    const QStringList problems = details().problems();
    m_problem->setText(problems.join(QLatin1Char('\n')));
    m_ok->setEnabled(problems.isEmpty());
}
