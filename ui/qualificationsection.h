#pragma once

#include "core/domain/lead.h"
#include "core/domain/leadchanges.h"
#include "core/domain/qualificationpolicy.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;

// The lead panel's way from lead to opportunity: the qualification checklist with who ticked
// what and when, and Qualify, Convert to opportunity… and Disqualify…. Each step is asked of
// the policy and handed on as the changes of one edit, so that it is versioned and undoable.
class QualificationSection : public QWidget {
    Q_OBJECT
public:
    QualificationSection(const QString &actor, QWidget *parent = nullptr);

    void display(const Lead &lead);
    const QualificationPolicy &policy() const { return m_policy; }
    // The team's checklist (PrerequisiteStore), in place of BANT; the lead is shown again.
    void setPolicy(const QualificationPolicy &policy);

public slots:
    void qualify();
    void convert();
    void disqualify();

signals:
    // A step the policy allows: store `changes` on the lead, as one undo step named `text`.
    void stepRequested(const LeadChanges &changes, const QString &text);
    // A step the policy refused, and why.
    void refused(const QString &message);

private:
    void makeChecks();
    void toggled(const QString &item, bool on);
    void request(const QualificationPolicy::Step &step, const QString &text);
    QString leadName() const;

    QString m_actor;
    QualificationPolicy m_policy;
    Lead m_lead;
    QList<QCheckBox *> m_checks;
    QLabel *m_state = nullptr;
    QPushButton *m_qualify = nullptr;
    QPushButton *m_convert = nullptr;
    QPushButton *m_disqualify = nullptr;
};
