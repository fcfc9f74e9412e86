#pragma once

#include "database.h"
#include "savedview.h"

#include <QList>

#include <optional>

// Reads and writes the saved views on this thread's connection. Values in, values out: no SQL
// type leaves this class. Names are unique (trimmed, compared exactly).
class SavedViewRepository {
public:
    enum class Error { None, NameTaken, EmptyName, NotFound, Failed };

    explicit SavedViewRepository(const Database &db);

    Error lastErrorKind() const { return m_kind; }
    QString lastError() const { return m_error; }

    // Every view in list order (position, then id); nullopt on a failed read.
    std::optional<QList<SavedView>> list() const;
    std::optional<SavedView> view(qint64 id) const;
    // Stores a new view after the others; the stored view (with its id and position) or
    // nullopt.
    std::optional<SavedView> create(const SavedView &view);
    bool rename(qint64 id, const QString &name);
    // Writes every field of a stored view (found by its id).
    bool update(const SavedView &view);
    bool remove(qint64 id);

private:
    bool fail(Error kind, const QString &message) const;
    // True when another view than `exceptId` has the name.
    std::optional<bool> nameTaken(const QString &name, qint64 exceptId) const;

    Database m_db;
    mutable Error m_kind = Error::None;
    mutable QString m_error;
};
