#pragma once

#include "core/domain/storefront.h"
#include "core/storage/database.h"
#include "core/storage/leadstats.h"

#include <QAbstractListModel>
#include <QList>

#include <atomic>
#include <memory>
#include <optional>

class DatabaseReader;

// The storefront queues a user picks from: All, then each storefront with its lead count, the
// counts read on a reader thread of its own.
class StorefrontListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        // Canonical storefront name; empty for the All row.
        StorefrontRole = Qt::UserRole + 1,
        // The row's lead count; invalid until the first counts arrive.
        CountRole,
    };

    // The rows are there at once, without counts; the counts follow (countsChanged).
    explicit StorefrontListModel(const Database &db, QObject *parent = nullptr);
    ~StorefrontListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The filter a row stands for; nullopt for All (or an invalid row).
    std::optional<Storefront> storefrontAt(int row) const;
    // 0 until the counts arrive.
    qint64 countAt(int row) const;
    // True while counts are on their way.
    bool isCounting() const { return m_counting; }
    // The row of a storefront, or of All for nullopt; -1 when it is not listed.
    int rowOf(std::optional<Storefront> storefront) const;

    QString lastError() const { return m_error; }

public slots:
    // Reads the counts again, off this thread; an answer to an earlier refresh that arrives
    // later is dropped. Rows stay in place so that a view keeps its selection; Other is added
    // or removed as it gains or loses leads.
    void refresh();

signals:
    // Fresh counts are showing.
    void countsChanged();
    // The counts could not be read; the rows keep the counts they had.
    void errorOccurred(const QString &message);
    // Counts were read again after a failure.
    void errorCleared();

private:
    struct Entry {
        std::optional<Storefront> storefront;
        std::optional<qint64> count;
    };

    void statsArrived(quint64 generation, const std::optional<LeadStats> &stats,
                      const QString &error);

    Database m_db;
    QList<Entry> m_entries;
    QString m_error;
    bool m_counting = false;
    // Bumped by every refresh: an answer to an older one is dropped.
    quint64 m_generation = 0;
    // The generation as the reader thread sees it, so that a stale refresh skips the query.
    std::atomic<quint64> m_latest = 0;
    // Ended first thing in the destructor: its thread uses the members above.
    std::unique_ptr<DatabaseReader> m_reader;
};
