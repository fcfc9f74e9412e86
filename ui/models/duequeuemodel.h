#pragma once

#include "core/storage/database.h"
#include "core/storage/duefollowup.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

#include <atomic>
#include <functional>
#include <memory>

class DatabaseReader;
class QTimer;

// A rep's Due queue: their overdue and today's follow-ups, oldest first (DueQueue), read on a
// reader thread of its own, the newest read winning. Overdue rows say so in words and with an
// icon, not by colour only.
class DueQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { DueColumn, NameColumn, CompanyColumn, KindColumn, CadenceColumn, ColumnCount };
    enum Role {
        LeadIdRole = Qt::UserRole + 1,
        OverdueRole,
    };
    // The most rows the queue shows: a day's work, not the whole backlog.
    static constexpr int RowLimit = 500;

    explicit DueQueueModel(const Database &db, QObject *parent = nullptr);
    ~DueQueueModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Whose queue it is; reads it again.
    void setOwner(const QString &owner);
    QString owner() const { return m_owner; }
    // Where "now" comes from (the current time by default); tests set their own.
    void setClock(std::function<QDateTime()> clock);
    const DueFollowUp *followUpAt(int row) const;
    int overdueCount() const;
    // True while a read is on its way.
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_error; }

public slots:
    void refresh();
    // Reads again shortly: the edits of a burst make one read.
    void refreshSoon();

signals:
    // A read arrived and the rows are replaced.
    void loaded();
    void errorOccurred(const QString &message);

private:
    struct Read;
    void arrived(const Read &read);

    QString m_owner;
    std::function<QDateTime()> m_clock;
    QList<DueFollowUp> m_rows;
    QDateTime m_readAt;
    QString m_error;
    bool m_loading = false;
    quint64 m_generation = 0;
    std::atomic<quint64> m_latest = 0;
    QTimer *m_soon = nullptr;
    // Ended first in the destructor: its jobs report to this model.
    std::unique_ptr<DatabaseReader> m_reader;
};
