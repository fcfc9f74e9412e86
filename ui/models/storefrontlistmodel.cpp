#include "storefrontlistmodel.h"

#include "core/storage/leadrepository.h"

#include <QLocale>

StorefrontListModel::StorefrontListModel(const Database &db, QObject *parent)
    : QAbstractListModel(parent)
    , m_db(db) {
    refresh();
}

int StorefrontListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant StorefrontListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString name =
            entry.storefront ? Storefronts::displayName(*entry.storefront) : tr("All");
        return tr("%1 (%2)").arg(name, QLocale().toString(entry.count));
    }
    case Qt::ToolTipRole:
        return entry.storefront ? tr("Leads that arrived through %1")
                                      .arg(Storefronts::displayName(*entry.storefront))
                                : tr("All leads, test leads excluded");
    case StorefrontRole:
        return entry.storefront ? Storefronts::canonicalName(*entry.storefront) : QString();
    case CountRole:
        return entry.count;
    default:
        return {};
    }
}

QHash<int, QByteArray> StorefrontListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(StorefrontRole, QByteArrayLiteral("storefront"));
    names.insert(CountRole, QByteArrayLiteral("count"));
    return names;
}

std::optional<Storefront> StorefrontListModel::storefrontAt(int row) const {
    if (row < 0 || row >= m_entries.size())
        return std::nullopt;
    return m_entries.at(row).storefront;
}

qint64 StorefrontListModel::countAt(int row) const {
    if (row < 0 || row >= m_entries.size())
        return 0;
    return m_entries.at(row).count;
}

int StorefrontListModel::rowOf(std::optional<Storefront> storefront) const {
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).storefront == storefront)
            return int(row);
    }
    return -1;
}

void StorefrontListModel::refresh() {
    LeadRepository repository(m_db);
    const std::optional<LeadStats> stats = repository.stats(LeadFilter{});
    if (!stats) {
        m_error = repository.lastError();
        emit errorOccurred(m_error);
    } else {
        m_error.clear();
    }

    QList<Entry> fresh;
    fresh.append({std::nullopt, stats ? stats->total : 0});
    for (Storefront s : Storefronts::all()) {
        const qint64 count = stats ? stats->byStorefront.value(Storefronts::canonicalName(s)) : 0;
        // Other is a catch-all that is empty for a well-configured publisher: listing it at
        // zero would only be noise.
        if (s == Storefront::Other && count == 0)
            continue;
        fresh.append({s, count});
    }

    // The fixed rows always come first and in the same order, so only the tail can differ.
    const qsizetype common = std::min(m_entries.size(), fresh.size());
    if (fresh.size() < m_entries.size()) {
        beginRemoveRows({}, int(common), int(m_entries.size() - 1));
        m_entries.resize(common);
        endRemoveRows();
    }
    for (qsizetype row = 0; row < common; ++row)
        m_entries[row] = fresh.at(row);
    if (common > 0)
        emit dataChanged(index(0), index(int(common - 1)));
    if (fresh.size() > common) {
        beginInsertRows({}, int(common), int(fresh.size() - 1));
        m_entries.append(fresh.mid(common));
        endInsertRows();
    }
}
