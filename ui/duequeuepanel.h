#pragma once

#include "core/domain/lead.h"
#include "core/storage/database.h"

#include <QWidget>

class DueQueueModel;
class QLabel;
class QTableView;

// The Due queue as a rep works it: how many follow-ups are due and how many overdue, then the
// list oldest first; Enter or a double-click opens the lead.
class DueQueuePanel : public QWidget {
    Q_OBJECT
public:
    DueQueuePanel(const Database &db, const QString &owner, QWidget *parent = nullptr);

    DueQueueModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

signals:
    // The rep chose this lead to work on.
    void leadChosen(const Lead &lead);

private:
    void showSummary();
    void open(const QModelIndex &index);

    DueQueueModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_summary = nullptr;
};
