#pragma once

#include "core/domain/storefront.h"
#include "core/storage/database.h"

#include <QAbstractListModel>
#include <QList>

#include <optional>

// The storefront queues a user picks from: All, then each storefront with its lead count.
class StorefrontListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        // Canonical storefront name; empty for the All row.
        StorefrontRole = Qt::UserRole + 1,
        CountRole,
    };

    explicit StorefrontListModel(const Database &db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The filter a row stands for; nullopt for All (or an invalid row).
    std::optional<Storefront> storefrontAt(int row) const;
    qint64 countAt(int row) const;
    // The row of a storefront, or of All for nullopt; -1 when it is not listed.
    int rowOf(std::optional<Storefront> storefront) const;

    QString lastError() const { return m_error; }

public slots:
    // Re-reads the counts. Rows stay in place so that a view keeps its selection; Other is
    // added or removed as it gains or loses leads.
    void refresh();

signals:
    void errorOccurred(const QString &message);

private:
    struct Entry {
        std::optional<Storefront> storefront;
        qint64 count = 0;
    };

    Database m_db;
    QList<Entry> m_entries;
    QString m_error;
};
