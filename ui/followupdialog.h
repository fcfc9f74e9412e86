#pragma once

#include "core/domain/touchkind.h"

#include <QDateTime>
#include <QDialog>

class QComboBox;
class QDateTimeEdit;

// Asks when the next follow-up is and what it is (call, email, meeting, task).
class FollowUpDialog : public QDialog {
    Q_OBJECT
public:
    FollowUpDialog(const QString &leadName, const QDateTime &at, TouchKind kind,
                   QWidget *parent = nullptr);

    QDateTime at() const; // UTC
    TouchKind kind() const;

    // Tomorrow 09:00 local time: where a follow-up starts when nothing suggests another time.
    static QDateTime tomorrowMorning();
    // A combo box of the follow-up kinds (TouchKinds::isFollowUpKind), `kind` chosen.
    static QComboBox *kindBox(TouchKind kind, bool loggable);

private:
    QDateTimeEdit *m_at = nullptr;
    QComboBox *m_kind = nullptr;
};
