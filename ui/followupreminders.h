#pragma once

#include "core/storage/database.h"
#include "core/storage/duefollowup.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSet>

#include <atomic>
#include <functional>
#include <memory>

class DatabaseReader;
class QTimer;

// While the program runs, notices the rep's follow-ups that fall due and says so once, several
// that fall due together in one message. What is due comes from the Due queue (so never a
// do-not-contact, closed or test lead), read on a thread of its own. The clock is injectable:
// a test moves it forward and calls check() instead of waiting.
class FollowUpReminders : public QObject {
    Q_OBJECT
public:
    // What one reminder says, and about which leads.
    struct Reminder {
        QString title;
        QString text;
        QList<qint64> leadIds; // due time order
    };

    FollowUpReminders(const Database &db, const QString &owner, QObject *parent = nullptr);
    ~FollowUpReminders() override;

    // Where "now" comes from; follow-ups due after the clock's time when it is set are announced.
    void setClock(std::function<QDateTime()> clock);
    void setOwner(const QString &owner);
    // Checks every `ms` milliseconds (0 stops); a minute suits people.
    void start(int ms = 60000);
    // The reminder for follow-ups that fell due together.
    static Reminder reminderFor(const QList<DueFollowUp> &due);

public slots:
    // Reads what is due now and announces what fell due since the last check.
    void check();

signals:
    void reminderDue(const FollowUpReminders::Reminder &reminder);
    // A check finished, whether or not anything fell due.
    void checked();

private:
    struct Read;
    void arrived(const Read &read);

    QString m_owner;
    std::function<QDateTime()> m_clock;
    QDateTime m_since;         // follow-ups due after this and not yet announced are new
    QSet<QString> m_announced; // lead id and due time: a rescheduled follow-up is new again
    quint64 m_generation = 0;
    std::atomic<quint64> m_latest = 0;
    QTimer *m_timer = nullptr;
    std::unique_ptr<DatabaseReader> m_reader;
};
