#include "duequeuemodel.h"

#include "core/storage/databasereader.h"
#include "core/storage/duequeue.h"
#include "ui/icons.h"
#include "ui/relativetime.h"

#include <QTimer>

#include <algorithm>
#include <limits>

struct DueQueueModel::Read {
    quint64 generation = 0;
    QList<DueFollowUp> rows;
    QDateTime at;
    QString error;
};

namespace {

QString kindText(const QString &kind) {
    if (kind == QLatin1String("call"))
        return DueQueueModel::tr("Call");
    if (kind == QLatin1String("email"))
        return DueQueueModel::tr("Email");
    if (kind == QLatin1String("meeting"))
        return DueQueueModel::tr("Meeting");
    if (kind == QLatin1String("task"))
        return DueQueueModel::tr("Task");
    return DueQueueModel::tr("Follow-up");
}

} // namespace

DueQueueModel::DueQueueModel(const Database &db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_soon(new QTimer(this))
    , m_reader(std::make_unique<DatabaseReader>(db)) {
    m_soon->setSingleShot(true);
    m_soon->setInterval(250);
    connect(m_soon, &QTimer::timeout, this, &DueQueueModel::refresh);
}

DueQueueModel::~DueQueueModel() {
    m_latest.store(std::numeric_limits<quint64>::max());
    m_reader.reset();
}

void DueQueueModel::setClock(std::function<QDateTime()> clock) {
    m_clock = std::move(clock);
}

void DueQueueModel::setOwner(const QString &owner) {
    m_owner = owner;
    refresh();
}

void DueQueueModel::refreshSoon() {
    m_soon->start();
}

void DueQueueModel::refresh() {
    m_soon->stop();
    const quint64 generation = ++m_generation;
    m_latest.store(generation);
    m_loading = true;
    const QString owner = m_owner;
    const QDateTime now = m_clock();
    m_reader->post([this, generation, owner, now](const Database &db) {
        if (generation != m_latest.load())
            return true;
        Read r;
        r.generation = generation;
        r.at = now;
        const DueQueue queue(db);
        r.rows = queue.of(owner, now, RowLimit);
        r.error = queue.lastError();
        QMetaObject::invokeMethod(
            this, [this, r] { arrived(r); }, Qt::QueuedConnection);
        return r.error.isEmpty();
    });
}

void DueQueueModel::arrived(const Read &r) {
    if (r.generation != m_generation)
        return;
    m_loading = false;
    if (!r.error.isEmpty()) {
        m_error = tr("Could not read the Due queue: %1").arg(r.error);
        emit errorOccurred(m_error);
        return;
    }
    m_error.clear();
    beginResetModel();
    m_rows = r.rows;
    m_readAt = r.at;
    endResetModel();
    emit loaded();
}

int DueQueueModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DueQueueModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const DueFollowUp *DueQueueModel::followUpAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int DueQueueModel::overdueCount() const {
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const DueFollowUp &f) { return f.overdue; }));
}

QVariant DueQueueModel::data(const QModelIndex &index, int role) const {
    const DueFollowUp *f = index.isValid() ? followUpAt(index.row()) : nullptr;
    if (!f || index.column() >= ColumnCount)
        return {};
    const Lead &l = f->lead;
    switch (role) {
    case LeadIdRole:
        return l.id;
    case OverdueRole:
        return f->overdue;
    case Qt::DecorationRole:
        return index.column() == DueColumn && f->overdue ? QVariant(Icons::overdue()) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == DueColumn)
            return f->overdue ? tr("Overdue since %1").arg(RelativeTime::exact(l.nextFollowUpAt))
                              : RelativeTime::exact(l.nextFollowUpAt);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case DueColumn: {
        const QString when = RelativeTime::text(l.nextFollowUpAt, m_readAt);
        return f->overdue ? tr("Overdue · %1").arg(when) : tr("Today · %1").arg(when);
    }
    case NameColumn: {
        const QString name = l.fullName();
        return name.isEmpty() ? tr("(no name)") : name;
    }
    case CompanyColumn:
        return l.company;
    case KindColumn:
        return kindText(f->kind);
    case CadenceColumn:
        return f->cadence;
    default:
        return {};
    }
}

QVariant DueQueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DueColumn:
        return tr("Due");
    case NameColumn:
        return tr("Name");
    case CompanyColumn:
        return tr("Company");
    case KindColumn:
        return tr("What");
    case CadenceColumn:
        return tr("Cadence");
    default:
        return {};
    }
}
