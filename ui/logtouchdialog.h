#pragma once

#include "core/nurture/nurturepolicy.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;

// Logs a touch (call, email, meeting or note: how it went and what was said) and asks for the
// next follow-up, prefilled with the cadence's next touch when the lead is in one.
class LogTouchDialog : public QDialog {
    Q_OBJECT
public:
    // `next`: the follow-up to propose; none: no next follow-up is proposed (the box unticked).
    LogTouchDialog(const QString &leadName, TouchKind kind,
                   const std::optional<NurturePolicy::NextFollowUp> &next, const QString &nextNote,
                   QWidget *parent = nullptr);

    Touch touch() const;
    // The next follow-up asked for; none when the box is unticked.
    std::optional<NurturePolicy::NextFollowUp> next() const;

private:
    void check();

    QComboBox *m_kind = nullptr;
    QComboBox *m_outcome = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QCheckBox *m_scheduleNext = nullptr;
    QDateTimeEdit *m_nextAt = nullptr;
    QComboBox *m_nextKind = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_ok = nullptr;
};
