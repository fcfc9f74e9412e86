#pragma once

#include "core/domain/lead.h"
#include "core/storage/database.h"
#include "core/storage/leadfilter.h"
#include "core/storage/leadwriter.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <atomic>
#include <chrono>
#include <memory>

class DatabaseReader;

// The lead list of a view, counted and read page by page on a reader thread of its own into a
// bounded cache, so that a library of millions of leads scrolls without ever being loaded whole
// and the view never waits for the database.
class LeadTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        // In the order a rep reads a row: who, where it stands, what is next, where from.
        NameColumn,
        CompanyColumn,
        StageColumn,
        ScoreColumn,
        NextFollowUpColumn,
        StorefrontColumn,
        ActionColumn,
        OfferTitleColumn,
        OwnerColumn,
        LastEventAtColumn,
        CreatedAtColumn,
        TitleColumn,
        EmailColumn,
        CountryColumn,
        ColumnCount
    };

    enum Role {
        // The lead's id; 0 while its row is not loaded.
        LeadIdRole = Qt::UserRole + 1,
        // The canonical column's machine value (LeadColumns::value); the name as shown for
        // the Name column.
        MachineValueRole,
        // What the delegates draw from: the lead's grade (A–D or empty), its stage
        // (Stage as int), and flags a row is marked with.
        GradeRole,
        StageRole,
        DoNotContactRole,
        TestLeadRole,
        OverdueRole, // the next follow-up is in the past
        // Open, never touched, and older than the first-touch target (slaTargetHours): the
        // leads the team promised to answer sooner.
        SlaBreachedRole,
    };

    static constexpr int DefaultPageSize = 200;
    static constexpr int DefaultMaxCachedPages = 20;
    // How long a failed count or page waits before each further try; after the last it is
    // given up until the next refresh. Short enough that a blip (a server restart, a busy
    // lock) goes unnoticed, bounded so that a lasting fault is reported within seconds.
    static const QList<std::chrono::milliseconds> &retryDelays();

    explicit LeadTableModel(const Database &db, QObject *parent = nullptr);
    ~LeadTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The column a view column sorts by: a canonical lead column (DESIGN.md), or "name".
    static QString canonicalColumn(int column);
    // The view column showing a canonical column, or -1.
    static int columnOf(const QString &canonicalColumn);

    LeadFilter filter() const { return m_filter; }
    void setFilter(const LeadFilter &filter);
    LeadSort leadSort() const { return m_sort; }
    // Sorts by any sortable column (LeadQuery::isSortable), shown or not: a saved view may
    // sort by one the table has no column for.
    void setLeadSort(const LeadSort &sort);
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    // The first-touch target (SlaReport) rows are marked against; 24 hours until told.
    void setSlaTargetHours(int hours);
    int slaTargetHours() const { return m_slaHours; }
    // Whether `lead` waits for its first touch past the target, as at `now`.
    static bool isSlaBreached(const Lead &lead, int targetHours,
                              const QDateTime &now = QDateTime::currentDateTimeUtc());

    // Smaller pages and caches trade round trips for memory. Resets the model.
    void setCacheLimits(int pageSize, int maxCachedPages);
    int pageSize() const { return m_pageSize; }
    int maxCachedPages() const { return m_maxPages; }
    // How many leads are held in memory right now; never more than pageSize * maxCachedPages.
    int cachedRowCount() const;

    // The lead of a row when its page is loaded, else nullptr (the view shows a placeholder).
    const Lead *leadAt(int row) const;
    // The lead of a row and the version it was read at, to edit it against; id 0 while the
    // row is not loaded.
    LeadVersion versionAt(int row) const;
    // The row of a cached lead, or -1 when it is not in a loaded page.
    int rowOf(qint64 leadId) const;
    // Puts a lead that was changed (an edit, an undo) in place of its cached copy and repaints
    // that row only: no reset, so selection, scroll position and sort stay. A lead that is not
    // cached is ignored; its page reads it afresh when it is loaded.
    void updateLead(const Lead &lead);
    // The leads under the filter as last counted; the previous count while a new one is on
    // its way, 0 before the first and after a count that failed.
    qint64 totalCount() const { return m_count; }
    // True while a count is on its way (retries included).
    bool isCounting() const { return m_counting; }
    // False after the count for the current filter failed for good.
    bool isCountKnown() const { return !m_countFailed; }
    // True while a page this view asked for is still on its way (retries included).
    bool isLoading() const;
    // The last failure to count or read, until a read succeeds again.
    QString lastError() const { return m_error; }

public slots:
    // Counts again and drops every cached page: the data changed behind the model's back.
    void refresh();

signals:
    // A count went to the reader: the filter changed or the model was refreshed.
    void countStarted();
    void countChanged(qint64 count);
    void pageLoaded(int page);
    // Every requested page has arrived (or failed); the view shows no placeholder.
    void loadingFinished();
    // A count or page failed and is tried again shortly; message says what failed.
    void retrying(const QString &message);
    // A count or page failed for good: its rows show an error placeholder until a refresh.
    void errorOccurred(const QString &message);
    // A read succeeded after a failure and nothing is left failed: the error is over.
    void errorCleared();

private:
    struct PageResult;
    struct CountResult;
    struct CachedPage {
        QList<Lead> leads;
        // When a reader last looked at the page; bookkeeping that data() updates.
        mutable quint64 lastUse = 0;
    };

    // Drops every cached page; a sort or a new page size needs no new count.
    void resetPages();
    // A count for the current filter; postCount() tries again without forgetting failures.
    void startCount();
    void postCount();
    void countArrived(const CountResult &result);
    void requestPage(int page);
    void startNextLoad();
    void pageArrived(const PageResult &result);
    void evictLeastRecentlyUsed(int keep);
    QString pageRange(int page) const;
    // Clears lastError() once nothing is left failed or waiting for a retry.
    void readSucceeded();

    Database m_db;
    LeadFilter m_filter;
    LeadSort m_sort;
    int m_pageSize = DefaultPageSize;
    int m_maxPages = DefaultMaxCachedPages;
    int m_slaHours = 24;
    qint64 m_count = 0;
    QString m_error;

    // Bumped by every count request: an answer for an older filter is dropped.
    quint64 m_countGeneration = 0;
    // The count generation as the reader thread sees it, so that a stale count skips the query.
    std::atomic<quint64> m_latestCount = 0;
    bool m_counting = false;
    bool m_countFailed = false;
    int m_countFailures = 0;

    // Bumped by every reset of the pages: a page answered for an older filter or sort is
    // dropped.
    quint64 m_generation = 0;
    // The generation as the reader thread sees it, so that queued stale loads skip the query.
    std::atomic<quint64> m_currentGeneration = 0;
    QHash<int, CachedPage> m_pages;
    mutable quint64 m_useClock = 0;
    // Pages the view asked for and does not have yet, oldest first.
    QList<int> m_wanted;
    // How often each page has failed in this generation.
    QHash<int, int> m_pageFailures;
    // Pages waiting for their next try.
    QSet<int> m_retrying;
    // Pages given up in this generation; their rows show an error until the next reset.
    QSet<int> m_failed;
    int m_loadingPage = -1;
    // Ended first thing in the destructor: its thread uses the members above.
    std::unique_ptr<DatabaseReader> m_reader;
};
