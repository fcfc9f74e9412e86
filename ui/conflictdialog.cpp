#include "conflictdialog.h"

#include "core/domain/leadcolumns.h"
#include "leadpanel.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

ConflictDialog::ConflictDialog(const Lead &mine, const Lead &theirs, const QStringList &fields,
                               QWidget *parent)
    : QDialog(parent)
    , m_mine(mine)
    , m_theirs(theirs)
    , m_fields(fields) {
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Someone else changed this lead"));
    setAccessibleName(windowTitle());
    setMinimumWidth(440);
    auto *layout = new QVBoxLayout(this);
    const QString name = theirs.fullName().isEmpty() ? theirs.company : theirs.fullName();
    auto *intro = new QLabel(tr("%1 was changed by someone else after you opened it. For each "
                                "field, choose the value to keep. Their values stay unless you "
                                "choose yours.")
                                 .arg(name.toHtmlEscaped()));
    intro->setObjectName(QStringLiteral("conflictIntro"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *grid = new QGridLayout;
    const auto header = [](const QString &text) {
        auto *l = new QLabel(text);
        QFont f = l->font();
        f.setBold(true);
        l->setFont(f);
        return l;
    };
    grid->addWidget(header(tr("Field")), 0, 0);
    grid->addWidget(header(tr("Their value")), 0, 1);
    grid->addWidget(header(tr("My value")), 0, 2);
    int row = 1;
    for (const QString &field : fields) {
        const QString label = LeadPanel::fieldName(field);
        // Capitalised as a row heading; the accessible names use it mid-sentence.
        grid->addWidget(new QLabel(label.left(1).toUpper() + label.mid(1)), row, 0);
        auto *their =
            new QRadioButton(LeadPanel::shownValue(field, LeadColumns::value(theirs, field)));
        their->setObjectName(QStringLiteral("theirs_") + field);
        their->setAccessibleName(tr("Keep their %1").arg(label));
        auto *my = new QRadioButton(LeadPanel::shownValue(field, LeadColumns::value(mine, field)));
        my->setObjectName(QStringLiteral("mine_") + field);
        my->setAccessibleName(tr("Keep my %1").arg(label));
        auto *group = new QButtonGroup(this);
        group->addButton(their);
        group->addButton(my);
        their->setChecked(true); // nothing of theirs is overwritten unless asked
        grid->addWidget(their, row, 1);
        grid->addWidget(my, row, 2);
        m_theirButtons.insert(field, their);
        m_mineButtons.insert(field, my);
        ++row;
    }
    layout->addLayout(grid);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Keep the chosen values"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("conflictApply"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void ConflictDialog::keepMine(const QString &field, bool mine) {
    if (QRadioButton *b = (mine ? m_mineButtons : m_theirButtons).value(field))
        b->setChecked(true);
}

bool ConflictDialog::keepsMine(const QString &field) const {
    const QRadioButton *b = m_mineButtons.value(field);
    return b && b->isChecked();
}

LeadChanges ConflictDialog::changesToKeep() const {
    LeadChanges changes;
    for (const QString &field : m_fields) {
        if (keepsMine(field))
            changes.set(field, LeadColumns::value(m_mine, field));
    }
    return changes;
}
