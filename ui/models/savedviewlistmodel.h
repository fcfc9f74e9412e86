#pragma once

#include "core/storage/database.h"
#include "core/storage/savedview.h"

#include <QAbstractListModel>
#include <QList>

#include <functional>
#include <memory>

class DatabaseReader;

// The saved views of the database, listed by name in their order; reads and writes run on a
// reader thread of its own, and every write is followed by the list as the database has it.
class SavedViewListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        ViewIdRole = Qt::UserRole + 1,
    };

    // The views follow (viewsChanged) once read.
    explicit SavedViewListModel(const Database &db, QObject *parent = nullptr);
    ~SavedViewListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A view's name as the window shows it: a shipped name in the window's language.
    static QString shownName(const QString &stored);
    // The view of a row; a default view for a row out of range.
    SavedView viewAt(int row) const;
    // The row of a view, or -1.
    int rowOf(qint64 id) const;
    bool isBusy() const { return m_pending > 0; }
    QString lastError() const { return m_error; }

public slots:
    void refresh();
    // Stores a new view; viewCreated follows, or errorOccurred (a name in use, say).
    void create(const SavedView &view);
    void rename(qint64 id, const QString &name);
    void remove(qint64 id);

signals:
    void viewsChanged();
    void viewCreated(const SavedView &view);
    void errorOccurred(const QString &message);

private:
    struct Answer;
    // Runs `write` on the reader thread (nothing for a plain read), then reads the list.
    void post(std::function<QString(const Database &, SavedView *)> write);
    void arrived(const Answer &answer);

    Database m_db;
    QList<SavedView> m_views;
    QString m_error;
    int m_pending = 0;
    // Ended first thing in the destructor: its thread uses the members above.
    std::unique_ptr<DatabaseReader> m_reader;
};
