#include "leadtablemodel.h"

#include "core/domain/leadcolumns.h"
#include "core/storage/databasereader.h"
#include "core/storage/leadquery.h"
#include "core/storage/leadrepository.h"

#include "ui/icons.h"
#include "ui/relativetime.h"
#include "ui/warningink.h"

#include <QColor>
#include <QLocale>
#include <QTimer>

#include <atomic>
#include <limits>
#include <optional>

using namespace std::chrono_literals;

namespace {

bool isOverdue(const Lead &lead) {
    return lead.nextFollowUpAt.isValid() && lead.nextFollowUpAt < QDateTime::currentDateTimeUtc() &&
           !Stages::isClosed(lead.stage);
}

} // namespace

LeadTableModel::LeadTableModel(const Database &db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
    , m_reader(std::make_unique<DatabaseReader>(db)) {
    startCount();
}

LeadTableModel::~LeadTableModel() {
    // Queued reads see they are stale and return without touching the database; the reader
    // finishes the one it is running (its answer is dropped with the model) and goes.
    m_latestCount.store(std::numeric_limits<quint64>::max());
    m_currentGeneration.store(std::numeric_limits<quint64>::max());
    m_reader.reset();
}

int LeadTableModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid())
        return 0;
    return int(std::min<qint64>(m_count, std::numeric_limits<int>::max()));
}

int LeadTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(ColumnCount);
}

QString LeadTableModel::canonicalColumn(int column) {
    switch (column) {
    case NameColumn:
        // The name as shown, "First Last" (LeadSort's "name").
        return QStringLiteral("name");
    case CompanyColumn:
        return QStringLiteral("company");
    case TitleColumn:
        return QStringLiteral("title");
    case EmailColumn:
        return QStringLiteral("email");
    case CountryColumn:
        return QStringLiteral("country");
    case StorefrontColumn:
        return QStringLiteral("storefront");
    case ActionColumn:
        return QStringLiteral("action");
    case OfferTitleColumn:
        return QStringLiteral("offer_title");
    case StageColumn:
        return QStringLiteral("stage");
    case OwnerColumn:
        return QStringLiteral("owner");
    case ScoreColumn:
        return QStringLiteral("score");
    case NextFollowUpColumn:
        return QStringLiteral("next_follow_up_at");
    case CreatedAtColumn:
        return QStringLiteral("created_at");
    case LastEventAtColumn:
        return QStringLiteral("last_event_at");
    default:
        return {};
    }
}

int LeadTableModel::columnOf(const QString &canonical) {
    for (int column = 0; column < ColumnCount; ++column) {
        if (canonicalColumn(column) == canonical)
            return column;
    }
    return -1;
}

QVariant LeadTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole && section == ScoreColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::InitialSortOrderRole) {
        // The best and the most recent leads are the ones worth working first.
        const bool highestFirst =
            section == ScoreColumn || section == CreatedAtColumn || section == LastEventAtColumn;
        // Follow-ups soonest first: the overdue ones lead.
        return highestFirst ? Qt::DescendingOrder : Qt::AscendingOrder;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case CompanyColumn:
        return tr("Company");
    case TitleColumn:
        return tr("Title");
    case EmailColumn:
        return tr("Email");
    case CountryColumn:
        return tr("Country");
    case StorefrontColumn:
        return tr("Storefront");
    case ActionColumn:
        return tr("Action");
    case OfferTitleColumn:
        return tr("Offer");
    case StageColumn:
        return tr("Stage");
    case OwnerColumn:
        return tr("Owner");
    case ScoreColumn:
        return tr("Score");
    case NextFollowUpColumn:
        return tr("Follow-up");
    case CreatedAtColumn:
        return tr("Created");
    case LastEventAtColumn:
        return tr("Last activity");
    default:
        return {};
    }
}

const Lead *LeadTableModel::leadAt(int row) const {
    if (row < 0 || row >= rowCount())
        return nullptr;
    const auto page = m_pages.constFind(row / m_pageSize);
    if (page == m_pages.cend())
        return nullptr;
    const int offset = row % m_pageSize;
    return offset < page->leads.size() ? &page->leads.at(offset) : nullptr;
}

LeadVersion LeadTableModel::versionAt(int row) const {
    const Lead *lead = leadAt(row);
    return lead ? LeadVersion{lead->id, lead->version} : LeadVersion{};
}

int LeadTableModel::rowOf(qint64 leadId) const {
    for (auto page = m_pages.cbegin(); page != m_pages.cend(); ++page) {
        for (qsizetype i = 0; i < page->leads.size(); ++i) {
            if (page->leads.at(i).id == leadId)
                return page.key() * m_pageSize + int(i);
        }
    }
    return -1;
}

void LeadTableModel::updateLead(const Lead &lead) {
    const int row = rowOf(lead.id);
    if (row < 0)
        return;
    Lead &cached = m_pages[row / m_pageSize].leads[row % m_pageSize];
    // An answer that arrives late must not put an older copy over a newer one.
    if (lead.version < cached.version)
        return;
    cached = lead;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QVariant LeadTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Lead *lead = leadAt(row);
    if (!lead) {
        const int page = row / m_pageSize;
        if (m_pages.contains(page))
            return {}; // the page came back shorter: leads went away since the count
        if (m_failed.contains(page)) {
            // Not "…": that would promise rows that are no longer coming.
            if (role == Qt::DisplayRole && index.column() == NameColumn)
                return tr("Could not load");
            if (role == Qt::ToolTipRole)
                return m_error;
            return {};
        }
        if (role == Qt::DisplayRole || role == LeadIdRole || role == MachineValueRole) {
            // A view asking for a row is what drives loading, so the request has to start here.
            const_cast<LeadTableModel *>(this)->requestPage(page);
        }
        if (role == Qt::DisplayRole && index.column() == NameColumn)
            return QStringLiteral("…");
        return {};
    }
    m_pages.constFind(row / m_pageSize)->lastUse = ++m_useClock;

    switch (role) {
    case LeadIdRole:
        return lead->id;
    case MachineValueRole:
        if (index.column() == NameColumn)
            return lead->fullName();
        return LeadColumns::value(*lead, canonicalColumn(index.column()));
    case Qt::TextAlignmentRole:
        if (index.column() == ScoreColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case GradeRole:
        return lead->grade;
    case StageRole:
        return int(lead->stage);
    case DoNotContactRole:
        return lead->doNotContact;
    case TestLeadRole:
        return lead->isTest;
    case OverdueRole:
        return isOverdue(*lead);
    case SlaBreachedRole:
        return isSlaBreached(*lead, m_slaHours);
    case Qt::DecorationRole:
        if (index.column() == StorefrontColumn)
            return Icons::storefront(lead->storefront);
        if (index.column() == ActionColumn) {
            const QIcon icon = Icons::action(lead->action);
            return icon.isNull() ? QVariant() : QVariant(icon);
        }
        if (index.column() == NameColumn && lead->doNotContact)
            return Icons::doNotContact();
        if (index.column() == NameColumn && lead->isTest)
            return Icons::testLead();
        if (index.column() == NextFollowUpColumn && isOverdue(*lead))
            return Icons::overdue();
        return {};
    case Qt::ForegroundRole:
        if (index.column() == NextFollowUpColumn && isOverdue(*lead))
            return WarningInk::onApplication();
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn: {
            QStringList marks;
            if (lead->doNotContact)
                marks << tr("Do not contact");
            if (lead->isTest)
                marks << tr("Test lead (not a real prospect)");
            if (lead->privacyRestricted)
                marks << tr("Personal details withheld by Microsoft (.edu)");
            return marks.join(QLatin1Char('\n'));
        }
        case CreatedAtColumn:
            return isSlaBreached(*lead, m_slaHours)
                       ? tr("Not touched yet: past the first-touch target of %1 hours\n%2")
                             .arg(m_slaHours)
                             .arg(RelativeTime::exact(lead->createdAt))
                       : RelativeTime::exact(lead->createdAt);
        case LastEventAtColumn:
            return RelativeTime::exact(lead->lastEventAt);
        case NextFollowUpColumn:
            return isOverdue(*lead)
                       ? tr("Overdue since %1").arg(RelativeTime::exact(lead->nextFollowUpAt))
                       : RelativeTime::exact(lead->nextFollowUpAt);
        case OfferTitleColumn:
            return lead->offerId;
        default:
            return {};
        }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    switch (index.column()) {
    case NameColumn:
        if (lead->fullName().isEmpty() && lead->privacyRestricted)
            return tr("(withheld)"); // Microsoft leaves out a .edu customer's name
        return lead->fullName();
    case CompanyColumn:
        return lead->company;
    case TitleColumn:
        return lead->title;
    case EmailColumn:
        return lead->email;
    case CountryColumn:
        return lead->country;
    case StorefrontColumn:
        return Storefronts::displayName(lead->storefront);
    case ActionColumn:
        return lead->action;
    case OfferTitleColumn:
        return lead->offerTitle;
    case StageColumn:
        return Stages::displayName(lead->stage);
    case OwnerColumn:
        return lead->owner;
    case ScoreColumn:
        return lead->score;
    case NextFollowUpColumn:
        if (!lead->nextFollowUpAt.isValid())
            return QString();
        return RelativeTime::text(lead->nextFollowUpAt); // overdue: the icon, the colour, "ago"
    case CreatedAtColumn:
        return RelativeTime::text(lead->createdAt);
    case LastEventAtColumn:
        return RelativeTime::text(lead->lastEventAt);
    default:
        return {};
    }
}

bool LeadTableModel::isSlaBreached(const Lead &lead, int targetHours, const QDateTime &now) {
    // The untouched half of FirstTouchSla (a late first touch needs the plan, which rows do
    // not carry): no touch logged or counted, open, and created longer ago than the target.
    return !lead.isTest && lead.followUps == 0 && !Stages::isClosed(lead.stage) &&
           lead.createdAt.isValid() && lead.createdAt.secsTo(now) > qint64(targetHours) * 3600;
}

void LeadTableModel::setSlaTargetHours(int hours) {
    if (hours <= 0 || hours == m_slaHours)
        return;
    m_slaHours = hours;
    if (rowCount() > 0)
        emit dataChanged(index(0, CreatedAtColumn), index(rowCount() - 1, CreatedAtColumn));
}

void LeadTableModel::sort(int column, Qt::SortOrder order) {
    const QString canonical = canonicalColumn(column);
    if (canonical.isEmpty())
        return;
    const bool descending = order == Qt::DescendingOrder;
    if (canonical == m_sort.column && descending == m_sort.descending)
        return;
    m_sort.column = canonical;
    m_sort.descending = descending;
    // The same leads in another order: the count stands.
    resetPages();
}

void LeadTableModel::setLeadSort(const LeadSort &sort) {
    if (!LeadQuery::isSortable(sort.column) || sort == m_sort)
        return;
    m_sort = sort;
    resetPages();
}

int LeadTableModel::sortColumn() const {
    return columnOf(m_sort.column);
}

Qt::SortOrder LeadTableModel::sortOrder() const {
    return m_sort.descending ? Qt::DescendingOrder : Qt::AscendingOrder;
}

void LeadTableModel::setFilter(const LeadFilter &filter) {
    m_filter = filter;
    resetPages();
    startCount();
}
