#pragma once

#include "core/db/connection_info.h"
#include "core/db/query_result.h"
#include "core/error.h"
#include "core/progress.h"

#include <QHash>
#include <QStringList>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_cancel;

namespace plumb::db {

// One bound statement parameter, sent in text format with its type left to the server.
class Param {
public:
    Param(std::nullopt_t) {}
    Param(const QString& value)
        : m_value(value.toUtf8())
    {}
    Param(QStringView value)
        : m_value(value.toUtf8())
    {}
    Param(int value)
        : m_value(QByteArray::number(value))
    {}
    Param(qint64 value)
        : m_value(QByteArray::number(value))
    {}
    Param(bool value)
        : m_value(value ? "true" : "false")
    {}
    // A narrow string would silently become bool: say QString or u""_s instead.
    Param(const char*) = delete;

    // A text[] value (an array literal passed as a parameter, never spliced into SQL).
    static Param textArray(const QStringList& values);

    const std::optional<QByteArray>& value() const { return m_value; }

private:
    std::optional<QByteArray> m_value;
};

using Params = std::vector<Param>;

// One statement of a batch (Connection::execBatch()): run as exec() runs it, or, `prepared`, as
// execPrepared() does.
struct BatchStatement {
    QString sql;
    Params params = {};
    bool prepared = false;
};

// One libpq connection (RAII over PGconn).
//
// Threads: a Connection belongs to the thread that uses it; only cancel() may be called from
// another thread. Every statement goes through the extended protocol (PQsendQueryParams, or
// PQsendPrepare and PQsendQueryPrepared), so values are never spliced into SQL and a string holds
// at most one statement.
class Connection {
public:
    // Connects, giving up when `progress` is canceled or connect_timeout (default 10 s) passes.
    static Result<std::unique_ptr<Connection>> open(const ConnectionInfo& info, Progress& progress);
    static Result<std::unique_ptr<Connection>> open(const ConnectionInfo& info);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs one statement. With a progress sink, progress.cancel() interrupts it on the server.
    Result<QueryResult> exec(const QString& sql, const Params& params = {});
    Result<QueryResult> exec(const QString& sql, const Params& params, Progress& progress);

    // Runs one statement like exec(), prepared once per connection: the first call has the
    // server parse it under a name of its own (PQsendPrepare), later calls send only that name
    // and the parameters (PQsendQueryPrepared), so the server neither parses nor analyses it
    // again and, once it keeps a generic plan, does not plan it again either. For the fixed
    // statements a caller runs again and again on one connection (the intent registry's catalog
    // queries): the connection keeps each until it closes, keyed by its text, so never pass text
    // that varies from call to call. Parameters stay bound, never spliced.
    Result<QueryResult> execPrepared(const QString& sql, const Params& params = {});
    Result<QueryResult> execPrepared(const QString& sql, const Params& params, Progress& progress);

    // Runs `statements` in order in one round trip (libpq's pipeline mode: all are sent, then
    // the results read) and returns their results in the same order. The first that fails stops
    // the batch (the server skips the rest) and its error is returned. Outside a transaction
    // block the batch is one implicit transaction, all or nothing; inside one (or after a BEGIN
    // of the batch) each statement is part of the block. For a few small statements with small
    // results, and no COPY: libpq sends the whole batch before it reads a result.
    Result<std::vector<QueryResult>> execBatch(const std::vector<BatchStatement>& statements,
                                               Progress& progress);

    // Asks the server to cancel the statement in flight. Thread-safe; harmless when idle.
    void cancel();

    // The COPY protocol, in both directions (copy_protocol.cpp). startCopy() sends a
    // "COPY ... TO STDOUT" or "COPY ... FROM STDIN" statement (fixed text from code: COPY takes no
    // parameters) and checks that the server switched to that mode. Then, for TO STDOUT,
    // readCopyRow() until it returns false; for FROM STDIN, writeCopy() and finishCopyIn().
    // Either way the connection is back to normal afterwards, or the result is an error.
    Status startCopy(const QString& sql);
    // One row of a COPY TO STDOUT in `row` (text format: the line with its newline). The bytes
    // stay valid until the next call. Returns false, and makes the row count the server reported
    // available from copiedRows(), once the data ended.
    Result<bool> readCopyRow(std::string_view& row);
    // Sends bytes of a COPY FROM STDIN (whole rows or not: the server reassembles them).
    Status writeCopy(std::string_view bytes);
    // Ends a COPY FROM STDIN: normally, or, with an abort reason, so that the server rolls the
    // statement back and nothing of it is stored. Returns the rows the server stored.
    Result<qint64> finishCopyIn(const QString& abortReason = {});
    // The row count of the last COPY TO STDOUT that ended.
    qint64 copiedRows() const { return m_copiedRows; }

    const ConnectionInfo& info() const { return m_info; }
    int serverVersionNumber() const; // e.g. 170002
    QString serverVersion() const;   // e.g. "17.2"
    int backendPid() const;
    bool isAlive() const;
    bool inTransactionBlock() const;  // idle inside BEGIN ... (or failed inside it)
    bool inFailedTransaction() const; // inside BEGIN ..., after an error (until ROLLBACK [TO])

private:
    Connection(pg_conn* conn, ConnectionInfo info);
    static std::vector<const char*> valuesOf(const Params& params);
    // Sends a statement with `send` and reads its results, honouring `progress` as exec() does.
    Result<QueryResult> run(const QString& sql, Progress& progress,
                            const std::function<int()>& send);
    // The server-side name of `sql`, prepared on this connection first when it is new.
    Result<QByteArray> preparedName(const QString& sql, Progress& progress);
    QByteArray nextPreparedName();
    // Reads the results of the statement sent last: the last one, or the first error.
    pg_result* lastResult();
    // Turns a result (null: the connection failed) into rows or an error that says what to do.
    Result<QueryResult> collect(pg_result* raw, const QString& sql);
    // The error a failed statement's result describes, and the one for a lost connection.
    Error resultError(pg_result* result, const QString& sql) const;
    Error lostConnection() const;

    pg_conn* m_conn;
    ConnectionInfo m_info;
    mutable std::mutex m_cancelMutex;
    pg_cancel* m_cancel = nullptr; // guarded by m_cancelMutex
    char* m_copyRow = nullptr;     // the last row readCopyRow() handed out (PQfreemem)
    qint64 m_copiedRows = 0;
    QHash<QString, QByteArray> m_prepared; // statement text -> its name on the server
    int m_preparedCount = 0;               // names handed out, so that none is used twice
    QByteArray m_preparedPrefix;           // this connection's own, random (nextPreparedName)
};

// A transaction on one connection: rolled back on destruction unless committed. Begun while the
// connection is already inside a transaction block, it is a savepoint of that block (the
// characteristics are then ignored): code that reads in its own transaction, like the catalog,
// can run inside a caller's transaction (preflight's replay) without committing it.
class Transaction {
public:
    // `characteristics` is a fixed clause from code, such as
    // "ISOLATION LEVEL REPEATABLE READ, READ ONLY"; never user input.
    static Result<Transaction> begin(Connection& connection, const QString& characteristics = {});
    // Begins it and runs `statements` in it, in one round trip (Connection::execBatch()); their
    // results come in `results`, in order. When one fails, no transaction is left open.
    static Result<Transaction> begin(Connection& connection, const QString& characteristics,
                                     const std::vector<BatchStatement>& statements,
                                     std::vector<QueryResult>& results, Progress& progress);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();

    Status commit();
    // Runs `statements` and commits, in one round trip; their results come in `results`, in
    // order. When one fails, nothing is committed: the transaction rolls back as one that was
    // never committed does.
    Status commit(const std::vector<BatchStatement>& statements, std::vector<QueryResult>& results,
                  Progress& progress);
    Status rollback();

private:
    explicit Transaction(Connection* connection, bool nested)
        : m_connection(connection)
        , m_nested(nested)
    {}
    Connection* m_connection; // null once committed or rolled back
    bool m_nested = false;    // a savepoint inside the caller's transaction block
};

} // namespace plumb::db
