#include "connection.h"

#include "core/db/secrets.h"

#include <QDeadlineTimer>
#include <libpq-fe.h>
#include <poll.h>

using namespace Qt::StringLiterals;

namespace plumb::db {

namespace {

constexpr int defaultConnectTimeoutSeconds = 10;

// libpq reports several lines ("connection to server at ... failed: ..."): one line reads better.
QString oneLine(const char* text)
{
    QString line = QString::fromUtf8(text).trimmed();
    line.replace(u"\n"_s, u"; "_s);
    return line.simplified();
}

QString connectHint(pg_conn* conn, const QString& raw, const ConnectionInfo& info)
{
    const QString user = info.user().isEmpty() ? u"the current user"_s : info.user();
    if (PQconnectionNeedsPassword(conn))
        return u"The server wants a password for "_s + user +
               u" and none was given: put it in the URL, in PGPASSWORD, or in ~/.pgpass."_s;
    if (raw.contains(u"password authentication failed"))
        return u"The password for "_s + user +
               u" was rejected: check it in the URL, PGPASSWORD, ~/.pgpass or the keychain."_s;
    if (raw.contains(u"Connection refused"))
        return u"Nothing accepts connections there: start PostgreSQL on that host, or fix the "
               u"host and port (and the server's listen_addresses)."_s;
    if (raw.contains(u"could not translate host name"))
        return u"The host name does not resolve: check its spelling."_s;
    if (raw.contains(u"timeout expired") || raw.contains(u"timed out"))
        return u"The server did not answer in time: check that the host is reachable and not "
               u"firewalled, or raise connect_timeout."_s;
    if (raw.contains(u"database") && raw.contains(u"does not exist"))
        return u"Create the database (createdb NAME) or fix the database name in the URL."_s;
    if (raw.contains(u"role") && raw.contains(u"does not exist"))
        return u"That user does not exist on the server: fix the user name in the URL."_s;
    if (raw.contains(u"pg_hba.conf"))
        return u"The server's pg_hba.conf rejects this client: add an entry for it, or connect "
               u"as another user or over another method."_s;
    if (raw.contains(u"No such file or directory") && raw.contains(u"socket"))
        return u"No server listens on that Unix socket: start PostgreSQL, or give a host and "
               u"port."_s;
    return u"Check the URL, that the server is running, and that it accepts this client."_s;
}

Error connectError(pg_conn* conn, const ConnectionInfo& info, const QString& raw)
{
    return Error::make(ErrorCode::Connection, u"cannot connect to "_s + info.redacted() + u": "_s +
                                                  redactSecrets(raw) + u". "_s +
                                                  connectHint(conn, raw, info));
}

ErrorCode classify(const QString& sqlState)
{
    const QStringView cls = QStringView(sqlState).left(2);
    if (cls == u"08" || cls == u"28" || sqlState.startsWith(u"57P"))
        return ErrorCode::Connection;
    if (sqlState == u"55P03")
        return ErrorCode::Lock;
    if (cls == u"42" || cls == u"22" || cls == u"23" || cls == u"2B" || cls == u"0A" ||
        cls == u"3F" || cls == u"2F" || cls == u"39" || cls == u"P0")
        return ErrorCode::Schema;
    return ErrorCode::Generic;
}

// The 1-based line of a 1-based character position in `text`.
int lineOfPosition(const QString& text, int position)
{
    return static_cast<int>(text.left(position).count(u'\n')) + 1;
}

} // namespace

Param Param::textArray(const QStringList& values)
{
    QString literal = u"{"_s;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            literal += u',';
        QString element = values[i];
        element.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
        literal += u'"' + element + u'"';
    }
    literal += u'}';
    return Param(literal);
}

Result<std::unique_ptr<Connection>> Connection::open(const ConnectionInfo& info)
{
    SilentProgress progress;
    return open(info, progress);
}

Result<std::unique_ptr<Connection>> Connection::open(const ConnectionInfo& info, Progress& progress)
{
    // Everything Plumbline reads and writes is UTF-8; the name shows in pg_stat_activity.
    ConnectionInfo effective = info.with(u"client_encoding"_s, u"UTF8"_s);
    if (!effective.has(u"application_name") && !effective.has(u"fallback_application_name"))
        effective = effective.with(u"fallback_application_name"_s, u"plumbline"_s);
    // A dead peer must not hold a session (and the migration lock with it) until the kernel's
    // two-hour default notices: probe an idle TCP connection after 30 s, every 10 s, three
    // times. libpq applies connect_timeout to each host of a list; the deadline below covers
    // the whole. The URL's own values win.
    for (const auto& [keyword, value] :
         {std::pair{u"connect_timeout"_s, QString::number(defaultConnectTimeoutSeconds)},
          std::pair{u"keepalives"_s, u"1"_s}, std::pair{u"keepalives_idle"_s, u"30"_s},
          std::pair{u"keepalives_interval"_s, u"10"_s}, std::pair{u"keepalives_count"_s, u"3"_s}})
        if (!effective.has(keyword))
            effective = effective.with(keyword, value);

    std::vector<QByteArray> storage;
    storage.reserve(effective.parameters().size() * 2);
    std::vector<const char*> keywords, values;
    for (const auto& [key, value] : effective.parameters()) {
        storage.push_back(key.toUtf8());
        keywords.push_back(storage.back().constData());
        storage.push_back(value.toUtf8());
        values.push_back(storage.back().constData());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);

    bool timeoutOk = false;
    int timeoutSeconds = info.value(u"connect_timeout").toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0)
        timeoutSeconds = defaultConnectTimeoutSeconds;
    const QDeadlineTimer deadline{std::chrono::seconds(timeoutSeconds)};

    pg_conn* conn = PQconnectStartParams(keywords.data(), values.data(), 0);
    if (!conn)
        return fail(ErrorCode::Connection, u"cannot connect: libpq is out of memory"_s);
    auto giveUp = [conn](Error error) {
        PQfinish(conn);
        return std::unexpected(std::move(error));
    };
    if (PQstatus(conn) == CONNECTION_BAD)
        return giveUp(connectError(conn, info, oneLine(PQerrorMessage(conn))));

    // Poll the handshake ourselves so that cancel and the deadline are honoured at every step.
    PostgresPollingStatusType state = PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK) {
        if (state == PGRES_POLLING_FAILED)
            return giveUp(connectError(conn, info, oneLine(PQerrorMessage(conn))));
        if (progress.isCanceled())
            return giveUp(Error::make(ErrorCode::Canceled, u"connecting was canceled"_s));
        if (deadline.hasExpired())
            return giveUp(connectError(
                conn, info, u"timed out after "_s + QString::number(timeoutSeconds) + u" s"_s));
        pollfd descriptor{PQsocket(conn),
                          static_cast<short>(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        const int waitMs = static_cast<int>(std::min<qint64>(100, deadline.remainingTime()));
        if (::poll(&descriptor, 1, waitMs) != 0)
            state = PQconnectPoll(conn);
    }
    return std::unique_ptr<Connection>(new Connection(conn, info));
}

Connection::Connection(pg_conn* conn, ConnectionInfo info)
    : m_conn(conn)
    , m_info(std::move(info))
    , m_cancel(PQgetCancel(conn))
{}

Connection::~Connection()
{
    if (m_copyRow)
        PQfreemem(m_copyRow);
    {
        std::lock_guard lock(m_cancelMutex);
        if (m_cancel)
            PQfreeCancel(m_cancel);
        m_cancel = nullptr;
    }
    PQfinish(m_conn);
}

Result<QueryResult> Connection::exec(const QString& sql, const Params& params, Progress& progress)
{
    InterruptScope interrupt(progress, [this] { cancel(); });
    if (progress.isCanceled())
        return fail(ErrorCode::Canceled, u"canceled before the statement was sent"_s);
    const QByteArray text = sql.toUtf8();
    const std::vector<const char*> values = valuesOf(params);
    return run(sql, progress, [&] {
        return PQsendQueryParams(m_conn, text.constData(), static_cast<int>(values.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    });
}

Result<QueryResult> Connection::run(const QString& sql, Progress& progress,
                                    const std::function<int()>& send)
{
    pg_result* raw = nullptr;
    if (send()) {
        // A cancel() that came between the caller's check and the send reached an idle server
        // and was lost: look at the flag again now that the statement is on its way.
        if (progress.isCanceled())
            cancel();
        raw = lastResult();
    }
    auto result = collect(raw, sql);
    if (!result && progress.isCanceled() && result.error().sqlState == u"57014") {
        result.error().code = ErrorCode::Canceled;
        result.error().message = u"canceled while the statement ran"_s;
    }
    return result;
}

Result<QueryResult> Connection::exec(const QString& sql, const Params& params)
{
    SilentProgress nobody;
    return exec(sql, params, nobody);
}

std::vector<const char*> Connection::valuesOf(const Params& params)
{
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const Param& param : params)
        values.push_back(param.value() ? param.value()->constData() : nullptr);
    return values;
}

pg_result* Connection::lastResult()
{
    // What PQexecParams does after sending: the last result, or the first error. exec() streams
    // no COPY data: a statement that starts a COPY (a pg_dump file's COPY ... FROM stdin) is
    // ended here, so it fails with the server's message instead of leaving the connection in
    // COPY mode, where every later statement (and a DROP DATABASE waiting for this backend)
    // would hang.
    pg_result* kept = nullptr;
    while (pg_result* next = PQgetResult(m_conn)) {
        const ExecStatusType status = PQresultStatus(next);
        if (status == PGRES_COPY_IN || status == PGRES_COPY_BOTH) {
            PQclear(next);
            if (PQputCopyEnd(m_conn,
                             "COPY FROM STDIN needs the data in the same stream; "
                             "Plumbline runs statements, not data: load data with psql") < 0)
                break;
            continue;
        }
        if (status == PGRES_COPY_OUT) {
            PQclear(next);
            char* row = nullptr;
            while (PQgetCopyData(m_conn, &row, 0) > 0)
                PQfreemem(row);
            continue;
        }
        if (kept && PQresultStatus(kept) == PGRES_FATAL_ERROR) {
            PQclear(next);
        } else {
            PQclear(kept);
            kept = next;
        }
    }
    return kept;
}

Result<QueryResult> Connection::collect(pg_result* raw, const QString& sql)
{
    const ExecStatusType status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY)
        return QueryResult(raw);

    QueryResult owner(raw); // frees the result on every path below
    return std::unexpected(resultError(raw, sql));
}

Error Connection::lostConnection() const
{
    return Error::make(ErrorCode::Connection,
                       u"the connection to the server was lost ("_s +
                           oneLine(PQerrorMessage(m_conn)) +
                           u"). The server may have restarted or ended this session; reconnect "
                           u"and retry."_s);
}

// The error a failed statement's result (or its absence) describes. Does not free `raw`.
Error Connection::resultError(pg_result* raw, const QString& sql) const
{
    if (PQstatus(m_conn) == CONNECTION_BAD)
        return lostConnection();
    if (!raw || !PQresultErrorField(raw, PG_DIAG_MESSAGE_PRIMARY))
        return Error::make(ErrorCode::Generic, oneLine(PQerrorMessage(m_conn)));

    Error error;
    error.sqlState = QString::fromLatin1(PQresultErrorField(raw, PG_DIAG_SQLSTATE));
    error.code = classify(error.sqlState);
    error.message = QString::fromUtf8(PQresultErrorField(raw, PG_DIAG_MESSAGE_PRIMARY));
    if (const char* detail = PQresultErrorField(raw, PG_DIAG_MESSAGE_DETAIL))
        error.message += u". "_s + QString::fromUtf8(detail);
    if (const char* hint = PQresultErrorField(raw, PG_DIAG_MESSAGE_HINT))
        error.message += u". Hint: "_s + QString::fromUtf8(hint);
    if (const char* context = PQresultErrorField(raw, PG_DIAG_CONTEXT);
        context && sql.startsWith(u"COPY"))
        error.message += u" ("_s + oneLine(context) + u')';
    if (const char* position = PQresultErrorField(raw, PG_DIAG_STATEMENT_POSITION))
        error.line = lineOfPosition(sql, QByteArray(position).toInt());
    return error;
}

void Connection::cancel()
{
    std::lock_guard lock(m_cancelMutex);
    if (!m_cancel)
        return;
    char message[256];
    PQcancel(m_cancel, message, sizeof message);
}

int Connection::serverVersionNumber() const
{
    return PQserverVersion(m_conn);
}

QString Connection::serverVersion() const
{
    return QString::fromUtf8(PQparameterStatus(m_conn, "server_version"));
}

int Connection::backendPid() const
{
    return PQbackendPID(m_conn);
}
bool Connection::isAlive() const
{
    return PQstatus(m_conn) == CONNECTION_OK;
}
bool Connection::inTransactionBlock() const
{
    const PGTransactionStatusType status = PQtransactionStatus(m_conn);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

bool Connection::inFailedTransaction() const
{
    return PQtransactionStatus(m_conn) == PQTRANS_INERROR;
}

Result<Transaction> Transaction::begin(Connection& connection, const QString& characteristics)
{
    const bool nested = connection.inTransactionBlock();
    QString sql = nested ? u"SAVEPOINT plumb_nested"_s : u"BEGIN"_s;
    if (!nested && !characteristics.isEmpty())
        sql += u" TRANSACTION "_s + characteristics;
    auto begun = connection.exec(sql);
    if (!begun)
        return std::unexpected(begun.error());
    return Transaction(&connection, nested);
}

Result<Transaction> Transaction::begin(Connection& connection, const QString& characteristics,
                                       const std::vector<BatchStatement>& statements,
                                       std::vector<QueryResult>& results, Progress& progress)
{
    if (connection.inTransactionBlock()) {
        // A savepoint of the caller's block, set on its own: should a statement below fail, it
        // is certain that the savepoint exists for the rollback to return to.
        auto begun = begin(connection, characteristics);
        if (!begun)
            return std::unexpected(begun.error());
        auto ran = connection.execBatch(statements, progress);
        if (!ran)
            return std::unexpected(ran.error());
        results = std::move(*ran);
        return begun;
    }
    std::vector<BatchStatement> batch{
        {characteristics.isEmpty() ? u"BEGIN"_s : u"BEGIN TRANSACTION "_s + characteristics}};
    batch.insert(batch.end(), statements.begin(), statements.end());
    auto ran = connection.execBatch(batch, progress);
    if (!ran) {
        // BEGIN ran and a later statement failed: the block is left aborted, end it.
        if (connection.inTransactionBlock())
            (void)Transaction(&connection, false).rollback();
        return std::unexpected(ran.error());
    }
    results.assign(std::make_move_iterator(ran->begin() + 1), std::make_move_iterator(ran->end()));
    return Transaction(&connection, false);
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr))
    , m_nested(other.m_nested)
{}

Transaction::~Transaction()
{
    (void)rollback();
}

Status Transaction::commit()
{
    if (!m_connection)
        return fail(ErrorCode::Generic, u"the transaction has already ended"_s);
    auto committed = std::exchange(m_connection, nullptr)
                         ->exec(m_nested ? u"RELEASE SAVEPOINT plumb_nested"_s : u"COMMIT"_s);
    if (!committed)
        return std::unexpected(committed.error());
    return {};
}

Status Transaction::commit(const std::vector<BatchStatement>& statements,
                           std::vector<QueryResult>& results, Progress& progress)
{
    if (!m_connection)
        return fail(ErrorCode::Generic, u"the transaction has already ended"_s);
    std::vector<BatchStatement> batch = statements;
    batch.push_back({m_nested ? u"RELEASE SAVEPOINT plumb_nested"_s : u"COMMIT"_s});
    auto ran = m_connection->execBatch(batch, progress);
    if (!ran)
        return std::unexpected(ran.error()); // still open: rolled back on destruction
    m_connection = nullptr;
    ran->pop_back();
    results = std::move(*ran);
    return {};
}

Status Transaction::rollback()
{
    if (!m_connection)
        return {};
    Connection* connection = std::exchange(m_connection, nullptr);
    if (!connection->isAlive())
        return {};
    auto rolledBack =
        connection->exec(m_nested ? u"ROLLBACK TO SAVEPOINT plumb_nested"_s : u"ROLLBACK"_s);
    if (rolledBack && m_nested)
        rolledBack = connection->exec(u"RELEASE SAVEPOINT plumb_nested"_s);
    if (!rolledBack)
        return std::unexpected(rolledBack.error());
    return {};
}

} // namespace plumb::db
