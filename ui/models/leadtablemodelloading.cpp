// LeadTableModel's reading side: the count and the pages, read on the model's reader thread,
// newest request first, kept in a bounded cache of pages around what is shown.
#include "leadtablemodel.h"

#include "core/storage/databasereader.h"
#include "core/storage/leadquery.h"
#include "core/storage/leadrepository.h"

#include <QTimer>

#include <atomic>
#include <limits>

using namespace std::chrono_literals;

struct LeadTableModel::PageResult {
    quint64 generation = 0;
    int page = 0;
    QList<Lead> leads;
    QString error;
};

struct LeadTableModel::CountResult {
    quint64 generation = 0;
    qint64 count = 0;
    QString error;
};

const QList<std::chrono::milliseconds> &LeadTableModel::retryDelays() {
    // Three more tries, about three seconds in all.
    static const QList<std::chrono::milliseconds> delays{200ms, 800ms, 2000ms};
    return delays;
}

void LeadTableModel::setCacheLimits(int pageSize, int maxCachedPages) {
    pageSize = std::max(1, pageSize);
    // Fewer pages than a screen can span would evict what is being shown and load it again.
    maxCachedPages = std::max(3, maxCachedPages);
    if (pageSize == m_pageSize && maxCachedPages == m_maxPages)
        return;
    m_pageSize = pageSize;
    m_maxPages = maxCachedPages;
    // Cached pages are numbered by the old size.
    resetPages();
}

int LeadTableModel::cachedRowCount() const {
    int rows = 0;
    for (const CachedPage &page : m_pages)
        rows += int(page.leads.size());
    return rows;
}

bool LeadTableModel::isLoading() const {
    return m_loadingPage >= 0 || !m_wanted.isEmpty() || !m_retrying.isEmpty();
}

void LeadTableModel::refresh() {
    resetPages();
    startCount();
}

void LeadTableModel::resetPages() {
    const bool wasLoading = isLoading();
    beginResetModel();
    ++m_generation;
    m_currentGeneration.store(m_generation);
    m_pages.clear();
    m_wanted.clear();
    m_pageFailures.clear();
    m_retrying.clear();
    m_failed.clear();
    m_loadingPage = -1;
    // The row count stays as it was until a new count arrives: the view keeps its shape and
    // shows placeholders rather than emptying and filling again.
    endResetModel();
    if (wasLoading)
        emit loadingFinished();
}

void LeadTableModel::startCount() {
    m_countFailures = 0;
    postCount();
}

void LeadTableModel::postCount() {
    ++m_countGeneration;
    m_latestCount.store(m_countGeneration);
    m_counting = true;
    emit countStarted();

    // The destructor ends the reader before anything else goes, so `this` outlives every use
    // of it there; an answer still queued when the model goes is dropped with it.
    m_reader->post([this, filter = m_filter, generation = m_countGeneration](const Database &db) {
        if (m_latestCount.load() != generation)
            return true; // a newer count is queued behind this one
        CountResult result;
        result.generation = generation;
        LeadRepository repository(db);
        result.count = repository.count(filter);
        if (result.count < 0)
            result.error = repository.lastError();
        QMetaObject::invokeMethod(
            this, [this, result] { countArrived(result); }, Qt::QueuedConnection);
        return result.error.isEmpty();
    });
}

void LeadTableModel::countArrived(const CountResult &result) {
    if (result.generation != m_countGeneration)
        return;

    qint64 count = result.count;
    if (!result.error.isEmpty()) {
        m_error = tr("Could not count the leads: %1").arg(result.error);
        const int failures = ++m_countFailures;
        if (failures <= retryDelays().size()) {
            emit retrying(m_error);
            QTimer::singleShot(retryDelays().at(failures - 1), this,
                               [this, generation = result.generation] {
                                   // A newer count has started afresh since.
                                   if (generation == m_countGeneration)
                                       postCount();
                               });
            return;
        }
        // Rows that cannot be counted cannot be shown either.
        count = 0;
        m_countFailed = true;
    } else {
        m_countFailed = false;
    }
    m_counting = false;
    m_countFailures = 0;

    // Only the tail changes: the rows that stay keep their cached pages.
    const qint64 old = m_count;
    const int oldRows = rowCount();
    const int newRows = int(std::min<qint64>(count, std::numeric_limits<int>::max()));
    if (newRows > oldRows) {
        beginInsertRows({}, oldRows, newRows - 1);
        m_count = count;
        endInsertRows();
    } else if (newRows < oldRows) {
        beginRemoveRows({}, newRows, oldRows - 1);
        m_count = count;
        endRemoveRows();
    } else {
        m_count = count;
    }

    if (m_count != old || result.error.isEmpty())
        emit countChanged(m_count);
    if (!result.error.isEmpty())
        emit errorOccurred(m_error);
    else
        readSucceeded();
}

void LeadTableModel::readSucceeded() {
    if (m_error.isEmpty() || m_countFailed || m_counting || !m_failed.isEmpty() ||
        !m_retrying.isEmpty())
        return;
    m_error.clear();
    emit errorCleared();
}

QString LeadTableModel::pageRange(int page) const {
    const qint64 first = qint64(page) * m_pageSize + 1;
    const qint64 last = std::min<qint64>(first + m_pageSize - 1, std::max<qint64>(m_count, first));
    if (first == last)
        return QLocale().toString(first);
    return tr("%1–%2").arg(QLocale().toString(first), QLocale().toString(last));
}

void LeadTableModel::requestPage(int page) {
    if (page == m_loadingPage || m_pages.contains(page) || m_failed.contains(page) ||
        m_retrying.contains(page))
        return;
    m_wanted.removeOne(page);
    m_wanted.append(page);
    // Older requests are for rows the user has scrolled past; a reader that still wants them
    // asks again.
    const qsizetype keep = std::max(2, m_maxPages / 2);
    if (m_wanted.size() > keep)
        m_wanted.remove(0, m_wanted.size() - keep);
    startNextLoad();
}

void LeadTableModel::startNextLoad() {
    if (m_loadingPage >= 0 || m_wanted.isEmpty())
        return;

    // The newest request is the one the user is looking at.
    const int page = m_wanted.takeLast();
    m_loadingPage = page;

    std::optional<LeadCursor> cursor;
    const auto previous = m_pages.constFind(page - 1);
    if (previous != m_pages.cend() && previous->leads.size() == m_pageSize)
        cursor = LeadRepository::cursorAfter(previous->leads.last(), m_sort);
    // A keyset page continues from the previous page's last lead without the database walking
    // over every earlier row; a jump has nothing to continue from and pays for the offset.
    const bool keyset = page == 0 || cursor.has_value();

    // The destructor ends the reader before anything else goes, so `this` outlives every use
    // of it there; an answer still queued when the model goes is dropped with it. Queued even
    // when the answer is quick, so that a page never arrives inside the data() call that
    // asked for it.
    auto load = [this, filter = m_filter, sort = m_sort, cursor, keyset,
                 offset = qint64(page) * m_pageSize, limit = m_pageSize, generation = m_generation,
                 page](const Database &db) {
        if (m_currentGeneration.load() != generation)
            return true;
        PageResult result;
        result.generation = generation;
        result.page = page;
        LeadRepository repository(db);
        result.leads = keyset ? repository.page(filter, sort, cursor ? &*cursor : nullptr, limit)
                              : repository.list(filter, sort, limit, offset);
        result.error = repository.lastError();
        QMetaObject::invokeMethod(
            this, [this, result] { pageArrived(result); }, Qt::QueuedConnection);
        return result.error.isEmpty();
    };
    m_reader->post(std::move(load));
}

void LeadTableModel::pageArrived(const PageResult &result) {
    // A reset since the request already forgot it; whatever the newer generation asked for is
    // on its way.
    if (result.generation != m_generation)
        return;
    m_loadingPage = -1;

    const int first = result.page * m_pageSize;
    const int last = std::min(first + m_pageSize, rowCount()) - 1;
    if (!result.error.isEmpty()) {
        m_error = tr("Could not load leads %1: %2").arg(pageRange(result.page), result.error);
        const int failures = ++m_pageFailures[result.page];
        if (failures <= retryDelays().size()) {
            m_retrying.insert(result.page);
            emit retrying(m_error);
            QTimer::singleShot(retryDelays().at(failures - 1), this,
                               [this, generation = result.generation, page = result.page] {
                                   // A reset since has forgotten the page and its failures.
                                   if (generation != m_generation || !m_retrying.remove(page))
                                       return;
                                   requestPage(page);
                               });
        } else {
            m_failed.insert(result.page);
            // The rows trade their "…" for the error placeholder.
            if (last >= first)
                emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
            emit errorOccurred(m_error);
        }
    } else {
        m_pageFailures.remove(result.page);
        m_pages.insert(result.page, CachedPage{result.leads, ++m_useClock});
        evictLeastRecentlyUsed(result.page);
        if (last >= first)
            emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
        emit pageLoaded(result.page);
        readSucceeded();
    }

    startNextLoad();
    if (!isLoading())
        emit loadingFinished();
}

void LeadTableModel::evictLeastRecentlyUsed(int keep) {
    // Least recently used rather than farthest away: a view and a second reader (a selection,
    // a proxy) looking at distant rows then share the cache instead of evicting each other.
    while (m_pages.size() > m_maxPages) {
        auto oldest = m_pages.end();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it.key() != keep && (oldest == m_pages.end() || it->lastUse < oldest->lastUse))
                oldest = it;
        }
        if (oldest == m_pages.end())
            return;
        // No dataChanged: the leads did not change, they only left memory. Announcing them
        // would make every listener read them again and bring the page straight back.
        m_pages.erase(oldest);
    }
}
