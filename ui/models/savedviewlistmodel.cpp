#include "savedviewlistmodel.h"

#include "core/storage/databasereader.h"
#include "core/storage/savedviewrepository.h"

#include <QCoreApplication>

namespace {

// The names of the views a new database starts with (core/storage/migrator.cpp), for the
// translation: a name as shipped shows in the window's language, any other (one a user gave,
// or a shipped one renamed) as written. The database keeps them in English for everyone.
[[maybe_unused]] const char *const shippedViewNames[] = {
    QT_TRANSLATE_NOOP("SavedViews", "My new leads"),
    QT_TRANSLATE_NOOP("SavedViews", "Due today"),
    QT_TRANSLATE_NOOP("SavedViews", "Hot — grade A"),
    QT_TRANSLATE_NOOP("SavedViews", "Do not contact"),
};

} // namespace

struct SavedViewListModel::Answer {
    std::optional<QList<SavedView>> views;
    QString error;
    std::optional<SavedView> created;
};

SavedViewListModel::SavedViewListModel(const Database &db, QObject *parent)
    : QAbstractListModel(parent)
    , m_db(db)
    , m_reader(std::make_unique<DatabaseReader>(db)) {
    refresh();
}

SavedViewListModel::~SavedViewListModel() {
    m_reader.reset();
}

int SavedViewListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_views.size());
}

QVariant SavedViewListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SavedView &view = m_views.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return shownName(view.name);
    case Qt::ToolTipRole:
        return view.createdBy.isEmpty() ? tr("A saved view: click to apply it")
                                        : tr("Saved by %1: click to apply it").arg(view.createdBy);
    case ViewIdRole:
        return view.id;
    default:
        return {};
    }
}

QHash<int, QByteArray> SavedViewListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ViewIdRole, QByteArrayLiteral("viewId"));
    return names;
}

QString SavedViewListModel::shownName(const QString &stored) {
    return QCoreApplication::translate("SavedViews", stored.toUtf8().constData());
}

SavedView SavedViewListModel::viewAt(int row) const {
    return row >= 0 && row < m_views.size() ? m_views.at(row) : SavedView();
}

int SavedViewListModel::rowOf(qint64 id) const {
    for (qsizetype row = 0; row < m_views.size(); ++row) {
        if (m_views.at(row).id == id)
            return int(row);
    }
    return -1;
}

void SavedViewListModel::refresh() {
    post({});
}

void SavedViewListModel::create(const SavedView &view) {
    post([view](const Database &db, SavedView *created) {
        SavedViewRepository repository(db);
        const std::optional<SavedView> stored = repository.create(view);
        if (stored)
            *created = *stored;
        return stored ? QString() : repository.lastError();
    });
}

void SavedViewListModel::rename(qint64 id, const QString &name) {
    post([id, name](const Database &db, SavedView *) {
        SavedViewRepository repository(db);
        return repository.rename(id, name) ? QString() : repository.lastError();
    });
}

void SavedViewListModel::remove(qint64 id) {
    post([id](const Database &db, SavedView *) {
        SavedViewRepository repository(db);
        return repository.remove(id) ? QString() : repository.lastError();
    });
}

void SavedViewListModel::post(std::function<QString(const Database &, SavedView *)> write) {
    ++m_pending;
    // The destructor ends the reader before anything else goes, so `this` outlives every use
    // of it there; an answer still queued when the model goes is dropped with it.
    m_reader->post([this, write = std::move(write)](const Database &db) {
        Answer answer;
        SavedView created;
        if (write) {
            answer.error = write(db, &created);
            if (answer.error.isEmpty() && created.id > 0)
                answer.created = created;
        }
        SavedViewRepository repository(db);
        answer.views = repository.list();
        if (!answer.views && answer.error.isEmpty())
            answer.error = repository.lastError();
        QMetaObject::invokeMethod(
            this, [this, answer] { arrived(answer); }, Qt::QueuedConnection);
        return answer.views.has_value();
    });
}

void SavedViewListModel::arrived(const Answer &answer) {
    --m_pending;
    if (answer.views) {
        // A reset rather than row moves: the list is short and a view keeps no selection
        // worth saving across a rename or delete.
        beginResetModel();
        m_views = *answer.views;
        endResetModel();
        emit viewsChanged();
    }
    if (answer.created)
        emit viewCreated(*answer.created);
    if (!answer.error.isEmpty()) {
        m_error = answer.error;
        emit errorOccurred(m_error);
    } else {
        m_error.clear();
    }
}
