#include "disqualifydialog.h"

#include "core/domain/disqualifyreason.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

DisqualifyDialog::DisqualifyDialog(const QString &leadName, QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("disqualifyDialog"));
    setWindowTitle(tr("Disqualify %1").arg(leadName));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_reason = new QComboBox;
    m_reason->setObjectName(QStringLiteral("disqualifyReason"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->addItem(tr("Choose a reason…"), QString());
    for (DisqualifyReason r : DisqualifyReasons::all())
        m_reason->addItem(DisqualifyReasons::displayName(r), DisqualifyReasons::canonicalName(r));
    form->addRow(tr("&Reason:"), m_reason);
    m_text = new QLineEdit;
    m_text->setObjectName(QStringLiteral("disqualifyText"));
    m_text->setAccessibleName(tr("Why, in a few words"));
    m_text->setPlaceholderText(tr("Why, in a few words"));
    form->addRow(tr("&Note:"), m_text);
    layout->addLayout(form);
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("disqualifyProblem"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_ok = buttons->addButton(tr("&Disqualify"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("disqualifyButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Tab reaching the box goes to its accept button (the box's focus proxy) and on from there:
    // Cancel, made first, would come before it and never be reached.
    setTabOrder(m_ok, buttons->button(QDialogButtonBox::Cancel));
    connect(m_reason, &QComboBox::currentIndexChanged, this, &DisqualifyDialog::check);
    connect(m_text, &QLineEdit::textChanged, this, &DisqualifyDialog::check);
    check();
}

QString DisqualifyDialog::reason() const {
    return m_reason->currentData().toString();
}

QString DisqualifyDialog::text() const {
    return m_text->text().trimmed();
}

void DisqualifyDialog::check() {
    DisqualifyReason r;
    const bool chosen = DisqualifyReasons::fromCanonicalName(reason(), &r);
    const bool needsText = chosen && DisqualifyReasons::needsText(r) && text().isEmpty();
    m_problem->setText(!chosen     ? tr("A lead is disqualified for a reason: choose one.")
                       : needsText ? tr("\"Other\" needs a few words saying why.")
                                   : QString());
    m_ok->setEnabled(chosen && !needsText);
}
