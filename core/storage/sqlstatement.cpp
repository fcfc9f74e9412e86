#include "sqlstatement.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringEncoder>
#include <QVariant>

#include <sqlite3.h>

namespace {

// The connection's handle, when Qt's driver runs on the very SQLite library linked here (a Qt
// with SQLite built into its plugin has a copy of its own, whose handles this one must not
// touch); else null, and statements go through QSqlQuery.
sqlite3 *sqliteHandle(const QSqlDatabase &connection) {
    const QVariant handle = connection.driver() ? connection.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    static const bool sameLibrary = [&connection] {
        QSqlQuery q(connection);
        return q.exec(QStringLiteral("SELECT sqlite_source_id()")) && q.next() &&
               q.value(0).toString() == QLatin1String(sqlite3_sourceid());
    }();
    return sameLibrary ? *static_cast<sqlite3 *const *>(handle.constData()) : nullptr;
}

QString sqliteError(sqlite3_stmt *statement) {
    return QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(statement)));
}

} // namespace

SqlStatement::SqlStatement(const Database &db)
    : m_db(db) {}

SqlStatement::~SqlStatement() {
    if (m_native)
        sqlite3_finalize(m_native);
}

QString SqlStatement::placeholders(qsizetype count) {
    QString marks;
    for (qsizetype i = 0; i < count; ++i)
        marks += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return marks;
}

bool SqlStatement::isPrepared() const {
    return m_native || m_query;
}

bool SqlStatement::prepare(const QString &sql) {
    const QSqlDatabase connection = m_db.connection();
    if (sqlite3 *handle =
            m_db.backend() == Database::Backend::Sqlite ? sqliteHandle(connection) : nullptr) {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v3(handle, utf8.constData(), int(utf8.size()),
                               SQLITE_PREPARE_PERSISTENT, &m_native, nullptr) != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(handle));
            m_native = nullptr;
            return false;
        }
        return true;
    }
    m_query = std::make_unique<QSqlQuery>(connection);
    m_query->setForwardOnly(true);
    if (!m_query->prepare(sql)) {
        m_error = m_query->lastError().text().simplified();
        m_query.reset();
        return false;
    }
    return true;
}

void SqlStatement::resetIfRun() {
    if (!m_run)
        return;
    m_run = false;
    if (m_native)
        sqlite3_reset(m_native);
    else if (m_query)
        m_query->finish();
}

void SqlStatement::bind(int index, const QString &value) {
    resetIfRun();
    if (m_native) {
        if (value.isEmpty()) {
            sqlite3_bind_text(m_native, index + 1, "", 0, SQLITE_STATIC);
            return;
        }
        if (size_t(index) >= m_texts.size())
            m_texts.resize(size_t(index) + 1);
        QByteArray &utf8 = m_texts[size_t(index)];
        QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
        utf8.resize(encoder.requiredSpace(value.size())); // keeps the capacity it has
        const char *end = encoder.appendToBuffer(utf8.data(), value);
        utf8.truncate(end - utf8.constData());
        sqlite3_bind_text(m_native, index + 1, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
    } else if (m_query) {
        m_query->bindValue(index, value.isNull() ? QString(QLatin1String("")) : value);
    }
}

void SqlStatement::bind(int index, qint64 value) {
    resetIfRun();
    if (m_native)
        sqlite3_bind_int64(m_native, index + 1, value);
    else if (m_query)
        m_query->bindValue(index, value);
}

void SqlStatement::bind(int index, double value) {
    resetIfRun();
    if (m_native)
        sqlite3_bind_double(m_native, index + 1, value);
    else if (m_query)
        m_query->bindValue(index, value);
}

void SqlStatement::bindBlob(int index, QByteArrayView value) {
    resetIfRun();
    if (m_native)
        // An empty blob is not null: SQLite takes a null pointer for a null.
        sqlite3_bind_blob(m_native, index + 1, value.isEmpty() ? "" : value.data(),
                          int(value.size()), SQLITE_STATIC);
    else if (m_query)
        m_query->bindValue(index, value.toByteArray());
}

void SqlStatement::bind(int index, const QVariant &value) {
    switch (value.typeId()) {
    case QMetaType::Bool:
        bind(index, qint64(value.toBool() ? 1 : 0));
        return;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        bind(index, value.toLongLong());
        return;
    case QMetaType::Double:
        bind(index, value.toDouble());
        return;
    default:
        bind(index, value.toString());
    }
}

bool SqlStatement::exec() {
    resetIfRun();
    m_error.clear();
    m_run = true;
    m_rowPending = false;
    if (m_native) {
        const int rc = sqlite3_step(m_native);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            m_error = sqliteError(m_native);
            sqlite3_reset(m_native);
            m_run = false;
            return false;
        }
        sqlite3 *handle = sqlite3_db_handle(m_native);
        m_changes = sqlite3_changes(handle);
        m_lastId = sqlite3_last_insert_rowid(handle);
        m_hasRow = rc == SQLITE_ROW;
        m_rowPending = true;
        return true;
    }
    if (!m_query) {
        m_error = QCoreApplication::translate("SqlStatement", "the statement is not prepared");
        return false;
    }
    if (!m_query->exec()) {
        m_error = m_query->lastError().text().simplified();
        return false;
    }
    // A query's row count is not asked for: a forward-only query may not have its rows yet.
    m_changes = m_query->isSelect() ? 0 : m_query->numRowsAffected();
    return true;
}

bool SqlStatement::next() {
    if (m_native) {
        if (m_rowPending) {
            m_rowPending = false;
            return m_hasRow;
        }
        if (!m_hasRow)
            return false;
        const int rc = sqlite3_step(m_native);
        m_hasRow = rc == SQLITE_ROW;
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            m_error = sqliteError(m_native);
        return m_hasRow;
    }
    if (!m_query || !m_query->next()) {
        if (m_query && m_query->lastError().isValid())
            m_error = m_query->lastError().text().simplified();
        return false;
    }
    return true;
}

qint64 SqlStatement::intValue(int column) const {
    if (m_native)
        return sqlite3_column_int64(m_native, column);
    return m_query ? m_query->value(column).toLongLong() : 0;
}

QString SqlStatement::textValue(int column) const {
    if (m_native)
        return QString::fromUtf8(
            reinterpret_cast<const char *>(sqlite3_column_text(m_native, column)),
            sqlite3_column_bytes(m_native, column));
    return m_query ? m_query->value(column).toString() : QString();
}

double SqlStatement::realValue(int column) const {
    if (m_native)
        return sqlite3_column_double(m_native, column);
    return m_query ? m_query->value(column).toDouble() : 0.0;
}

QByteArray SqlStatement::utf8Value(int column) const {
    if (m_native)
        return QByteArray::fromRawData(
            reinterpret_cast<const char *>(sqlite3_column_text(m_native, column)),
            sqlite3_column_bytes(m_native, column));
    return m_query ? m_query->value(column).toString().toUtf8() : QByteArray();
}

QByteArrayView SqlStatement::utf8View(int column) const {
    if (!m_native)
        return {};
    const char *text = reinterpret_cast<const char *>(sqlite3_column_text(m_native, column));
    return QByteArrayView(text, sqlite3_column_bytes(m_native, column));
}

int SqlStatement::columnCount() const {
    if (m_native)
        return sqlite3_column_count(m_native);
    return m_query ? m_query->record().count() : 0;
}

QVariant SqlStatement::value(int column) const {
    if (!m_native)
        return m_query ? m_query->value(column) : QVariant();
    switch (sqlite3_column_type(m_native, column)) {
    case SQLITE_INTEGER:
        return qint64(sqlite3_column_int64(m_native, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(m_native, column);
    case SQLITE_NULL:
        return QVariant();
    default:
        return textValue(column);
    }
}

qint64 SqlStatement::lastInsertId() const {
    if (m_native)
        return m_lastId;
    return m_query ? m_query->lastInsertId().toLongLong() : 0;
}

int SqlStatement::rowsAffected() const {
    return m_changes;
}
