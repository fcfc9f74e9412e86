#pragma once

#include "core/domain/cadence.h"
#include "core/domain/followupplan.h"
#include "core/domain/lead.h"
#include "core/nurture/nurturepolicy.h"
#include "core/storage/database.h"
#include "core/storage/leadwriter.h"

#include <QList>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class DatabaseReader;
class LeadEditor;
class QLabel;
class QPushButton;

// The lead panel's follow-up: when the next one is, what it is, whose it is and where the lead
// is in its cadence, with Log touch…, Schedule…, Enroll in cadence… and Email…. The plan and
// the cadences are read on a thread of its own; each step goes through the editor as one undo
// step. A do-not-contact, closed or test lead gets none of them, and the reason is shown.
class FollowUpSection : public QWidget {
    Q_OBJECT
public:
    FollowUpSection(const Database &db, LeadEditor *editor, QWidget *parent = nullptr);
    ~FollowUpSection() override;

    // Shows `lead` and reads its plan and the cadences.
    void display(const Lead &lead);
    void clear();
    // True while the plan of the lead shown is on its way.
    bool isLoading() const { return m_loading; }
    const FollowUpPlan &plan() const { return m_plan; }
    // Why no follow-up step may be taken for `lead` ("" when they may).
    static QString blockedReason(const Lead &lead);

public slots:
    void logTouch();
    void schedule();
    // Enrols the lead shown, or `leads` (a selection), in a cadence the user picks.
    void enroll();
    void enrollLeads(const QList<LeadVersion> &leads);
    // Opens the user's mail program with the email template filled in, and logs the email.
    void email();

signals:
    // The plan of the lead shown arrived and is on screen.
    void planShown();
    // A step this section could not ask for, and why.
    void refused(const QString &message);

private:
    struct Read;
    void arrived(const Read &read);
    void showPlan();
    std::optional<Cadence> cadenceNamed(const QString &name) const;
    // The follow-up the next logged touch proposes: the cadence's next touch, else tomorrow.
    std::optional<NurturePolicy::NextFollowUp> proposedNext(QString *note) const;
    QString leadName() const;

    LeadEditor *m_editor;
    Lead m_lead;
    FollowUpPlan m_plan;
    QList<Cadence> m_cadences;
    bool m_loading = false;
    bool m_pending = false; // a step of this section is on its way: its failure is ours to show
    quint64 m_generation = 0;
    std::atomic<quint64> m_latest = 0;

    QLabel *m_when = nullptr;
    QLabel *m_cadence = nullptr;
    QLabel *m_blocked = nullptr;
    QPushButton *m_log = nullptr;
    QPushButton *m_schedule = nullptr;
    QPushButton *m_enroll = nullptr;
    QPushButton *m_email = nullptr;
    // Ended first in the destructor: its jobs report to this widget.
    std::unique_ptr<DatabaseReader> m_reader;
};
