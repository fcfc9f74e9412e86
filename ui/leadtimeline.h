#pragma once

#include "core/domain/activity.h"
#include "core/domain/leadevent.h"
#include "core/storage/database.h"

#include <QWidget>

#include <atomic>
#include <memory>

class DatabaseReader;
class QListWidget;

// A lead's history, newest first: its marketplace events and every change, note and step,
// each with who and when, read on a thread of its own.
class LeadTimeline : public QWidget {
    Q_OBJECT
public:
    explicit LeadTimeline(const Database &db, QWidget *parent = nullptr);
    ~LeadTimeline() override;

    // Reads the history of lead `id`; an answer for a lead left meanwhile is dropped.
    void showLead(qint64 id);
    void clear();
    // True while a history is on its way.
    bool isLoading() const { return m_loading; }

    // One line of the history for an activity or an event, without its time.
    static QString describe(const Activity &activity);
    static QString describe(const LeadEvent &event);
    // A marketplace action code as a rep says it ("Install" for INS); unknown codes as they came.
    static QString actionName(const QString &action);

signals:
    // The history asked for arrived and is on screen.
    void shown();

private:
    struct History;
    void arrived(const History &history);

    QListWidget *m_list = nullptr;
    qint64 m_leadId = 0;
    bool m_loading = false;
    quint64 m_generation = 0;
    // The newest read as the reader thread sees it: moving quickly through the table skips
    // the reads of leads already left behind.
    std::atomic<quint64> m_latest = 0;
    // Ended first in the destructor: its jobs report to this widget.
    std::unique_ptr<DatabaseReader> m_reader;
};
