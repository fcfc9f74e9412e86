#include "searchindexbuilder.h"

#include "../domain/lead.h"
#include "sqldialect.h"
#include "sqlstatement.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTemporaryFile>

#include <sqlite3.h>

#include <cstring>
#include <iterator>
#include <system_error>

namespace {
constexpr char storeOp = 's';
constexpr char deleteOp = 'd';
constexpr qsizetype flushAt = 1 << 20;
constexpr qsizetype recordHead = 1 + 8 + 4; // the operation, the lead's id, the text's length

QString tr(const char *text) {
    return QCoreApplication::translate("SearchIndexBuilder", text);
}

QString sqliteMessage(sqlite3 *db) {
    return QString::fromUtf8(sqlite3_errmsg(db));
}

} // namespace

QByteArray SearchIndexBuilder::searchText(const Lead &lead) {
    // The columns and separators of SqlDialect::searchSchema()'s search_text, in its order,
    // encoded into one buffer: this runs for every lead a load stores.
    const QString *parts[] = {&lead.firstName, &lead.lastName, &lead.email, &lead.company,
                              &lead.title};
    QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    qsizetype space = std::size(parts);
    for (const QString *part : parts)
        space += encoder.requiredSpace(part->size());
    QByteArray text(space, Qt::Uninitialized);
    char *end = text.data();
    for (const QString *part : parts) {
        if (part != parts[0])
            *end++ = ' ';
        end = encoder.appendToBuffer(end, *part);
    }
    text.truncate(end - text.constData());
    return text;
}

SearchIndexBuilder::SearchIndexBuilder(const QString &databaseFile)
    : m_databaseFile(databaseFile) {}

SearchIndexBuilder::~SearchIndexBuilder() {
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

bool SearchIndexBuilder::open(QString *error) {
    // Beside the database rather than in the temporary directory, which may be memory.
    const QString base = QFileInfo(m_databaseFile).absoluteFilePath();
    m_spool = std::make_unique<QTemporaryFile>(base + QStringLiteral(".search-XXXXXX"));
    m_side = std::make_unique<QTemporaryFile>(base + QStringLiteral(".search-XXXXXX"));
    // Asking for a file's name gives it one where the system makes nameless temporary files:
    // the build reads the list and SQLite opens its database by name.
    if (!m_spool->open() || !m_side->open() || m_spool->fileName().isEmpty() ||
        m_side->fileName().isEmpty()) {
        *error = tr("cannot create a file beside %1 for the search index").arg(m_databaseFile);
        return false;
    }
    m_side->close(); // the object removes it at the end
    m_buffer.reserve(flushAt + 4096);
    return true;
}

void SearchIndexBuilder::stored(qint64 id, const Lead &lead) {
    append(storeOp, id, searchText(lead));
}

void SearchIndexBuilder::changed(qint64 id, const Lead &before, const Lead &after) {
    const QByteArray old = searchText(before);
    const QByteArray now = searchText(after);
    if (old == now)
        return;
    append(deleteOp, id, old);
    append(storeOp, id, now);
}

void SearchIndexBuilder::append(char op, qint64 id, const QByteArray &text) {
    const quint32 size = quint32(text.size());
    m_buffer += op;
    m_buffer.append(reinterpret_cast<const char *>(&id), sizeof id);
    m_buffer.append(reinterpret_cast<const char *>(&size), sizeof size);
    m_buffer += text;
    if (m_buffer.size() >= flushAt)
        flush();
}

bool SearchIndexBuilder::flush() {
    if (!m_buffer.isEmpty() && m_spool->write(m_buffer) != m_buffer.size())
        m_spoolFailed = true;
    m_buffer.clear();
    return !m_spoolFailed;
}

bool SearchIndexBuilder::start(QString *error) {
    if (!flush() || !m_spool->flush()) {
        *error = tr("cannot write %1: %2").arg(m_spool->fileName(), m_spool->errorString());
        return false;
    }
    m_spoolSize = m_spool->size();
    try {
        m_thread = std::thread([this] { build(); });
    } catch (const std::system_error &e) {
        *error = QString::fromLocal8Bit(e.what());
        return false;
    }
    return true;
}

void SearchIndexBuilder::build() {
    sqlite3 *side = nullptr;
    const QByteArray path = m_side->fileName().toUtf8();
    if (sqlite3_open_v2(path.constData(), &side, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
        m_buildError = tr("cannot open %1: %2").arg(m_side->fileName(), sqliteMessage(side));
    else if (!buildFrom(side) && m_buildError.isEmpty())
        m_buildError = sqliteMessage(side);
    sqlite3_close(side);
}

bool SearchIndexBuilder::buildFrom(sqlite3 *side) {
    // A file of this build alone: no journal and no waiting for the disk; a crash loses
    // nothing the database holds.
    const QString setup =
        QStringLiteral("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                       "CREATE VIRTUAL TABLE leads_fts USING fts5(search_text, content='', %1); "
                       "INSERT INTO leads_fts(leads_fts, rank) VALUES ('hashsize', 16777216); "
                       "BEGIN")
            .arg(SqlDialect::searchIndexOptions());
    if (sqlite3_exec(side, setup.toUtf8().constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
        return false;
    sqlite3_stmt *add = nullptr;
    sqlite3_stmt *remove = nullptr;
    auto finalize = qScopeGuard([&] {
        sqlite3_finalize(add);
        sqlite3_finalize(remove);
    });
    if (sqlite3_prepare_v2(side, "INSERT INTO leads_fts(rowid, search_text) VALUES (?, ?)", -1,
                           &add, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(side,
                           "INSERT INTO leads_fts(leads_fts, rowid, search_text) "
                           "VALUES ('delete', ?, ?)",
                           -1, &remove, nullptr) != SQLITE_OK)
        return false;
    QFile spool(m_spool->fileName());
    if (!spool.open(QIODevice::ReadOnly)) {
        m_buildError = tr("cannot read %1: %2").arg(spool.fileName(), spool.errorString());
        return false;
    }
    QByteArray chunk;
    qsizetype at = 0;
    qint64 done = 0; // bytes of the list taken in: a read that fails ends it early
    for (;;) {
        if (m_stop)
            return true;                             // nobody waits for the result
        if (chunk.size() - at < recordHead + 4096) { // the next record may straddle the chunk
            chunk = chunk.mid(at) + spool.read(flushAt);
            at = 0;
        }
        if (chunk.size() == at) {
            if (done == m_spoolSize)
                break;
            m_buildError = tr("cannot read %1: %2").arg(spool.fileName(), spool.errorString());
            return false;
        }
        if (chunk.size() - at < recordHead) {
            m_buildError = tr("%1 ends in the middle of a record").arg(spool.fileName());
            return false;
        }
        const char op = chunk.at(at);
        qint64 id = 0;
        quint32 size = 0;
        std::memcpy(&id, chunk.constData() + at + 1, sizeof id);
        std::memcpy(&size, chunk.constData() + at + 1 + sizeof id, sizeof size);
        if (chunk.size() - at - recordHead < qsizetype(size))
            chunk += spool.read(qsizetype(size)); // a text longer than a chunk
        if (chunk.size() - at - recordHead < qsizetype(size)) {
            m_buildError = tr("%1 ends in the middle of a record").arg(spool.fileName());
            return false;
        }
        sqlite3_stmt *statement = op == deleteOp ? remove : add;
        sqlite3_bind_int64(statement, 1, id);
        sqlite3_bind_text(statement, 2, chunk.constData() + at + recordHead, int(size),
                          SQLITE_STATIC);
        const int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (rc != SQLITE_DONE)
            return false;
        at += recordHead + qsizetype(size);
        done += recordHead + qint64(size);
    }
    return sqlite3_exec(side, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool SearchIndexBuilder::copyInto(const Database &db, QString *error) {
    if (!m_thread.joinable()) {
        *error = tr("the search index was not built");
        return false;
    }
    m_thread.join();
    if (!m_buildError.isEmpty()) {
        *error = m_buildError;
        return false;
    }
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'leads_fts'")) ||
        !q.next() || !q.value(0).toString().contains(SqlDialect::searchIndexOptions())) {
        *error = tr("the database's search index has other options than %1")
                     .arg(SqlDialect::searchIndexOptions());
        return false;
    }
    // A new table rather than rows put under the old one: its connection may hold what it
    // read of the old index.
    const QString create = q.value(0).toString();
    for (const QString &sql : {QStringLiteral("DROP TABLE leads_fts"), create,
                               QStringLiteral("DELETE FROM leads_fts_data"),
                               QStringLiteral("DELETE FROM leads_fts_idx")}) {
        if (!q.exec(sql)) {
            *error = q.lastError().text();
            return false;
        }
    }
    sqlite3 *side = nullptr;
    auto close = qScopeGuard([&side] { sqlite3_close(side); });
    const QByteArray path = m_side->fileName().toUtf8();
    if (sqlite3_open_v2(path.constData(), &side, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        *error = tr("cannot open %1: %2").arg(m_side->fileName(), sqliteMessage(side));
        return false;
    }
    // The index's two tables, row for row: the blocks of its segments and their first terms.
    const std::pair<const char *, QString> tables[] = {
        {"SELECT id, block FROM leads_fts_data",
         QStringLiteral("INSERT INTO leads_fts_data(id, block) VALUES (?, ?)")},
        {"SELECT segid, term, pgno FROM leads_fts_idx",
         QStringLiteral("INSERT INTO leads_fts_idx(segid, term, pgno) VALUES (?, ?, ?)")},
    };
    for (const auto &[select, insert] : tables) {
        sqlite3_stmt *read = nullptr;
        auto finalize = qScopeGuard([&read] { sqlite3_finalize(read); });
        SqlStatement write(db);
        if (sqlite3_prepare_v2(side, select, -1, &read, nullptr) != SQLITE_OK) {
            *error = sqliteMessage(side);
            return false;
        }
        if (!write.prepare(insert)) {
            *error = write.error();
            return false;
        }
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(read)) == SQLITE_ROW) {
            for (int i = 0; i < sqlite3_column_count(read); ++i) {
                if (sqlite3_column_type(read, i) == SQLITE_INTEGER)
                    write.bind(i, qint64(sqlite3_column_int64(read, i)));
                else
                    write.bindBlob(
                        i, QByteArrayView(static_cast<const char *>(sqlite3_column_blob(read, i)),
                                          sqlite3_column_bytes(read, i)));
            }
            if (!write.exec()) {
                *error = write.error();
                return false;
            }
        }
        if (rc != SQLITE_DONE) {
            *error = sqliteMessage(side);
            return false;
        }
    }
    return true;
}
