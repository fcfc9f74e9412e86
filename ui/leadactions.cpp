#include "leadactions.h"

#include "core/domain/leadchanges.h"
#include "core/domain/stage.h"
#include "icons.h"
#include "leadeditor.h"
#include "leadpanel.h"
#include "models/leadtablemodel.h"

#include <QAction>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTableView>
#include <QTimeZone>

LeadActions::LeadActions(QTableView *view, LeadTableModel *model, LeadEditor *editor,
                         LeadPanel *panel, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_model(model)
    , m_editor(editor)
    , m_panel(panel)
    , m_menu(new QMenu(tr("&Lead"))) {
    m_menu->setObjectName(QStringLiteral("leadMenu"));
    QAction *open = add(tr("&Open in the panel"), QKeySequence(Qt::Key_Return),
                        tr("Move the focus to the lead panel"));
    open->setObjectName(QStringLiteral("openLeadAction"));
    connect(open, &QAction::triggered, this, &LeadActions::openPanel);

    QMenu *stages = m_menu->addMenu(tr("Set &stage"));
    const QList<Stage> all = Stages::all();
    for (int i = 0; i < all.size(); ++i) {
        QAction *a = stages->addAction(Icons::stage(all.at(i)), Stages::displayName(all.at(i)));
        a->setObjectName(QStringLiteral("stageAction_%1").arg(Stages::canonicalName(all.at(i))));
        a->setShortcut(QKeySequence(Qt::Key_1 + i));
        a->setShortcutContext(Qt::WidgetShortcut);
        const QString tip = tr("Move the selected leads to %1").arg(Stages::displayName(all.at(i)));
        a->setStatusTip(tip);
        a->setToolTip(tip);
        m_view->addAction(a);
        m_needSelection << a;
        connect(a, &QAction::triggered, this, [this, i] { setStage(i); });
    }
    QAction *mine = add(tr("Assign to &me"), QKeySequence(Qt::Key_O),
                        tr("Make me the owner of the selected leads"));
    mine->setObjectName(QStringLiteral("assignToMeAction"));
    connect(mine, &QAction::triggered, this, &LeadActions::assignToMe);
    QAction *followUp = add(tr("Set next &follow-up…"), QKeySequence(Qt::Key_F),
                            tr("Plan the next touch for the selected leads"));
    followUp->setObjectName(QStringLiteral("followUpAction"));
    connect(followUp, &QAction::triggered, this, &LeadActions::setFollowUp);
    QAction *note = add(tr("Add a &note…"), QKeySequence(Qt::Key_N),
                        tr("Write a note in the current lead's history"));
    note->setObjectName(QStringLiteral("addNoteAction"));
    connect(note, &QAction::triggered, this, &LeadActions::addNote);
    QAction *touch = add(tr("Log &touch…"), QKeySequence(Qt::Key_T),
                         tr("Record a call, email, meeting or note with the current lead and "
                            "plan the next follow-up"));
    touch->setObjectName(QStringLiteral("logTouchAction"));
    connect(touch, &QAction::triggered, m_panel, &LeadPanel::logTouch);
    QAction *enroll = add(tr("&Enroll in cadence…"), QKeySequence(Qt::Key_E),
                          tr("Put the selected leads in a cadence: each touch schedules the "
                             "next"));
    enroll->setObjectName(QStringLiteral("enrollAction"));
    connect(enroll, &QAction::triggered, this, [this] { m_panel->enroll(selectedLeads()); });
    m_menu->addSeparator();
    QAction *qualify = add(tr("&Qualify"), QKeySequence(Qt::Key_Q),
                           tr("Tick every prerequisite of the current lead and move it to "
                              "Qualified"));
    qualify->setObjectName(QStringLiteral("qualifyAction"));
    connect(qualify, &QAction::triggered, m_panel, &LeadPanel::qualify);
    QAction *convert = add(tr("Con&vert to opportunity…"), QKeySequence(Qt::Key_V),
                           tr("Record the current lead's value and close date as an "
                              "opportunity"));
    convert->setObjectName(QStringLiteral("convertAction"));
    connect(convert, &QAction::triggered, m_panel, &LeadPanel::convert);
    QAction *disqualify = add(tr("Dis&qualify…"), QKeySequence(Qt::Key_X),
                              tr("Close the current lead as disqualified, with the reason"));
    disqualify->setObjectName(QStringLiteral("disqualifyAction"));
    connect(disqualify, &QAction::triggered, m_panel, &LeadPanel::disqualify);
    m_menu->addSeparator();
    QAction *dnc =
        add(tr("Mark &do not contact"), QKeySequence(), tr("No outreach to the selected leads"));
    dnc->setObjectName(QStringLiteral("doNotContactAction"));
    connect(dnc, &QAction::triggered, this, &LeadActions::markDoNotContact);
    QAction *remove = add(tr("&Delete…"), QKeySequence::Delete,
                          tr("Move the selected leads to the trash (undo brings them back)"));
    remove->setObjectName(QStringLiteral("deleteLeadsAction"));
    connect(remove, &QAction::triggered, this, &LeadActions::removeSelected);
    m_menu->addSeparator();
    QAction *who = m_menu->addAction(tr("&Who am I…"));
    who->setObjectName(QStringLiteral("whoAmIAction"));
    const QString whoTip = tr("The owner name \"assign to me\" and \"My new leads\" use");
    who->setStatusTip(whoTip);
    who->setToolTip(whoTip);
    connect(who, &QAction::triggered, this, [this] {
        if (askWhoIAm(m_view->window()))
            emit userNameChanged(me());
    });

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LeadActions::updateEnabled);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LeadActions::updateEnabled);
    updateEnabled();
}

QAction *LeadActions::add(const QString &text, const QKeySequence &key, const QString &tip) {
    QAction *a = m_menu->addAction(text);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetShortcut);
    a->setStatusTip(tip);
    a->setToolTip(tip);
    m_view->addAction(a);
    m_needSelection << a;
    return a;
}

void LeadActions::updateEnabled() {
    const bool any = m_view->selectionModel()->hasSelection();
    for (QAction *a : std::as_const(m_needSelection))
        a->setEnabled(any);
}

QString LeadActions::me() {
    const QString name = QSettings(QStringLiteral("Leadbench"), QStringLiteral("Leadbench"))
                             .value(QStringLiteral("user/name"))
                             .toString();
    return name.isEmpty() ? qEnvironmentVariable("USER") : name;
}

QList<LeadVersion> LeadActions::selectedLeads() const {
    QList<LeadVersion> leads;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows()) {
        const LeadVersion v = m_model->versionAt(row.row());
        if (v.id > 0) // a row not loaded yet has no lead to change
            leads << v;
    }
    return leads;
}

void LeadActions::setStage(int stage) {
    const QList<LeadVersion> leads = selectedLeads();
    if (leads.isEmpty())
        return;
    const Stage s = Stages::all().at(stage);
    if (s == Stage::Disqualified) { // asks for the reason, as Disqualify… does
        m_panel->disqualify();
        return;
    }
    m_editor->edit(
        leads, LeadChanges().set(QStringLiteral("stage"), Stages::canonicalName(s)),
        leads.size() == 1
            ? tr("Set stage to %1").arg(Stages::displayName(s))
            : tr("Set stage of %L1 leads to %2").arg(leads.size()).arg(Stages::displayName(s)));
}

bool LeadActions::askWhoIAm(QWidget *parent) {
    QSettings settings(QStringLiteral("Leadbench"), QStringLiteral("Leadbench"));
    bool ok = false;
    const QString name =
        QInputDialog::getText(
            parent, tr("Who am I"),
            tr("Your name as an owner of leads (\"assign to me\", \"My new leads\"):"),
            QLineEdit::Normal, me(), &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return false;
    settings.setValue(QStringLiteral("user/name"), name);
    return true;
}

void LeadActions::assignToMe() {
    const QList<LeadVersion> leads = selectedLeads();
    // Asked once, then kept: the name every "assign to me" uses.
    if (QSettings(QStringLiteral("Leadbench"), QStringLiteral("Leadbench"))
            .value(QStringLiteral("user/name"))
            .toString()
            .isEmpty()) {
        if (!askWhoIAm(m_view->window()))
            return;
        emit userNameChanged(me());
    }
    const QString name = me();
    if (leads.isEmpty() || name.isEmpty())
        return;
    m_editor->edit(leads, LeadChanges().set(QStringLiteral("owner"), name),
                   leads.size() == 1 ? tr("Assign to %1").arg(name)
                                     : tr("Assign %L1 leads to %2").arg(leads.size()).arg(name));
}

void LeadActions::setFollowUp() {
    const QList<LeadVersion> leads = selectedLeads();
    if (leads.isEmpty())
        return;
    QDialog dialog(m_view->window());
    dialog.setWindowTitle(tr("Next follow-up"));
    auto *when = new QDateTimeEdit(&dialog);
    when->setObjectName(QStringLiteral("followUpWhen"));
    when->setAccessibleName(tr("Next follow-up"));
    when->setCalendarPopup(true);
    when->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    // Tomorrow at nine: the usual next step.
    when->setDateTime(QDateTime(QDate::currentDate().addDays(1), QTime(9, 0)));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(leads.size() == 1 ? tr("Follow up on:")
                                   : tr("Follow up on %L1 leads:").arg(leads.size()),
                 when);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QDateTime at = when->dateTime().toUTC();
    m_editor->edit(leads, LeadChanges().set(QStringLiteral("next_follow_up_at"), at),
                   tr("Set next follow-up to %1")
                       .arg(QLocale().toString(when->dateTime(), QLocale::ShortFormat)));
}

void LeadActions::addNote() {
    // The panel holds the note box of the current lead.
    if (auto *note = m_panel->findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"))) {
        note->setFocus();
        return;
    }
}

void LeadActions::markDoNotContact() {
    const QList<LeadVersion> leads = selectedLeads();
    if (leads.isEmpty())
        return;
    m_editor->edit(leads, LeadChanges().set(QStringLiteral("do_not_contact"), true),
                   leads.size() == 1 ? tr("Mark do not contact")
                                     : tr("Mark %L1 leads do not contact").arg(leads.size()));
}

void LeadActions::removeSelected() {
    const QList<LeadVersion> leads = selectedLeads();
    if (leads.isEmpty())
        return;
    const QMessageBox::StandardButton answer = QMessageBox::question(
        m_view->window(), tr("Delete leads"),
        leads.size() == 1
            ? tr("Move this lead and its history to the trash?")
            : tr("Move these %L1 leads and their history to the trash?").arg(leads.size()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    QList<qint64> ids;
    for (const LeadVersion &l : leads)
        ids << l.id;
    m_editor->remove(ids, leads.size() == 1 ? tr("Delete lead")
                                            : tr("Delete %L1 leads").arg(ids.size()));
}

void LeadActions::openPanel() {
    if (auto *stage = m_panel->findChild<QWidget *>(QStringLiteral("stageCombo")))
        stage->setFocus();
}
