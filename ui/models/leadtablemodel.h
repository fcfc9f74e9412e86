#pragma once

#include "core/domain/lead.h"
#include "core/storage/database.h"
#include "core/storage/leadfilter.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <atomic>
#include <memory>

class QThreadPool;

// The lead list of a view, read page by page off the GUI thread into a bounded cache, so that
// a library of millions of leads scrolls without ever being loaded whole.
class LeadTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        CompanyColumn,
        TitleColumn,
        EmailColumn,
        CountryColumn,
        StorefrontColumn,
        ActionColumn,
        OfferTitleColumn,
        StageColumn,
        OwnerColumn,
        ScoreColumn,
        CreatedAtColumn,
        LastEventAtColumn,
        ColumnCount
    };

    enum Role {
        // The lead's id; 0 while its row is not loaded.
        LeadIdRole = Qt::UserRole + 1,
        // The canonical column's machine value (LeadColumns::value).
        MachineValueRole,
    };

    static constexpr int DefaultPageSize = 200;
    static constexpr int DefaultMaxCachedPages = 20;

    explicit LeadTableModel(const Database &db, QObject *parent = nullptr);
    ~LeadTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The canonical lead column a view column sorts by (DESIGN.md).
    static QString canonicalColumn(int column);
    // The view column showing a canonical column, or -1.
    static int columnOf(const QString &canonicalColumn);

    LeadFilter filter() const { return m_filter; }
    void setFilter(const LeadFilter &filter);
    LeadSort leadSort() const { return m_sort; }
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    // Smaller pages and caches trade round trips for memory. Resets the model.
    void setCacheLimits(int pageSize, int maxCachedPages);
    int pageSize() const { return m_pageSize; }
    int maxCachedPages() const { return m_maxPages; }
    // How many leads are held in memory right now; never more than pageSize * maxCachedPages.
    int cachedRowCount() const;

    // The lead of a row when its page is loaded, else nullptr (the view shows a placeholder).
    const Lead *leadAt(int row) const;
    qint64 totalCount() const { return m_count; }
    // True while a page this view asked for is still on its way.
    bool isLoading() const;
    QString lastError() const { return m_error; }

public slots:
    // Counts again and drops every cached page: the data changed behind the model's back.
    void refresh();

signals:
    void countChanged(qint64 count);
    void pageLoaded(int page);
    // Every requested page has arrived (or failed); the view shows no placeholder.
    void loadingFinished();
    void errorOccurred(const QString &message);

private:
    struct PageResult;
    struct CachedPage {
        QList<Lead> leads;
        // When a reader last looked at the page; bookkeeping that data() updates.
        mutable quint64 lastUse = 0;
    };

    void reset();
    void requestPage(int page);
    void startNextLoad();
    void pageArrived(const PageResult &result);
    void evictLeastRecentlyUsed(int keep);

    Database m_db;
    LeadFilter m_filter;
    LeadSort m_sort;
    int m_pageSize = DefaultPageSize;
    int m_maxPages = DefaultMaxCachedPages;
    qint64 m_count = 0;
    QString m_error;

    // Bumped by every reset: a page answered for an older filter or sort is dropped.
    quint64 m_generation = 0;
    // The generation as the reader thread sees it, so that queued stale loads skip the query.
    std::atomic<quint64> m_currentGeneration = 0;
    QHash<int, CachedPage> m_pages;
    mutable quint64 m_useClock = 0;
    // Pages the view asked for and does not have yet, oldest first.
    QList<int> m_wanted;
    // Pages whose load failed in this generation; not retried until the next reset.
    QList<int> m_failed;
    int m_loadingPage = -1;
    // One reader thread keeps its connection and answers requests in order.
    std::unique_ptr<QThreadPool> m_pool;
};
