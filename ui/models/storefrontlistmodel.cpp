#include "storefrontlistmodel.h"

#include "core/storage/databasereader.h"
#include "core/storage/leadrepository.h"

#include <QLocale>

#include <limits>

StorefrontListModel::StorefrontListModel(const Database &db, QObject *parent)
    : QAbstractListModel(parent)
    , m_db(db)
    , m_reader(std::make_unique<DatabaseReader>(db)) {
    // The queues are known before their counts: a view can show them and select All at once.
    m_entries.append({std::nullopt, std::nullopt});
    for (Storefront s : Storefronts::all()) {
        if (s != Storefront::Other)
            m_entries.append({s, std::nullopt});
    }
    refresh();
}

StorefrontListModel::~StorefrontListModel() {
    // A queued refresh sees it is stale and returns without touching the database.
    m_latest.store(std::numeric_limits<quint64>::max());
    m_reader.reset();
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
        if (!entry.count)
            return name;
        return tr("%1 (%2)").arg(name, QLocale().toString(*entry.count));
    }
    case Qt::ToolTipRole:
        return entry.storefront ? tr("Leads that arrived through %1")
                                      .arg(Storefronts::displayName(*entry.storefront))
                                : tr("All leads, test leads excluded");
    case StorefrontRole:
        return entry.storefront ? Storefronts::canonicalName(*entry.storefront) : QString();
    case CountRole:
        return entry.count ? QVariant(*entry.count) : QVariant();
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
    return m_entries.at(row).count.value_or(0);
}

int StorefrontListModel::rowOf(std::optional<Storefront> storefront) const {
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).storefront == storefront)
            return int(row);
    }
    return -1;
}

void StorefrontListModel::refresh() {
    ++m_generation;
    m_latest.store(m_generation);
    m_counting = true;
    // The destructor ends the reader before anything else goes, so `this` outlives every use
    // of it there; an answer still queued when the model goes is dropped with it.
    m_reader->post([this, generation = m_generation](const Database &db) {
        if (m_latest.load() != generation)
            return true; // a newer refresh is queued behind this one
        LeadRepository repository(db);
        const std::optional<LeadStats> stats = repository.stats(LeadFilter{});
        const QString error = stats ? QString() : repository.lastError();
        QMetaObject::invokeMethod(
            this, [this, generation, stats, error] { statsArrived(generation, stats, error); },
            Qt::QueuedConnection);
        return stats.has_value();
    });
}

void StorefrontListModel::statsArrived(quint64 generation, const std::optional<LeadStats> &stats,
                                       const QString &error) {
    if (generation != m_generation)
        return;
    m_counting = false;
    if (!stats) {
        m_error = tr("Could not count the storefront queues: %1").arg(error);
        emit errorOccurred(m_error);
        return;
    }

    QList<Entry> fresh;
    fresh.append({std::nullopt, stats->total});
    for (Storefront s : Storefronts::all()) {
        const qint64 count = stats->byStorefront.value(Storefronts::canonicalName(s));
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

    emit countsChanged();
    if (!m_error.isEmpty()) {
        m_error.clear();
        emit errorCleared();
    }
}
