#pragma once

#include "core/domain/lead.h"
#include "core/scoring/scoringmodel.h"
#include "core/storage/database.h"
#include "core/storage/leadwriter.h"

#include <QHash>
#include <QList>
#include <QVariant>
#include <QWidget>

class ElidedLabel;
class FollowUpSection;
class LeadChanges;
class LeadEditor;
class LeadTimeline;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QualificationPolicy;
class QualificationSection;
class ScoreSection;

// The current lead at a glance and at hand: who it is and how to reach them, where it stands,
// its notes and its whole history, with the fields a rep changes saved through the editor.
class LeadPanel : public QWidget {
    Q_OBJECT
public:
    LeadPanel(const Database &db, LeadEditor *editor, QWidget *parent = nullptr);
    ~LeadPanel() override;

    // Shows `lead` and reads its history on the panel's reader thread.
    void setLead(const Lead &lead);
    // Shows no lead.
    void clear();
    bool hasLead() const { return m_lead.id != 0; }
    // True while a change to the lead shown is on its way or waiting, or a note is typed and
    // not yet added: what showing another lead or none would lose.
    bool hasWorkInProgress() const;
    const Lead &lead() const { return m_lead; }
    // True while the history of the lead shown is on its way.
    bool isLoadingHistory() const;
    FollowUpSection *followUpSection() const { return m_followUps; }

    // A column's machine value as a person reads it ("Qualified", a local time, "none").
    static QString shownValue(const QString &column, const QVariant &value);
    // A column as a person names it ("next follow up" for next_follow_up_at).
    static QString fieldName(const QString &column);

public slots:
    // The lead as stored after a change; the panel follows it when it is the lead shown.
    void leadChanged(const Lead &lead);
    // Reads the history of the lead shown again.
    void refreshHistory();
    // The model whose words explain scores (the shipped one until the window reads the current).
    void setScoringModel(const ScoringModel &model);
    // The qualification checklist the team works with.
    void setQualificationPolicy(const QualificationPolicy &policy);
    // The qualification steps for the lead shown (the Lead menu's Q, V and X).
    void qualify();
    void convert();
    void disqualify();
    // The follow-up steps for the lead shown (the Lead menu's T and E); enrolment also for a
    // selection.
    void logTouch();
    void enroll(const QList<LeadVersion> &leads);

signals:
    // The history of the lead shown arrived and is on screen.
    void historyShown();

private:
    void buildWidgets();
    void showFields();
    void showContact();
    void save(const QString &column, const QVariant &value, const QString &text);
    void saveStage(int index);
    void saveOwner();
    void saveFollowUp();
    void addNote();
    void takeStep(const LeadChanges &changes, const QString &text);
    void editFailed(const QString &message);
    void showMessage(const QString &message);

    Database m_db;
    LeadEditor *m_editor;
    Lead m_lead;
    ScoringModel m_scoringModel = ScoringModel::defaultModel();
    // Values sent and not yet answered, per column: a second Enter or focus-out for the same
    // value is not another edit.
    QHash<QString, QVariant> m_sent;
    // A save committed while another is on its way waits for its new version, so that it is
    // not refused as a conflict with the panel's own change.
    struct Queued {
        QString column;
        QVariant value;
        QString text;
    };
    QList<Queued> m_queued;
    bool m_notePending = false;
    bool m_stepPending = false; // a qualification step on its way

    QLabel *m_name = nullptr;
    QLabel *m_dncReason = nullptr;
    ElidedLabel *m_email = nullptr;
    QLabel *m_emailWarning = nullptr;
    ElidedLabel *m_phone = nullptr;
    QLabel *m_phoneWarning = nullptr;
    QLabel *m_company = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_country = nullptr;
    QLabel *m_offer = nullptr;
    QLabel *m_storefront = nullptr;
    ScoreSection *m_score = nullptr;
    QualificationSection *m_qualification = nullptr;
    FollowUpSection *m_followUps = nullptr;
    QComboBox *m_stage = nullptr;
    QLineEdit *m_owner = nullptr;
    QCheckBox *m_followUpSet = nullptr;
    QDateTimeEdit *m_followUp = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QPushButton *m_addNote = nullptr;
    QLabel *m_message = nullptr;
    LeadTimeline *m_timeline = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_body = nullptr;
    QLabel *m_empty = nullptr;
};
